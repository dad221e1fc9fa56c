"""Who gets what from the plan's structure URLs (tests/test_access_matrix.py).

A fresh plan of network A is made for each role (``kwargs`` is called once per
role), so one role's change or deletion does not move the next one's. Every
network A member reads the plans under way and their actions; the leads build
them; a draft is a 404 for the others. The action is in the charge of the World's
community, whose facilitator updates its progress. The World's regional committee
member is given today's seat for the World's sub-region, so she writes follow-ups
(and edits hers). Network B's admin gets 404 throughout.
"""

from entraide.core.testing import Rule, managers_only
from entraide.plans.models import FollowUpNote, PlanStatus
from entraide.plans.tests.access_common import seat_representative
from entraide.plans.tests.factories import make_plan

READ = {"anonymous": 302, "other_network_admin": 404}
LEADS_ONLY = managers_only()
LEADS_CHANGE = managers_only(project_lead=302, admin=302)
HIDDEN = managers_only(member=404, management=404)
HIDDEN_CHANGE = managers_only(project_lead=302, admin=302, member=404, management=404)
PROGRESS = managers_only(facilitator=200)
PROGRESS_POST = managers_only(project_lead=302, admin=302, facilitator=302)
FOLLOW_UP = managers_only(regional_committee=200)
FOLLOW_UP_POST = managers_only(project_lead=302, admin=302, regional_committee=302)
NOT_ALLOWED = {"anonymous": 302}
NOWHERE = {"anonymous": 302}


def _plan(*, status=PlanStatus.ACTIVE, network=None, part="plan", seated=False):
    def kwargs(world):
        if seated:
            seat_representative(world)
        built = make_plan(network or world.network, status=status)
        built["action"].responsible_communities.add(world.community)
        found = {"network": world.network.slug, "plan": built["plan"].pk}
        if part == "plan":
            return found
        if part == "note":
            note = FollowUpNote.objects.create(
                action=built["action"],
                subregion=world.subregion,
                author=world.people["regional_committee"],
                text="Suivi",
            )
            return {**found, "pk": note.pk}
        if part in ("mandate", "objective", "target"):
            return {**found, part: built[part].pk}
        return {**found, "pk": built[part.split("_")[0]].pk}

    return kwargs


def _network(world):
    return {"network": world.network.slug}


PLAN = _plan()
DRAFT = _plan(status=PlanStatus.DRAFT)


def _foreign(part="plan"):
    def kwargs(world):
        made = _plan(network=world.other_network, part=part)(world)
        return {**made, "network": world.network.slug}

    return kwargs


PLAN_DATA = {
    "title": "Plan 2028-2030",
    "period_start": "2028-07-01",
    "period_end": "2030-06-30",
    "status": "draft",
}
PART_DATA = {"title": "Un titre", "expected_result": "Un résultat attendu"}
ACTION_DATA = {
    "description": "Organiser le colloque",
    "schedule_kind": "months",
    "start_month": "2026-10",
    "end_month": "2027-03",
    "lock_version": "0",
}
PROGRESS_DATA = {"status": "in_progress", "progress": "50", "comment": "Bien lancé"}


def _follow_up_data(world):
    return {"subregion": world.subregion.pk, "text": "Suivi de la sous-région"}


def _parts():
    """Create, edit and delete of mandates, objectives, targets and actions."""
    rules = []
    for name, part, data in (
        ("plans:mandate_create", "plan", PART_DATA),
        ("plans:mandate_edit", "mandate_pk", PART_DATA),
        ("plans:mandate_delete", "mandate_pk", None),
        ("plans:objective_create", "mandate", PART_DATA),
        ("plans:objective_edit", "objective_pk", PART_DATA),
        ("plans:objective_delete", "objective_pk", None),
        ("plans:target_create", "objective", PART_DATA),
        ("plans:target_edit", "target_pk", PART_DATA),
        ("plans:target_delete", "target_pk", None),
        ("plans:action_create", "target", ACTION_DATA),
        ("plans:action_edit", "action_pk", ACTION_DATA),
        ("plans:action_delete", "action_pk", None),
    ):
        active = _plan(part=part)
        rules += [
            Rule(name, kwargs=active, expect=LEADS_ONLY),
            Rule(name, kwargs=_plan(status=PlanStatus.DRAFT, part=part), expect=HIDDEN),
            Rule(name, kwargs=_foreign(part), expect=NOWHERE, default=404),
            Rule(name, method="POST", kwargs=active, data=data, expect=LEADS_CHANGE),
            Rule(
                name,
                method="POST",
                kwargs=_plan(status=PlanStatus.DRAFT, part=part),
                data=data,
                expect=HIDDEN_CHANGE,
            ),
        ]
    return rules


ACTION = _plan(part="action_pk")
SEATED_ACTION = _plan(part="action_pk", seated=True)
NOTE = _plan(part="note", seated=True)

RULES = [
    Rule("plans:list", kwargs=_network, expect=READ),
    Rule("plans:list", method="POST", kwargs=_network, expect=NOT_ALLOWED, default=405),
    Rule("plans:create", kwargs=_network, expect=LEADS_ONLY),
    Rule(
        "plans:create",
        method="POST",
        kwargs=_network,
        data=PLAN_DATA,
        expect=LEADS_CHANGE,
    ),
    Rule("plans:edit", kwargs=PLAN, expect=LEADS_ONLY),
    Rule("plans:edit", kwargs=DRAFT, expect=HIDDEN),
    Rule("plans:edit", kwargs=_foreign(), expect=NOWHERE, default=404),
    Rule("plans:edit", method="POST", kwargs=PLAN, data=PLAN_DATA, expect=LEADS_CHANGE),
    *_parts(),
    Rule("plans:action", kwargs=ACTION, expect=READ),
    Rule(
        "plans:action",
        kwargs=_plan(status=PlanStatus.DRAFT, part="action_pk"),
        expect=HIDDEN,
    ),
    Rule("plans:action", kwargs=_foreign("action_pk"), expect=NOWHERE, default=404),
    Rule("plans:action", method="POST", kwargs=ACTION, expect=NOT_ALLOWED, default=405),
    Rule("plans:action_progress", kwargs=ACTION, expect=PROGRESS),
    Rule(
        "plans:action_progress",
        method="POST",
        kwargs=ACTION,
        data=PROGRESS_DATA,
        expect=PROGRESS_POST,
    ),
    Rule(
        "plans:action_progress",
        kwargs=_foreign("action_pk"),
        expect=NOWHERE,
        default=404,
    ),
    Rule("plans:follow_up_create", kwargs=SEATED_ACTION, expect=FOLLOW_UP),
    Rule(
        "plans:follow_up_create",
        method="POST",
        kwargs=SEATED_ACTION,
        data=_follow_up_data,
        expect=FOLLOW_UP_POST,
    ),
    Rule(
        "plans:follow_up_create",
        kwargs=_foreign("action_pk"),
        expect=NOWHERE,
        default=404,
    ),
    Rule("plans:follow_up_edit", kwargs=NOTE, expect=FOLLOW_UP),
    Rule(
        "plans:follow_up_edit",
        method="POST",
        kwargs=NOTE,
        data=_follow_up_data,
        expect=FOLLOW_UP_POST,
    ),
    Rule("plans:follow_up_edit", kwargs=_foreign("note"), expect=NOWHERE, default=404),
]
