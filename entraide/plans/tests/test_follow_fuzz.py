"""Whatever is typed into the indicator and measure forms: never a 5xx."""

from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.plans.models import Indicator, IndicatorKind

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "\u202e3",
            "é" * 5000,
            "1e100",
            "NaN",
            "-Infinity",
            "9" * 40,
            "2026-02-30",
            "0000-00-00",
            "3,5",
            "3.555",
            "<script>alert(1)</script>",
        ]
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(
    name=NASTY,
    kind=st.one_of(st.sampled_from(IndicatorKind.values), NASTY),
    community=NASTY,
    subregion=NASTY,
    start=NASTY,
    end=NASTY,
    goal_min=NASTY,
    goal_max=NASTY,
    baseline=NASTY,
    action=NASTY,
)
def test_indicator_form_never_fails(
    client,
    plans,
    name,
    kind,
    community,
    subregion,
    start,
    end,
    goal_min,
    goal_max,
    baseline,
    action,
):
    client.force_login(plans.lead)
    url = reverse(
        "plans:indicator_create",
        kwargs={
            "network": plans.network.slug,
            "plan": plans.plan.pk,
            "target": plans.target.pk,
        },
    )
    response = client.post(
        url,
        {
            "name": name,
            "kind": kind,
            "community": community,
            "subregion": subregion,
            "period_start": start,
            "period_end": end,
            "unit": name[:80],
            "baseline": baseline,
            "goal_min": goal_min,
            "goal_max": goal_max,
            "action": action,
        },
    )
    assert response.status_code in (200, 302)


@FUZZ
@given(value=NASTY, measured_on=NASTY, source=NASTY)
def test_measure_form_never_fails(client, plans, value, measured_on, source):
    manual, _ = Indicator.objects.get_or_create(
        plan=plans.plan,
        target=plans.target,
        name="Satisfaction",
        kind=IndicatorKind.MANUAL,
        defaults={"goal_min": Decimal(80)},
    )
    client.force_login(plans.lead)
    url = reverse(
        "plans:measure_add",
        kwargs={"network": plans.network.slug, "plan": plans.plan.pk, "pk": manual.pk},
    )
    response = client.post(
        url, {"value": value, "measured_on": measured_on, "source": source}
    )
    assert response.status_code in (200, 302)
