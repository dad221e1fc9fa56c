"""The minutes and follow-up forms fuzzed: any input gives a page or a redirect."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.meetings.models import Session

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789:\n\r", max_size=60),
    st.just("x" * 50_050),
)
ODD_DATES = st.one_of(
    ODD_TEXT,
    st.sampled_from(["2027-02-30", "9999-12-31", "0001-01-01", "2027-13-01"]),
    st.dates().map(str),
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _past(place):
    session = place.session()
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(days=1)
    )
    return session


@FUZZ
@given(minutes=ODD_TEXT, decisions=ODD_TEXT, version=ODD_TEXT)
def test_minutes_form_never_fails(place, minutes, decisions, version):
    session = _past(place)
    client = Client()
    client.force_login(place.facilitator)
    url = reverse("meetings:minutes", kwargs=place.kwargs(pk=session.pk))
    response = client.post(
        url, {"minutes": minutes, "decisions": decisions, "version": version}
    )
    assert response.status_code in (200, 302)
    page = client.get(session.get_absolute_url())
    assert page.status_code == 200


@FUZZ
@given(
    description=ODD_TEXT,
    assignee=st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str)),
    due_on=ODD_DATES,
    status=ODD_TEXT,
)
def test_follow_up_forms_never_fail(place, description, assignee, due_on, status):
    session = _past(place)
    client = Client()
    client.force_login(place.facilitator)
    create = reverse("meetings:follow_up_create", kwargs=place.kwargs(pk=session.pk))
    data = {"description": description, "assignee": assignee, "due_on": due_on}
    response = client.post(create, data)
    assert response.status_code in (200, 302)
    follow_up = session.follow_ups.first()
    if follow_up is not None:
        edit = reverse(
            "meetings:follow_up_edit",
            kwargs=place.kwargs(pk=session.pk, follow_up=follow_up.pk),
        )
        for extra in ({"status": status}, {"status": status, "quick": "1"}):
            response = client.post(edit, {**data, **extra})
            assert response.status_code in (200, 302)
    attendance = reverse("meetings:attendance", kwargs=place.kwargs(pk=session.pk))
    response = client.post(attendance, {f"status_{place.educator.pk}": status})
    assert response.status_code in (200, 302)
