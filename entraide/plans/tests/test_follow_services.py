"""Writing indicators and their measures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from entraide.communities.models import Community
from entraide.notifications.models import Notification
from entraide.plans.models import Indicator, IndicatorKind, IndicatorMeasure
from entraide.plans.services import indicators as services
from entraide.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def fields(plans, **overrides):
    return {
        "name": "  Personnes   présentes ",
        "kind": IndicatorKind.PARTICIPANTS,
        "community": plans.pedagogy,
        "subregion": plans.subregion_a,
        "period_start": datetime.date(2026, 9, 1),
        "period_end": datetime.date(2027, 5, 31),
        "unit": "personnes",
        "baseline": Decimal(0),
        "goal_min": Decimal(20),
        "goal_max": None,
        "action": plans.action,
        **overrides,
    }


def test_add_indicator_sets_the_plan_and_places_it_last(plans):
    made = services.add_indicator(
        target=plans.target, actor=plans.lead, **fields(plans)
    )
    assert made.plan == plans.plan
    assert made.name == "Personnes présentes"
    assert made.position == 1
    assert made.subregion == plans.subregion_a
    assert not Notification.objects.exists()


def test_each_kind_keeps_only_its_scope(plans):
    tools = services.add_indicator(
        target=plans.target,
        actor=plans.lead,
        **fields(plans, kind=IndicatorKind.TOOLS_PUBLISHED),
    )
    assert tools.community == plans.pedagogy
    assert tools.subregion is None
    sheets = services.add_indicator(
        target=plans.target,
        actor=plans.lead,
        **fields(plans, kind=IndicatorKind.SHEETS_GATHERED),
    )
    assert sheets.community is None
    assert sheets.subregion == plans.subregion_a
    manual = services.add_indicator(
        target=plans.target, actor=plans.lead, **fields(plans, kind="manual")
    )
    assert manual.community is None and manual.subregion is None


def test_sessions_need_a_community_and_computed_kinds_a_period(plans):
    with pytest.raises(ValidationError) as error:
        services.add_indicator(
            target=plans.target,
            actor=plans.lead,
            **fields(
                plans,
                kind=IndicatorKind.SESSIONS_HELD,
                community=None,
                period_start=None,
            ),
        )
    assert {"community", "period_start"} <= set(error.value.message_dict)
    assert Indicator.objects.count() == 1


def test_goal_range_must_be_ordered(plans):
    with pytest.raises(ValidationError) as error:
        services.add_indicator(
            target=plans.target,
            actor=plans.lead,
            **fields(plans, goal_min=Decimal(4), goal_max=Decimal(3)),
        )
    assert "goal_max" in error.value.message_dict


def test_forged_scopes_and_actions_are_refused(plans):
    foreign = Community.objects.create(
        network=plans.other_network,
        slug="ailleurs",
        name="Ailleurs",
        kind="practice",
        visibility="network",
        join_policy="open",
    )
    other_plan = make_plan(plans.network)
    with pytest.raises(ValidationError) as error:
        services.add_indicator(
            target=plans.target,
            actor=plans.lead,
            **fields(
                plans,
                community=foreign,
                subregion=plans.other_network.subregions.first(),
                action=other_plan["action"],
            ),
        )
    assert set(error.value.message_dict) == {"community", "subregion", "action"}


def test_update_indicator(plans):
    updated = services.update_indicator(
        indicator=plans.indicator,
        actor=plans.lead,
        **fields(plans, kind=IndicatorKind.SESSIONS_HELD, goal_min=Decimal(5)),
    )
    assert updated.goal_min == 5
    assert updated.subregion is None
    assert updated.plan_id == plans.plan.pk
    plans.indicator.refresh_from_db()
    assert plans.indicator.goal_min == 5


def test_delete_indicator_removes_its_measures(plans):
    manual = services.add_indicator(
        target=plans.target, actor=plans.lead, **fields(plans, kind="manual")
    )
    services.record_measure(
        indicator=manual,
        actor=plans.lead,
        value=Decimal(3),
        measured_on=datetime.date(2026, 10, 1),
    )
    services.delete_indicator(indicator=manual, actor=plans.lead)
    assert not Indicator.objects.filter(pk=manual.pk).exists()
    assert not IndicatorMeasure.objects.exists()


def test_record_measure_keeps_who_and_the_source(plans):
    manual = services.add_indicator(
        target=plans.target, actor=plans.lead, **fields(plans, kind="manual")
    )
    measure = services.record_measure(
        indicator=manual,
        actor=plans.responsible,
        value=Decimal("12.5"),
        measured_on=datetime.date(2026, 10, 1),
        source=" Sondage   d'automne ",
    )
    assert measure.recorded_by == plans.responsible
    assert measure.source == "Sondage d'automne"
    assert manual.measures.get() == measure


def test_computed_indicator_refuses_a_measure(plans):
    with pytest.raises(ValidationError):
        services.record_measure(
            indicator=plans.indicator,
            actor=plans.lead,
            value=Decimal(1),
            measured_on=datetime.date(2026, 10, 1),
        )
    assert not IndicatorMeasure.objects.exists()
