"""Writing a plan's indicators and the values measured by hand for them.

An indicator belongs to the plan of its target: the plan, the community, the
sub-region and the measured action are checked here against that target, so a
form cannot forge one from another network or another target. Each kind keeps
only the scope it counts on (a community, a sub-region); the rest is cleared.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entraide.plans.models import (
    Indicator,
    IndicatorKind,
    IndicatorMeasure,
    Target,
)

INDICATOR_FIELDS = (
    "name",
    "kind",
    "community",
    "subregion",
    "survey",
    "period_start",
    "period_end",
    "unit",
    "baseline",
    "goal_min",
    "goal_max",
    "action",
)

# What each kind counts on; the other scopes are cleared.
KIND_SCOPES = {
    IndicatorKind.MANUAL: (),
    IndicatorKind.SESSIONS_HELD: ("community",),
    IndicatorKind.PARTICIPANTS: ("community", "subregion"),
    # Practice sheets belong to a sub-region, not to a community.
    IndicatorKind.SHEETS_GATHERED: ("subregion",),
    IndicatorKind.TOOLS_PUBLISHED: ("community",),
    IndicatorKind.SURVEY_RESPONSE_RATE: ("survey",),
}


def _apply(indicator: Indicator, target: Target, fields: dict) -> None:
    for name in INDICATOR_FIELDS:
        if name in fields:
            setattr(indicator, name, fields[name])
    indicator.name = " ".join((indicator.name or "").split())
    indicator.unit = " ".join((indicator.unit or "").split())
    kept = KIND_SCOPES.get(indicator.kind, ())
    if "community" not in kept:
        indicator.community = None
    if "subregion" not in kept:
        indicator.subregion = None
    if "survey" not in kept:
        indicator.survey = None
    network_id = target.objective.mandate.plan.network_id
    errors = {}
    community = indicator.community
    if community is not None and community.network_id != network_id:
        errors["community"] = _("Choisissez une communauté du réseau.")
    subregion = indicator.subregion
    if subregion is not None and subregion.network_id != network_id:
        errors["subregion"] = _("Choisissez une sous-région du réseau.")
    survey = indicator.survey
    if survey is not None and survey.network_id != network_id:
        errors["survey"] = _("Choisissez un sondage du réseau.")
    elif survey is not None and survey.audience == "public":
        errors["survey"] = _(
            "Un sondage public n'a pas de personnes visées : son taux de réponse "
            "ne se calcule pas."
        )
    action = indicator.action
    if action is not None and action.target_id != target.pk:
        errors["action"] = _("Choisissez une action de cette cible.")
    if errors:
        raise ValidationError(errors)
    indicator.full_clean(exclude=["plan", "target"])


def add_indicator(*, target: Target, actor, **fields) -> Indicator:
    """A new indicator, placed last among its target's."""
    plan = target.objective.mandate.plan
    indicator = Indicator(plan=plan, target=target)
    _apply(indicator, target, fields)
    with transaction.atomic():
        indicator.position = Indicator.objects.filter(target=target).count()
        indicator.save()
    return indicator


def update_indicator(*, indicator: Indicator, actor, **fields) -> Indicator:
    with transaction.atomic():
        current = (
            Indicator.objects.select_for_update()
            .select_related("target__objective__mandate__plan")
            .get(pk=indicator.pk)
        )
        _apply(current, current.target, fields)
        current.save()
    return current


def delete_indicator(*, indicator: Indicator, actor) -> None:
    """The indicator and its measures."""
    with transaction.atomic():
        Indicator.objects.filter(pk=indicator.pk).delete()


def record_measure(
    *,
    indicator: Indicator,
    actor,
    value: Decimal,
    measured_on: datetime.date,
    source: str = "",
) -> IndicatorMeasure:
    """A value entered by hand; computed indicators count by themselves."""
    if indicator.is_computed:
        raise ValidationError(
            _("Cet indicateur se calcule de lui-même : aucune mesure à saisir.")
        )
    measure = IndicatorMeasure(
        indicator=indicator,
        value=value,
        measured_on=measured_on,
        source=" ".join((source or "").split()),
        recorded_by=actor,
    )
    measure.full_clean(exclude=["indicator", "recorded_by"])
    with transaction.atomic():
        measure.save()
    return measure
