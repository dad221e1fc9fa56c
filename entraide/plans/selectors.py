"""Reads of plans shared by several views; visibility decided here."""

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from entraide.core.timezones import zone
from entraide.networks.models import Network
from entraide.plans import permissions as perms
from entraide.plans.models import (
    Action,
    FollowUpNote,
    Indicator,
    Mandate,
    Objective,
    Plan,
    PlanStatus,
    Target,
)


def viewer_in(request, network_slug: str) -> perms.Viewer:
    """The person in a network they belong to; 404 for anyone else (signed in)."""
    network = Network.objects.filter(slug=network_slug).first()
    if network is None:
        raise Http404
    viewer = perms.viewer_for(request.user, network)
    if not viewer.is_member:
        raise Http404
    return viewer


def network_today(network):
    """Today in the network's time zone: lateness is judged there."""
    return timezone.localdate(timezone=zone(network.time_zone))


def visible_plans(viewer: perms.Viewer) -> QuerySet[Plan]:
    plans = Plan.objects.filter(network=viewer.network)
    if not viewer.leads:
        plans = plans.exclude(status=PlanStatus.DRAFT)
    return plans.annotate(action_count=Count("actions"))


def plan_for(viewer: perms.Viewer, pk: int) -> Plan:
    plan = Plan.objects.filter(network=viewer.network, pk=pk).first()
    if plan is None or not perms.can_view_plan(viewer, plan):
        raise Http404
    plan.network = viewer.network
    return plan


def _actions_queryset():
    return Action.objects.prefetch_related(
        "responsible_people", "responsible_communities"
    ).order_by("position", "pk")


def plan_tree(plan: Plan) -> list[Mandate]:
    """Mandates → objectives → targets → actions and indicators, in seven queries.

    Every action and indicator gets ``plan`` set to the given object, so nothing
    below asks for it again.
    """
    indicators = Indicator.objects.select_related(
        "community", "subregion", "survey"
    ).order_by("position", "pk")
    targets = Target.objects.prefetch_related(
        Prefetch("actions", queryset=_actions_queryset()),
        Prefetch("indicators", queryset=indicators),
    )
    objectives = Objective.objects.prefetch_related(
        Prefetch("targets", queryset=targets)
    )
    mandates = list(
        Mandate.objects.filter(plan=plan).prefetch_related(
            Prefetch("objectives", queryset=objectives)
        )
    )
    for mandate in mandates:
        mandate.plan = plan
        for objective in mandate.objectives.all():
            for target in objective.targets.all():
                for action in target.actions.all():
                    action.plan = plan
                for indicator in target.indicators.all():
                    indicator.plan = plan
    return mandates


def tree_indicators(mandates: list[Mandate]) -> list[Indicator]:
    return [
        indicator
        for mandate in mandates
        for objective in mandate.objectives.all()
        for target in objective.targets.all()
        for indicator in target.indicators.all()
    ]


def tree_actions(mandates: list[Mandate]) -> list[Action]:
    return [
        action
        for mandate in mandates
        for objective in mandate.objectives.all()
        for target in objective.targets.all()
        for action in target.actions.all()
    ]


def action_for(viewer: perms.Viewer, plan: Plan, pk: int) -> Action:
    """One action of a plan the viewer may read, ready for its page, or 404."""
    action = (
        _actions_queryset()
        .filter(plan=plan, pk=pk)
        .select_related("target__objective__mandate")
        .first()
    )
    if action is None:
        raise Http404
    action.plan = plan
    return action


def mandate_in(plan: Plan, pk: int) -> Mandate:
    """One mandate of the plan, or 404."""
    mandate = Mandate.objects.filter(plan=plan, pk=pk).first()
    if mandate is None:
        raise Http404
    mandate.plan = plan
    return mandate


def objective_in(plan: Plan, pk: int) -> Objective:
    objective = (
        Objective.objects.filter(mandate__plan=plan, pk=pk)
        .select_related("mandate")
        .first()
    )
    if objective is None:
        raise Http404
    objective.mandate.plan = plan
    return objective


def target_in(plan: Plan, pk: int) -> Target:
    target = (
        Target.objects.filter(objective__mandate__plan=plan, pk=pk)
        .select_related("objective__mandate")
        .first()
    )
    if target is None:
        raise Http404
    target.objective.mandate.plan = plan
    return target


def note_in(plan: Plan, pk: int) -> FollowUpNote:
    note = (
        FollowUpNote.objects.filter(action__plan=plan, pk=pk)
        .select_related("action", "subregion")
        .first()
    )
    if note is None:
        raise Http404
    note.action.plan = plan
    return note


def indicator_in(plan: Plan, pk: int) -> Indicator:
    indicator = (
        Indicator.objects.filter(plan=plan, pk=pk)
        .select_related("community", "subregion", "survey", "action", "target")
        .first()
    )
    if indicator is None:
        raise Http404
    indicator.plan = plan
    return indicator


def table_url(plan: Plan, anchor: str = "") -> str:
    """The plan's table, at one of its rows (``target-12``, ``action-3``…)."""
    url = plan.get_absolute_url()
    return f"{url}#{anchor}" if anchor else url


def follow_ups(action: Action) -> QuerySet[FollowUpNote]:
    return action.follow_ups.select_related("subregion", "author")
