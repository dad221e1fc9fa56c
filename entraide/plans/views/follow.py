"""The plan as a table, its indicators and the management dashboard.

The table and the dashboard read the whole plan in a fixed number of queries
(``selectors.plan_tree`` and one ``values_for`` call, aggregates per sub-region in
one query), so they cost the same with ten actions or a thousand.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import require, show_service_errors
from entraide.networks.models import SubRegion
from entraide.plans import permissions as perms
from entraide.plans import selectors
from entraide.plans.forms.follow import IndicatorForm, MeasureForm, PlanFilterForm
from entraide.plans.indicators import Standing, values_for
from entraide.plans.models import (
    LATE,
    OPEN_STATUSES,
    Action,
    ActionStatus,
    FollowUpNote,
    Indicator,
    late_actions_q,
)
from entraide.plans.services import indicators as services
from entraide.plans.templatetags.plan_tags import ACTION_TONES, action_status_label

STATUS_ORDER = (
    ActionStatus.NOT_STARTED,
    ActionStatus.IN_PROGRESS,
    LATE,
    ActionStatus.DONE,
    ActionStatus.CANCELLED,
)


def _number(value) -> str:
    return floatformat(value, "-2g")


def goal_label(indicator: Indicator) -> str:
    """« 3 à 4 » or « 3 »."""
    low = _number(indicator.goal_min)
    if indicator.goal_max is not None and indicator.goal_max != indicator.goal_min:
        return _("%(low)s à %(high)s") % {
            "low": low,
            "high": _number(indicator.goal_max),
        }
    return low


def value_label(indicator: Indicator, reading) -> str:
    """« 2 sur 3 à 4 rencontres »."""
    goal = " ".join(filter(None, (goal_label(indicator), indicator.unit)))
    if reading is None or reading.value is None:
        return _("Aucune mesure — cible : %(goal)s") % {"goal": goal}
    return _("%(value)s sur %(goal)s") % {"value": _number(reading.value), "goal": goal}


def _read(indicators, plan, today) -> dict:
    """Each indicator gets ``reading`` and ``value_label``, in one query per kind."""
    readings = values_for(
        indicators,
        network=plan.network,
        today=today,
        period=(plan.period_start, plan.period_end),
    )
    for indicator in indicators:
        indicator.reading = readings[indicator.pk]
        indicator.value_label = value_label(indicator, indicator.reading)
    return readings


def _status_counts(counts: Counter) -> list[dict]:
    return [
        {
            "status": status,
            "label": action_status_label(status),
            "tone": ACTION_TONES[status],
            "count": counts.get(status, 0),
        }
        for status in STATUS_ORDER
    ]


def _table_rows(mandates, *, status=None, community=None, today=None) -> list[dict]:
    """The table's rows: a header per mandate, then one row per action (or per
    target without action), with the objective's and the target's cells spanning
    their rows. With filters, only targets with a matching action are kept."""
    filtering = bool(status or community)

    def keep(action):
        if status and action.shown_status(today) != status:
            return False
        if community and not any(
            c.pk == community for c in action.responsible_communities.all()
        ):
            return False
        return True

    rows = []
    for mandate in mandates:
        objectives = []
        for objective in mandate.objectives.all():
            targets = []
            for target in objective.targets.all():
                actions = [a for a in target.actions.all() if keep(a)]
                if actions or not filtering:
                    targets.append((target, actions))
            if targets or not filtering:
                objectives.append((objective, targets))
        if filtering and not objectives:
            continue
        rows.append({"mandate": mandate})
        for objective, targets in objectives:
            span = sum(max(1, len(actions)) for _target, actions in targets) or 1
            first = True
            if not targets:
                rows.append({"objective": objective, "objective_span": 1})
            for target, actions in targets:
                for index, action in enumerate(actions or [None]):
                    rows.append(
                        {
                            "objective": objective,
                            "objective_span": span if first else 0,
                            "target": target,
                            "target_span": max(1, len(actions)) if index == 0 else 0,
                            "action": action,
                        }
                    )
                    first = False
    return rows


@login_required
@require_safe
def plan_detail(request, network, plan):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    today = selectors.network_today(viewer.network)
    mandates = selectors.plan_tree(plan)
    actions = selectors.tree_actions(mandates)
    _read(selectors.tree_indicators(mandates), plan, today)
    communities = sorted(
        {c.pk: c for a in actions for c in a.responsible_communities.all()}.values(),
        key=lambda c: c.name.casefold(),
    )
    filters = PlanFilterForm(request.GET or None, communities=communities)
    chosen = {}
    if filters.is_bound:
        filters.is_valid()  # an unknown value is dropped; the other filter applies
        chosen = filters.cleaned_data
    status = chosen.get("status") or None
    community = chosen.get("community") or None
    rows = _table_rows(mandates, status=status, community=community, today=today)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "network": viewer.network,
            "plan": plan,
            "section": "table",
            "today": today,
            "rows": rows,
            "has_mandates": bool(mandates),
            "filters": filters,
            "filtering": bool(status or community),
            "status_counts": _status_counts(
                Counter(a.shown_status(today) for a in actions)
            ),
            "action_count": len(actions),
            "can_edit": perms.can_edit_plan(viewer, plan),
            "can_view_dashboard": perms.can_view_dashboard(viewer, plan),
            "can_export": perms.can_export_plan(viewer, plan),
        },
    )


def _counts_by_status(plan, today) -> Counter:
    late = late_actions_q(today)
    found = Action.objects.filter(plan=plan).aggregate(
        late=Count("pk", filter=late),
        **{
            status: Count("pk", filter=Q(status=status) & ~late)
            for status in ActionStatus.values
        },
    )
    return Counter({LATE: found.pop("late"), **found})


@login_required
@require_safe
def dashboard(request, network, plan):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    require(perms.can_view_dashboard(viewer, plan))
    today = selectors.network_today(viewer.network)
    late_actions = list(
        Action.objects.filter(plan=plan)
        .filter(late_actions_q(today))
        .prefetch_related("responsible_people", "responsible_communities")
        .order_by(Coalesce("deadline", "ends_on"), "position", "pk")
    )
    for action in late_actions:
        action.plan = plan
        action.days_late = (today - action.due_on).days
    counts = _counts_by_status(plan, today)
    indicators = list(
        Indicator.objects.filter(plan=plan)
        .select_related("community", "subregion", "survey", "target")
        .order_by("position", "pk")
    )
    _read(indicators, plan, today)
    off_target = [i for i in indicators if i.reading.standing == Standing.OFF_TARGET]
    followed_actions = sum(counts.values()) - counts.get(ActionStatus.CANCELLED, 0)
    notes = {
        row["subregion_id"]: row
        for row in FollowUpNote.objects.filter(action__plan=plan)
        .values("subregion_id")
        .annotate(
            notes=Count("pk"),
            latest=Max("created_at"),
            followed=Count(
                "action",
                distinct=True,
                filter=~Q(action__status=ActionStatus.CANCELLED),
            ),
        )
        .order_by()
    }
    subregions = sorted(
        SubRegion.objects.filter(network=viewer.network),
        key=lambda s: s.pk not in viewer.represented,
    )
    by_subregion = []
    for subregion in subregions:
        found = notes.get(subregion.pk, {})
        by_subregion.append(
            {
                "subregion": subregion,
                "mine": subregion.pk in viewer.represented,
                "notes": found.get("notes", 0),
                "latest": found.get("latest"),
                "without_follow_up": followed_actions - found.get("followed", 0),
                "indicators": [i for i in indicators if i.subregion_id == subregion.pk],
            }
        )
    return render(
        request,
        "plans/dashboard.html",
        {
            "network": viewer.network,
            "plan": plan,
            "section": "dashboard",
            "today": today,
            "late_actions": late_actions,
            "off_target": off_target,
            "by_subregion": by_subregion,
            "status_counts": _status_counts(counts),
            "action_count": sum(counts.values()),
            "open_statuses": OPEN_STATUSES,
            "can_view_dashboard": True,
            "can_edit": perms.can_edit_plan(viewer, plan),
        },
    )


def _indicator_url(plan, indicator) -> str:
    return reverse(
        "plans:indicator",
        kwargs={"network": plan.network.slug, "plan": plan.pk, "pk": indicator.pk},
    )


def _can_measure(viewer, plan, indicator) -> bool:
    if indicator.is_computed:
        return False
    if perms.can_edit_plan(viewer, plan):
        return True
    if indicator.action_id is None:
        return False
    action = selectors.action_for(viewer, plan, indicator.action_id)
    return perms.can_update_action(viewer, action)


def _form_page(request, viewer, plan, target, form, indicator=None):
    return render(
        request,
        "plans/indicator_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "target": target,
            "indicator": indicator,
            "form": form,
            "cancel_url": _indicator_url(plan, indicator)
            if indicator
            else selectors.table_url(plan, f"target-{target.pk}"),
        },
    )


@login_required
def indicator_create(request, network, plan, target):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    target = selectors.target_in(plan, target)
    require(perms.can_edit_plan(viewer, plan))
    initial = {"period_start": plan.period_start, "period_end": plan.period_end}
    chosen = request.GET.get("action", "")
    if chosen.isdigit():
        action = target.actions.filter(pk=int(chosen)).first()
        if action is not None:
            initial["action"] = action.pk
            if action.starts_on and action.ends_on:
                initial["period_start"] = action.starts_on
                initial["period_end"] = action.ends_on
    form = IndicatorForm(
        request.POST or None, network=viewer.network, target=target, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.add_indicator(
                target=target, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("L'indicateur est ajouté."))
            return redirect(selectors.table_url(plan, f"target-{target.pk}"))
    return _form_page(request, viewer, plan, target, form)


@login_required
@require_safe
def indicator_detail(request, network, plan, pk):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    indicator = selectors.indicator_in(plan, pk)
    today = selectors.network_today(viewer.network)
    _read([indicator], plan, today)
    can_measure = _can_measure(viewer, plan, indicator)
    measures = (
        list(indicator.measures.select_related("recorded_by"))
        if not indicator.is_computed
        else []
    )
    return render(
        request,
        "plans/indicator_detail.html",
        {
            "network": viewer.network,
            "plan": plan,
            "indicator": indicator,
            "goal_label": goal_label(indicator),
            "measures": measures,
            "can_edit": perms.can_edit_plan(viewer, plan),
            "can_measure": can_measure,
            "measure_form": MeasureForm(initial={"measured_on": today})
            if can_measure
            else None,
        },
    )


@login_required
def indicator_edit(request, network, plan, pk):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    indicator = selectors.indicator_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    initial = {name: getattr(indicator, name) for name in services.INDICATOR_FIELDS}
    form = IndicatorForm(
        request.POST or None,
        network=viewer.network,
        target=indicator.target,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_indicator(
                indicator=indicator, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("L'indicateur est modifié."))
            return redirect(_indicator_url(plan, indicator))
    return _form_page(request, viewer, plan, indicator.target, form, indicator)


@login_required
def indicator_delete(request, network, plan, pk):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    indicator = selectors.indicator_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    if request.method == "POST":
        services.delete_indicator(indicator=indicator, actor=request.user)
        messages.success(request, _("L'indicateur est supprimé."))
        return redirect(selectors.table_url(plan, f"target-{indicator.target_id}"))
    return render(
        request,
        "plans/indicator_confirm_delete.html",
        {"network": viewer.network, "plan": plan, "indicator": indicator},
    )


@login_required
def measure_add(request, network, plan, pk):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    indicator = selectors.indicator_in(plan, pk)
    if indicator.is_computed:
        raise Http404
    require(_can_measure(viewer, plan, indicator))
    today = selectors.network_today(viewer.network)
    form = MeasureForm(request.POST or None, initial={"measured_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_measure(
                indicator=indicator, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("La mesure est enregistrée."))
            return redirect(_indicator_url(plan, indicator))
    return render(
        request,
        "plans/measure_form.html",
        {"network": viewer.network, "plan": plan, "indicator": indicator, "form": form},
    )
