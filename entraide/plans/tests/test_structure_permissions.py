"""Every predicate of the plan's permissions × the people × the plan's status."""

import pytest

from entraide.plans import permissions as perms
from entraide.plans.models import FollowUpNote, PlanStatus

pytestmark = pytest.mark.django_db

PEOPLE = (
    "lead",
    "management",
    "rep_a",
    "rep_b",
    "facilitator",
    "responsible",
    "member",
    "outsider",
)
D, A, C = PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.CLOSED
ALL = {D, A, C}
RUNNING = {A, C}

# predicate -> person -> the plan statuses where it says yes.
TABLE = {
    "can_view_plans": {p: ALL for p in PEOPLE if p != "outsider"},
    "can_create_plan": {"lead": ALL},
    "can_view_plan": {"lead": ALL, **{p: RUNNING for p in PEOPLE[1:7]}},
    "can_edit_plan": {"lead": ALL},
    "can_view_dashboard": {
        "lead": ALL,
        "management": RUNNING,
        "rep_a": RUNNING,
        "rep_b": RUNNING,
    },
    "can_export_plan": {
        "lead": ALL,
        "management": RUNNING,
        "rep_a": RUNNING,
        "rep_b": RUNNING,
    },
    "can_update_action": {"lead": ALL, "facilitator": {A}, "responsible": {A}},
    "can_write_follow_up": {"lead": ALL, "rep_a": {A}, "rep_b": {A}},
    "can_write_follow_up_a": {"lead": ALL, "rep_a": {A}},
    "can_edit_follow_up": {"lead": ALL, "rep_a": {A}},
}


def _check(plans, name, person):
    viewer = perms.viewer_for(getattr(plans, person), plans.network)
    action = plans.action
    action.plan = plans.plan
    if name == "can_view_plans":
        return perms.can_view_plans(viewer)
    if name == "can_create_plan":
        return perms.can_create_plan(viewer)
    if name in ("can_update_action", "can_write_follow_up"):
        return getattr(perms, name)(viewer, action)
    if name == "can_write_follow_up_a":
        return perms.can_write_follow_up(viewer, action, plans.subregion_a.pk)
    if name == "can_edit_follow_up":
        note = FollowUpNote(
            action=action, subregion=plans.subregion_a, author=plans.rep_a, text="x"
        )
        return perms.can_edit_follow_up(viewer, note)
    return getattr(perms, name)(viewer, plans.plan)


@pytest.mark.parametrize("status", [D, A, C])
@pytest.mark.parametrize("name", sorted(TABLE))
def test_permission_truth_table(plans, name, status):
    plans.plan.status = status
    plans.plan.save()
    got = {person: _check(plans, name, person) for person in PEOPLE}
    expected = {person: status in TABLE[name].get(person, set()) for person in PEOPLE}
    assert got == expected


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        ("lead", None),
        ("rep_a", "a"),
        ("rep_b", "b"),
        ("member", ""),
        ("facilitator", ""),
        ("outsider", ""),
    ],
)
def test_follow_up_subregions(plans, person, expected):
    viewer = perms.viewer_for(getattr(plans, person), plans.network)
    plans.action.plan = plans.plan
    got = perms.follow_up_subregions(viewer, plans.action)
    wanted = {
        None: None,
        "a": frozenset({plans.subregion_a.pk}),
        "b": frozenset({plans.subregion_b.pk}),
        "": frozenset(),
    }[expected]
    assert got == wanted
