"""Building a plan: the plan itself, its mandates, objectives, targets and actions.

Each part is placed where its « ordre » says, or last among its siblings when no
order is given. Deleting a part deletes its children; the caller is told how many
actions went with it. People and communities put in charge of an action are
checked against the plan's network here, so a forged form cannot name someone of
another network. An action's edit compares ``lock_version`` with the one the
person started from: the second of two people saving the same action is refused.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from entraide.communities.models import Community
from entraide.notifications.services import notify
from entraide.plans import notifications
from entraide.plans.models import (
    Action,
    Mandate,
    Objective,
    Plan,
    PlanStatus,
    ScheduleKind,
    Target,
)

CONFLICT = "conflict"
PLAN_FIELDS = ("title", "context", "period_start", "period_end", "status")
ACTION_FIELDS = (
    "description",
    "responsible_note",
    "schedule_kind",
    "starts_on",
    "ends_on",
    "schedule_note",
    "deadline",
)


def _one_line(text) -> str:
    return " ".join((text or "").split())


def _next_position(siblings) -> int:
    last = siblings.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _place(obj, siblings, position) -> None:
    obj.position = _next_position(siblings) if position is None else position


# --- The plan -----------------------------------------------------------------------


def create_plan(
    *,
    network,
    actor,
    title: str,
    period_start: datetime.date,
    period_end: datetime.date,
    context: str = "",
    status: str = PlanStatus.DRAFT,
) -> Plan:
    plan = Plan(
        network=network,
        created_by=actor,
        title=_one_line(title),
        context=(context or "").strip(),
        period_start=period_start,
        period_end=period_end,
        status=status,
    )
    plan.full_clean(exclude=["network", "created_by"])
    with transaction.atomic():
        plan.save()
    return plan


def update_plan(*, plan: Plan, actor, **fields) -> Plan:
    for name in PLAN_FIELDS:
        if name in fields:
            setattr(plan, name, fields[name])
    plan.title = _one_line(plan.title)
    plan.context = (plan.context or "").strip()
    plan.full_clean(exclude=["network", "created_by"])
    with transaction.atomic():
        plan.save()
    return plan


# --- Mandates, objectives, targets --------------------------------------------------


def add_mandate(
    *, plan: Plan, actor, title: str, description: str = "", position=None
) -> Mandate:
    mandate = Mandate(
        plan=plan, title=_one_line(title), description=(description or "").strip()
    )
    with transaction.atomic():
        _place(mandate, Mandate.objects.filter(plan=plan), position)
        mandate.full_clean(exclude=["plan"])
        mandate.save()
    return mandate


def update_mandate(
    *, mandate: Mandate, actor, title: str, description: str = "", position=None
) -> Mandate:
    mandate.title = _one_line(title)
    mandate.description = (description or "").strip()
    if position is not None:
        mandate.position = position
    mandate.full_clean(exclude=["plan"])
    with transaction.atomic():
        mandate.save()
    return mandate


def add_objective(
    *, mandate: Mandate, actor, title: str, description: str = "", position=None
) -> Objective:
    objective = Objective(
        mandate=mandate, title=_one_line(title), description=(description or "").strip()
    )
    with transaction.atomic():
        _place(objective, Objective.objects.filter(mandate=mandate), position)
        objective.full_clean(exclude=["mandate"])
        objective.save()
    return objective


def update_objective(
    *, objective: Objective, actor, title: str, description: str = "", position=None
) -> Objective:
    objective.title = _one_line(title)
    objective.description = (description or "").strip()
    if position is not None:
        objective.position = position
    objective.full_clean(exclude=["mandate"])
    with transaction.atomic():
        objective.save()
    return objective


def add_target(
    *, objective: Objective, actor, expected_result: str, position=None
) -> Target:
    target = Target(
        objective=objective, expected_result=(expected_result or "").strip()
    )
    with transaction.atomic():
        _place(target, Target.objects.filter(objective=objective), position)
        target.full_clean(exclude=["objective"])
        target.save()
    return target


def update_target(
    *, target: Target, actor, expected_result: str, position=None
) -> Target:
    target.expected_result = (expected_result or "").strip()
    if position is not None:
        target.position = position
    target.full_clean(exclude=["objective"])
    with transaction.atomic():
        target.save()
    return target


def actions_under(part) -> int:
    """How many actions go with a mandate, an objective, a target or an action."""
    if isinstance(part, Mandate):
        return Action.objects.filter(target__objective__mandate=part).count()
    if isinstance(part, Objective):
        return Action.objects.filter(target__objective=part).count()
    if isinstance(part, Target):
        return Action.objects.filter(target=part).count()
    return 1


def delete_part(*, part, actor) -> int:
    """Delete a mandate, objective, target or action with its children.

    Returns how many actions were deleted with it.
    """
    with transaction.atomic():
        count = actions_under(part)
        type(part).objects.filter(pk=part.pk).delete()
    return count


# --- Actions ------------------------------------------------------------------------


def _in_charge(network, people, communities) -> tuple[list, list]:
    """The people and communities, refused when one is not of the network."""
    people = list(people or [])
    communities = list(communities or [])
    errors = {}
    if people:
        found = set(
            get_user_model()
            .objects.filter(
                pk__in=[p.pk for p in people],
                memberships__network=network,
                is_active=True,
            )
            .values_list("pk", flat=True)
        )
        if any(p.pk not in found for p in people):
            errors["responsible_people"] = _("Choisissez des membres du réseau.")
    if communities:
        found = set(
            Community.objects.filter(
                pk__in=[c.pk for c in communities],
                network=network,
                archived_at__isnull=True,
            ).values_list("pk", flat=True)
        )
        if any(c.pk not in found for c in communities):
            errors["responsible_communities"] = _(
                "Choisissez des communautés ou des comités du réseau."
            )
    if errors:
        raise ValidationError(errors)
    return people, communities


def _apply_action(action: Action, fields: dict) -> None:
    for name in ACTION_FIELDS:
        if name in fields:
            setattr(action, name, fields[name])
    action.responsible_note = _one_line(action.responsible_note)
    action.schedule_note = _one_line(action.schedule_note)
    action.description = (action.description or "").strip()
    if action.schedule_kind == ScheduleKind.MOMENT:
        action.starts_on = action.ends_on = None
    elif action.schedule_kind == ScheduleKind.ONGOING:
        action.ends_on = None
    action.full_clean(exclude=["plan", "target", "status", "progress"])


def _tell_assigned(action: Action, actor, people) -> None:
    plan = action.plan
    url = action.get_absolute_url()
    for person in people:
        if actor is not None and person.pk == actor.pk:
            continue
        transaction.on_commit(
            lambda person=person: notify(
                recipient=person,
                kind=notifications.ACTION_ASSIGNED.key,
                context={
                    "network": plan.network.name,
                    "action": str(action),
                },
                url=url,
                actor=actor,
                network=plan.network,
            )
        )


def add_action(
    *,
    target: Target,
    actor,
    responsible_people=(),
    responsible_communities=(),
    position=None,
    **fields,
) -> Action:
    """A new action, not started, placed last among its target's by default."""
    plan = target.objective.mandate.plan
    action = Action(plan=plan, target=target)
    _apply_action(action, fields)
    people, communities = _in_charge(
        plan.network, responsible_people, responsible_communities
    )
    with transaction.atomic():
        _place(action, Action.objects.filter(target=target), position)
        action.save()
        action.responsible_people.set(people)
        action.responsible_communities.set(communities)
        _tell_assigned(action, actor, people)
    return action


def conflict_error() -> ValidationError:
    return ValidationError(
        _(
            "Quelqu'un d'autre a modifié cette action pendant que vous la "
            "modifiiez. Rien n'est enregistré : vérifiez vos changements "
            "ci-dessous, puis enregistrez de nouveau."
        ),
        code=CONFLICT,
    )


def update_action(
    *,
    action: Action,
    actor,
    expected_lock_version: int | None,
    responsible_people=(),
    responsible_communities=(),
    position=None,
    **fields,
) -> Action:
    """Refused when the action moved since ``expected_lock_version`` was read.

    Only the people newly put in charge are told.
    """
    plan = action.plan
    people, communities = _in_charge(
        plan.network, responsible_people, responsible_communities
    )
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        if locked.lock_version != expected_lock_version:
            raise conflict_error()
        locked.plan = plan
        _apply_action(locked, fields)
        if position is not None:
            locked.position = position
        before = set(locked.responsible_people.values_list("pk", flat=True))
        locked.lock_version += 1
        locked.save()
        locked.responsible_people.set(people)
        locked.responsible_communities.set(communities)
        _tell_assigned(locked, actor, [p for p in people if p.pk not in before])
    return locked
