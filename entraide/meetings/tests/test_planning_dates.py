"""The planner's date proposals: spread over the season, away from holidays."""

from datetime import date, time

import pytest
from django.utils import translation

from entraide.meetings import planning
from entraide.meetings.planning import Cadence, PlanningError, YearMonth


@pytest.fixture(autouse=True)
def french():
    with translation.override("fr"):
        yield


def cadence(**fields) -> Cadence:
    fields.setdefault("first", YearMonth(2026, 9))
    fields.setdefault("last", YearMonth(2027, 6))
    fields.setdefault("count", 10)
    fields.setdefault("weekday", 0)
    fields.setdefault("week", 2)
    fields.setdefault("start_time", time(18, 30))
    return Cadence(**fields)


def test_monthly_mondays_in_quebec_avoid_thanksgiving():
    proposals = planning.propose(cadence(), province="QC", time_zone="America/Toronto")
    days = [p.day for p in proposals]
    assert len(days) == 10
    assert [d.month for d in days] == [9, 10, 11, 12, 1, 2, 3, 4, 5, 6]
    assert all(d.weekday() == 0 for d in days)
    # 2nd Monday of October 2026 is Thanksgiving: a week later.
    october = proposals[1]
    assert october.day == date(2026, 10, 19)
    assert october.note == "Déplacée : Action de grâce"
    assert [p.note for p in proposals if p.note] == ["Déplacée : Action de grâce"]


def test_start_time_is_local_to_the_network_across_daylight_saving():
    proposals = planning.propose(cadence(), province="QC", time_zone="America/Toronto")
    assert proposals[0].starts_at.isoformat() == "2026-09-14T18:30:00-04:00"
    assert proposals[2].starts_at.isoformat() == "2026-11-09T18:30:00-05:00"
    assert proposals[0].ends_at.isoformat() == "2026-09-14T20:00:00-04:00"


def test_a_network_in_halifax_gets_atlantic_times():
    proposals = planning.propose(cadence(), province="NS", time_zone="America/Halifax")
    assert proposals[0].starts_at.utcoffset().total_seconds() == -3 * 3600


def test_christmas_and_new_year_fall_in_the_winter_break():
    proposals = planning.propose(
        cadence(week=planning.LAST_WEEK, weekday=4), province="QC"
    )
    by_month = {p.day.month: p for p in proposals}
    # Last Friday of December 2026 is Christmas; the weeks after are the break.
    assert by_month[12].day == date(2026, 12, 18)
    assert by_month[12].note == "Déplacée : Jour de Noël"
    first_week = planning.propose(cadence(week=1), province="QC")
    january = next(p for p in first_week if p.day.month == 1)
    assert january.day == date(2027, 1, 11)
    assert january.note == "Déplacée : congé des fêtes"


@pytest.mark.parametrize(
    "day, inside",
    [
        (date(2026, 12, 19), False),
        (date(2026, 12, 20), True),
        (date(2027, 1, 1), True),
        (date(2027, 1, 6), True),
        (date(2027, 1, 7), False),
    ],
)
def test_winter_break_bounds_are_inclusive(day, inside):
    assert planning.in_winter_break(day) is inside


def test_a_new_brunswick_network_uses_new_brunswick_holidays():
    # 3rd Monday of February 2027: Family Day in New Brunswick, not in Quebec.
    nb = planning.propose(cadence(week=3), province="NB", time_zone="America/Moncton")
    qc = planning.propose(cadence(week=3), province="QC")
    nb_feb = next(p for p in nb if p.day.month == 2)
    qc_feb = next(p for p in qc if p.day.month == 2)
    assert qc_feb.day == date(2027, 2, 15) and qc_feb.note == ""
    assert nb_feb.day == date(2027, 2, 22)
    assert nb_feb.note == "Déplacée : Fête de la famille"


def test_holiday_names_follow_the_language():
    with translation.override("en"):
        proposals = planning.propose(cadence(), province="QC", language="en")
    assert proposals[1].note == "Moved: Thanksgiving Day"


def test_three_to_four_between_september_and_may_gives_four_spread_dates():
    proposals = planning.propose(
        cadence(last=YearMonth(2027, 5), count=4, weekday=1), province="QC"
    )
    assert [p.day for p in proposals] == [
        date(2026, 9, 8),
        date(2026, 12, 8),
        date(2027, 2, 9),
        date(2027, 5, 11),
    ]


def test_themes_are_given_in_order_to_the_slots():
    proposals = planning.propose(
        cadence(count=3), province="QC", themes=["Le jeu", "Les familles"]
    )
    assert [p.theme for p in proposals] == ["Le jeu", "Les familles", ""]


def test_a_move_stays_in_the_month_else_goes_earlier():
    # Last Monday of May 2027 (the 31st) is no holiday, but the 24th (Patriots'
    # Day) moved from the 4th week can only go back to the 17th.
    proposals = planning.propose(cadence(week=4), province="QC")
    may = next(p for p in proposals if p.day.month == 5)
    assert may.day == date(2027, 5, 31)
    # 2nd Monday of September 2027 is no holiday; 1st (Labour Day) moves later.
    first = planning.propose(
        cadence(first=YearMonth(2027, 9), last=YearMonth(2027, 9), count=1, week=1),
        province="QC",
    )
    assert first[0].day == date(2027, 9, 13)
    # Last Friday of December: Christmas 2026; the 18th is free.
    december = planning.propose(
        cadence(
            first=YearMonth(2026, 12),
            last=YearMonth(2026, 12),
            count=1,
            weekday=4,
            week=planning.LAST_WEEK,
        ),
        province="QC",
    )
    assert december[0].day == date(2026, 12, 18)


def test_more_sessions_than_months_goes_weekly_without_repeats():
    proposals = planning.propose(cadence(count=30), province="NB")
    days = [p.day for p in proposals]
    assert len(set(days)) == 30
    assert days == sorted(days)
    assert not any(planning.in_winter_break(d) for d in days)


def test_one_session_goes_mid_season():
    proposals = planning.propose(cadence(count=1), province="QC")
    assert proposals[0].day.month == 1


@pytest.mark.parametrize("count", [0, 53])
def test_count_out_of_bounds_is_refused(count):
    with pytest.raises(PlanningError):
        planning.propose(cadence(count=count))


def test_too_many_weekly_sessions_are_refused():
    with pytest.raises(PlanningError, match="Au plus"):
        planning.propose(cadence(last=YearMonth(2026, 10), count=9))


def test_inverted_months_are_refused():
    with pytest.raises(PlanningError, match="après le premier"):
        planning.propose(cadence(first=YearMonth(2027, 5), last=YearMonth(2026, 9)))


def test_season_months_follow_the_community_anchor():
    assert planning.month_of_season(2026, 9, 9) == YearMonth(2026, 9)
    assert planning.month_of_season(2026, 6, 9) == YearMonth(2027, 6)
    assert planning.month_of_season(2026, 6, 1) == YearMonth(2026, 6)
    assert planning.current_season(date(2026, 8, 15), 9) == 2025
    assert planning.current_season(date(2026, 9, 1), 9) == 2026
