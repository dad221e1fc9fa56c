"""The planner fuzzed: any cadence or row gives a page or a redirect, never a 5xx."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789:T", max_size=40),
    st.just("x" * 20_050),
)
NUMBER = st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str))


@pytest.fixture(autouse=True)
def august():
    with time_machine.travel(datetime(2026, 8, 15, 16, tzinfo=UTC), tick=False):
        yield


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    step=st.sampled_from(["propose", "create", "edit", "", "autre"]),
    preset=st.one_of(st.sampled_from(["monthly", "three_four", "custom"]), ODD_TEXT),
    count=NUMBER,
    first_month=NUMBER,
    last_month=NUMBER,
    weekday=NUMBER,
    week=NUMBER,
    start_time=st.one_of(ODD_TEXT, st.sampled_from(["18:30", "24:00", "7:5"])),
    duration=NUMBER,
    total=st.one_of(st.sampled_from(["0", "1", "2", "53", "-1"]), ODD_TEXT),
    starts_at=st.one_of(
        ODD_TEXT,
        st.sampled_from(
            [
                "2027-02-30T10:00",
                "9999-12-31T23:59",
                "2026-09-14T18:30",
                "2026-03-08T02:30",
            ]
        ),
    ),
    title=ODD_TEXT,
)
def test_planner_never_fails(
    place,
    step,
    preset,
    count,
    first_month,
    last_month,
    weekday,
    week,
    start_time,
    duration,
    total,
    starts_at,
    title,
):
    client = Client()
    client.force_login(place.facilitator)
    response = client.post(
        reverse("meetings:planner", kwargs=place.kwargs(season=2026)),
        {
            "step": step,
            "preset": preset,
            "count": count,
            "first_month": first_month,
            "last_month": last_month,
            "weekday": weekday,
            "week": week,
            "start_time": start_time,
            "duration_minutes": duration,
            "format": "virtual",
            "rows-TOTAL_FORMS": total,
            "rows-INITIAL_FORMS": "0",
            "rows-0-keep": "on",
            "rows-0-starts_at": starts_at,
            "rows-0-title": title,
            "rows-0-theme": title,
            "rows-0-note": title,
            "rows-1-starts_at": starts_at,
            "rows-1-title": title,
        },
    )
    assert response.status_code in (200, 302)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(titles=ODD_TEXT)
def test_themes_form_never_fails(place, titles):
    client = Client()
    client.force_login(place.facilitator)
    response = client.post(
        reverse("meetings:programme_themes", kwargs=place.kwargs(season=2026)),
        {"titles": titles},
    )
    assert response.status_code in (200, 302)
