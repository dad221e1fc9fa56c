"""Whatever is typed into the action, progress and follow-up forms: never a 5xx,
and what was typed comes back with the error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.plans.models import FollowUpNote, ScheduleKind

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "\u202eabc",
            "é" * 5000,
            "9" * 40,
            "-1",
            "2026-02-30",
            "2026-13",
            "0000-00",
            "2026-09",
            "<script>alert(1)</script>",
        ]
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def url(plans, name, **kwargs):
    return reverse(
        name, kwargs={"network": plans.network.slug, "plan": plans.plan.pk, **kwargs}
    )


@FUZZ
@given(
    description=NASTY,
    kind=st.one_of(st.sampled_from(ScheduleKind.values), NASTY),
    start_month=NASTY,
    end_month=NASTY,
    start_date=NASTY,
    end_date=NASTY,
    note=NASTY,
    deadline=NASTY,
    people=NASTY,
    communities=NASTY,
    position=NASTY,
    lock_version=NASTY,
)
def test_action_form_never_fails(
    client,
    plans,
    description,
    kind,
    start_month,
    end_month,
    start_date,
    end_date,
    note,
    deadline,
    people,
    communities,
    position,
    lock_version,
):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:action_edit", pk=plans.action.pk),
        {
            "description": description,
            "schedule_kind": kind,
            "start_month": start_month,
            "end_month": end_month,
            "start_date": start_date,
            "end_date": end_date,
            "schedule_note": note,
            "deadline": deadline,
            "responsible_people": people,
            "responsible_communities": communities,
            "position": position,
            "lock_version": lock_version,
        },
    )
    assert response.status_code in (200, 302)


@FUZZ
@given(status=NASTY, progress=NASTY, comment=NASTY)
def test_progress_form_never_fails(client, plans, status, progress, comment):
    client.force_login(plans.responsible)
    response = client.post(
        url(plans, "plans:action_progress", pk=plans.action.pk),
        {"status": status, "progress": progress, "comment": comment},
    )
    assert response.status_code in (200, 302)


@FUZZ
@given(
    subregion=st.one_of(NASTY, st.sampled_from(["a", "b"])),
    text=NASTY,
    impacts=NASTY,
)
def test_follow_up_form_never_fails(client, plans, subregion, text, impacts):
    chosen = {"a": plans.subregion_a.pk, "b": plans.subregion_b.pk}.get(
        subregion, subregion
    )
    client.force_login(plans.rep_a)
    before = FollowUpNote.objects.filter(subregion=plans.subregion_b).count()
    response = client.post(
        url(plans, "plans:follow_up_create", pk=plans.action.pk),
        {"subregion": chosen, "text": text, "impacts": impacts},
    )
    assert response.status_code in (200, 302)
    assert FollowUpNote.objects.filter(subregion=plans.subregion_b).count() == before
