"""The report request form fuzzed: no 5xx, a French message, typed data kept."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.core.testing import make_member, make_network
from entraide.reports.models import ReportRun

typed = st.one_of(
    st.text(max_size=80),
    st.dates().map(lambda day: day.isoformat()),
    st.sampled_from(
        [
            "2026-02-30",
            "2026-13-01",
            "0000-01-01",
            "9999-12-31",
            "1999-12-31",
            "2026-01-01\x00",
            "\u202e2026-01-01",
            "２０２６-０１-０１",
            "",
        ]
    ),
)
kinds = st.one_of(
    st.sampled_from(["management", "scientific", "funders", "", "autre"]), st.text()
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def lead(db):
    network = make_network("mcq")
    return make_member(network, "lead@mcq.example", role="project_lead")


@FUZZ
@given(kind=kinds, start=typed, end=typed)
def test_any_request_answers_without_error(client, lead, kind, start, end):
    client.force_login(lead)
    before = ReportRun.objects.count()
    response = client.post(
        reverse("reports:list", kwargs={"network": "mcq"}),
        {"kind": kind, "period_start": start, "period_end": end},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        form = response.context["form"]
        assert form.errors
        assert ReportRun.objects.count() == before
        # What was typed comes back in the fields (NUL characters aside).
        assert form["period_start"].value() == start
        assert form["period_end"].value() == end
    else:
        run = ReportRun.objects.latest("pk")
        assert run.period_start <= run.period_end


def test_impossible_dates_get_a_french_message(client, lead):
    client.force_login(lead)
    response = client.post(
        reverse("reports:list", kwargs={"network": "mcq"}),
        {
            "kind": "management",
            "period_start": "2026-02-30",
            "period_end": "1850-01-01",
        },
    )
    html = response.content.decode()
    assert "Indiquez une date valide (AAAA-MM-JJ)." in html
    assert "Choisissez une date entre 2000 et 2100." in html
    assert 'value="2026-02-30"' in html and 'value="1850-01-01"' in html
