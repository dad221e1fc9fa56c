"""Indicator values computed from the network's activity, and their standing."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from entraide.core.testing import make_member
from entraide.library.models import Tool, ToolStatus
from entraide.library.tests.factories import make_tool
from entraide.meetings.models import Attendance, Session
from entraide.plans.indicators import Standing, assess, values_for
from entraide.plans.models import Indicator, IndicatorKind, IndicatorMeasure
from entraide.practices.models import PracticeSheet

pytestmark = pytest.mark.django_db

EASTERN = ZoneInfo("America/Toronto")
SEPT, MAY = datetime.date(2026, 9, 1), datetime.date(2027, 5, 31)
MID = datetime.date(2027, 1, 15)


def at(year, month, day, hour=12, tz=EASTERN):
    return datetime.datetime(year, month, day, hour, tzinfo=tz)


def session(plans, when, status="held", community=None):
    return Session.objects.create(
        community=community or plans.pedagogy,
        title="Rencontre",
        starts_at=when,
        status=status,
        created_by=plans.lead,
    )


def indicator(plans, kind, **fields):
    fields.setdefault("period_start", SEPT)
    fields.setdefault("period_end", MAY)
    fields.setdefault("goal_min", Decimal(3))
    return Indicator.objects.create(
        plan=plans.plan, target=plans.target, name=str(kind), kind=kind, **fields
    )


def value(plans, ind, today=MID):
    return values_for([ind], network=plans.network, today=today)[ind.pk].value


def test_network_zone_is_eastern(plans):
    assert ZoneInfo(plans.network.time_zone).utcoffset(
        datetime.datetime(2026, 9, 1)
    ) == EASTERN.utcoffset(datetime.datetime(2026, 9, 1))


def test_sessions_held_counts_held_sessions_of_the_community_in_period(plans):
    utc = datetime.UTC
    session(plans, at(2026, 10, 1))
    session(plans, at(2026, 11, 1), status="planned")
    session(plans, at(2026, 12, 1), status="cancelled")
    session(plans, at(2027, 6, 1))  # after the period
    session(plans, at(2026, 8, 31))  # before it
    # Local day bounds: 23:30 on 31 August in Quebec is 03:30 UTC on 1 September.
    session(plans, datetime.datetime(2026, 9, 1, 3, 30, tzinfo=utc))
    # 23:30 on 31 May in Quebec is still in the period.
    session(plans, datetime.datetime(2027, 6, 1, 3, 30, tzinfo=utc))
    other = plans.regional_committee
    session(plans, at(2026, 10, 2), community=other)
    assert value(plans, plans.indicator) == 2


def test_participants_are_distinct_and_present_only(plans):
    first = session(plans, at(2026, 10, 1))
    second = session(plans, at(2026, 11, 1))
    outside = session(plans, at(2027, 7, 1))
    absent = make_member(plans.network, "absente@mcq.example")
    for one in (first, second, outside):
        Attendance.objects.create(session=one, user=plans.member, status="present")
    Attendance.objects.create(session=first, user=plans.facilitator, status="present")
    Attendance.objects.create(session=first, user=absent, status="absent")
    Attendance.objects.create(session=second, user=absent, status="excused")
    ind = indicator(plans, IndicatorKind.PARTICIPANTS, community=plans.pedagogy)
    assert value(plans, ind) == 2


def test_sheets_gathered_per_sub_region_by_submission_date(plans):
    def sheet(subregion, submitted_at):
        return PracticeSheet.objects.create(
            network=plans.network, subregion=subregion, submitted_at=submitted_at
        )

    sheet(plans.subregion_a, at(2026, 10, 1))
    sheet(plans.subregion_a, at(2027, 3, 1))
    sheet(plans.subregion_a, None)  # a draft never submitted
    sheet(plans.subregion_a, at(2027, 6, 2))
    sheet(plans.subregion_b, at(2026, 10, 1))
    PracticeSheet.objects.create(
        network=plans.other_network, submitted_at=at(2026, 10, 1)
    )
    in_a = indicator(plans, IndicatorKind.SHEETS_GATHERED, subregion=plans.subregion_a)
    everywhere = indicator(plans, IndicatorKind.SHEETS_GATHERED)
    found = values_for([in_a, everywhere], network=plans.network, today=MID)
    assert found[in_a.pk].value == 2
    assert found[everywhere.pk].value == 3


def test_tools_published_by_publication_date(plans):
    inside = make_tool(plans.network, status=ToolStatus.PUBLISHED)
    Tool.objects.filter(pk=inside.pk).update(published_at=at(2026, 12, 1))
    late = make_tool(plans.network, status=ToolStatus.PUBLISHED)
    Tool.objects.filter(pk=late.pk).update(published_at=at(2027, 8, 1))
    make_tool(plans.network)  # never published
    foreign = make_tool(plans.other_network, status=ToolStatus.PUBLISHED)
    Tool.objects.filter(pk=foreign.pk).update(published_at=at(2026, 12, 1))
    ind = indicator(plans, IndicatorKind.TOOLS_PUBLISHED)
    assert value(plans, ind) == 1


def test_manual_reads_the_latest_measure(plans):
    ind = indicator(plans, IndicatorKind.MANUAL, goal_min=Decimal(80))
    assert value(plans, ind) is None
    for day, number in ((datetime.date(2026, 10, 1), 50), (MID, 70)):
        IndicatorMeasure.objects.create(
            indicator=ind, value=Decimal(number), measured_on=day
        )
    IndicatorMeasure.objects.create(
        indicator=ind, value=Decimal(60), measured_on=datetime.date(2026, 12, 1)
    )
    reading = values_for([ind], network=plans.network, today=MID)[ind.pk]
    assert reading.value == 70
    assert reading.measured_on == MID


@pytest.mark.parametrize(
    ("found", "today", "standing"),
    [
        (None, MID, Standing.NO_DATA),
        (3, MID, Standing.MET),
        (4, datetime.date(2027, 6, 1), Standing.MET),
        (2, MID, Standing.ON_TRACK),  # about half the period, half the goal
        (1, MID, Standing.OFF_TARGET),
        (0, datetime.date(2026, 8, 1), Standing.ON_TRACK),  # not started yet
        (2, datetime.date(2027, 6, 1), Standing.OFF_TARGET),  # period over
    ],
)
def test_standings(plans, found, today, standing):
    value = None if found is None else Decimal(found)
    assert assess(plans.indicator, value, today) == standing


def test_without_own_period_the_plan_period_is_used(plans):
    ind = indicator(plans, IndicatorKind.MANUAL, period_start=None, period_end=None)
    plan_period = (plans.plan.period_start, plans.plan.period_end)
    assert assess(ind, Decimal(1), MID, plan_period) == Standing.ON_TRACK
    assert assess(ind, Decimal(1), MID) == Standing.OFF_TARGET


def test_session_marked_held_counts_at_the_next_reading(plans):
    planned = session(plans, at(2026, 10, 1), status="planned")
    assert value(plans, plans.indicator) == 0
    Session.objects.filter(pk=planned.pk).update(status="held")
    assert value(plans, plans.indicator) == 1


def test_one_query_per_kind_whatever_the_number(plans, django_assert_num_queries):
    many = [plans.indicator]
    for _n in range(6):
        many.append(
            indicator(plans, IndicatorKind.SESSIONS_HELD, community=plans.pedagogy)
        )
        many.append(indicator(plans, IndicatorKind.PARTICIPANTS))
        many.append(
            indicator(plans, IndicatorKind.SHEETS_GATHERED, subregion=plans.subregion_a)
        )
        many.append(indicator(plans, IndicatorKind.TOOLS_PUBLISHED))
        many.append(indicator(plans, IndicatorKind.MANUAL))
    with django_assert_num_queries(5):
        found = values_for(many, network=plans.network, today=MID)
    assert len(found) == len(many)


def test_survey_rate_is_the_share_of_the_audience_who_answered(plans):
    from entraide.communities.models import CommunityMembership
    from entraide.surveys.models import Participation
    from entraide.surveys.tests.factories import make_survey

    survey = make_survey(plans.network, community=plans.pedagogy, status="open")
    for index in range(3):
        person = make_member(plans.network, f"cp{index}@mcq.example")
        CommunityMembership.objects.create(community=plans.pedagogy, user=person)
    asked = list(
        CommunityMembership.objects.filter(community=plans.pedagogy).values_list(
            "user", flat=True
        )
    )
    assert len(asked) >= 4
    Participation.objects.create(survey=survey, user_id=asked[0])
    ind = indicator(
        plans,
        IndicatorKind.SURVEY_RESPONSE_RATE,
        survey=survey,
        period_start=None,
        period_end=None,
        goal_min=Decimal(60),
    )
    reading = values_for([ind], network=plans.network, today=MID)[ind.pk]
    assert reading.value == round(100 / len(asked))
    assert reading.measured_on == MID
    for user in asked[1:]:
        Participation.objects.create(survey=survey, user_id=user)
    reading = values_for([ind], network=plans.network, today=MID)[ind.pk]
    assert (reading.value, reading.standing) == (100, Standing.MET)


def test_survey_rate_needs_a_survey_of_the_network_with_a_list(plans):
    from django.core.exceptions import ValidationError

    from entraide.plans.services.indicators import add_indicator
    from entraide.surveys.tests.factories import make_survey

    fields = {
        "name": "Taux de réponse",
        "kind": IndicatorKind.SURVEY_RESPONSE_RATE,
        "goal_min": Decimal(60),
    }
    with pytest.raises(ValidationError) as missing:
        add_indicator(target=plans.target, actor=plans.lead, **fields)
    assert "survey" in missing.value.message_dict
    foreign = make_survey(plans.other_network)
    with pytest.raises(ValidationError, match="sondage du réseau"):
        add_indicator(target=plans.target, actor=plans.lead, survey=foreign, **fields)
    public = make_survey(plans.network, audience="public")
    with pytest.raises(ValidationError, match="Un sondage public"):
        add_indicator(target=plans.target, actor=plans.lead, survey=public, **fields)
    mine = make_survey(plans.network, community=plans.pedagogy)
    made = add_indicator(
        target=plans.target,
        actor=plans.lead,
        survey=mine,
        community=plans.pedagogy,
        **fields,
    )
    assert (made.survey, made.community, made.period_start) == (mine, None, None)
