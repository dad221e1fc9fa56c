"""A small plan built row by row, for tests and the access matrix."""

import datetime
from decimal import Decimal

from entraide.plans.models import (
    Action,
    Indicator,
    IndicatorKind,
    Mandate,
    Objective,
    Plan,
    PlanStatus,
    ScheduleKind,
    Target,
)


def make_plan(network, *, created_by=None, community=None, status=PlanStatus.ACTIVE):
    """A plan with one mandate → objective → target → action, and one indicator.

    The indicator counts sessions held by ``community`` (3 to 4, Sept. 2026 to May
    2027) when a community is given; otherwise it is entered by hand.
    """
    plan = Plan.objects.create(
        network=network,
        title="Plan d'action régional 2026-2028",
        period_start=datetime.date(2026, 7, 1),
        period_end=datetime.date(2028, 6, 30),
        status=status,
        created_by=created_by,
    )
    mandate = Mandate.objects.create(
        plan=plan, title="Projet Odyssée", description="Coordonner les activités."
    )
    objective = Objective.objects.create(
        mandate=mandate, title="Mettre en place des communautés de pratique"
    )
    target = Target.objects.create(
        objective=objective,
        expected_result="Les communautés de pratique instaurées ont permis aux CPE "
        "de partager leur expertise.",
    )
    action = Action.objects.create(
        plan=plan,
        target=target,
        description="Tenir 3 à 4 rencontres par année",
        schedule_kind=ScheduleKind.MONTHS,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2027, 5, 31),
    )
    indicator = Indicator.objects.create(
        plan=plan,
        target=target,
        action=action,
        name="Rencontres tenues par la communauté Pédagogie",
        kind=IndicatorKind.SESSIONS_HELD if community else IndicatorKind.MANUAL,
        community=community,
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2027, 5, 31),
        unit="rencontres",
        baseline=Decimal(0),
        goal_min=Decimal(3),
        goal_max=Decimal(4),
    )
    return {
        "plan": plan,
        "mandate": mandate,
        "objective": objective,
        "target": target,
        "action": action,
        "indicator": indicator,
    }
