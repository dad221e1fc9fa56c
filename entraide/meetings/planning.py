"""Dates proposed for a season of sessions, away from holidays and the winter break.

Pure: no database. A facilitator gives a cadence (how many sessions between two
months, on which weekday of which week, at what local time); the planner spreads
the sessions over the months and moves a date that falls on a statutory holiday
of the network's province, or in the winter break, to another week of its month.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import holidays
from django.utils.translation import gettext as _

from entraide.core.timezones import zone

DEFAULT_FIRST_MONTH = 9
DEFAULT_LAST_MONTH = 6
MAX_SESSIONS = 52
LAST_WEEK = -1
# The winter break, inclusive: from (month, day) to (month, day).
WINTER_BREAK = ((12, 20), (1, 6))


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def next(self) -> "YearMonth":
        if self.month == 12:
            return YearMonth(self.year + 1, 1)
        return YearMonth(self.year, self.month + 1)


@dataclass(frozen=True)
class Cadence:
    first: YearMonth
    last: YearMonth
    count: int
    weekday: int  # Monday is 0
    week: int  # 1 to 4, or LAST_WEEK
    start_time: time
    duration_minutes: int = 90


@dataclass(frozen=True)
class Proposal:
    day: date
    starts_at: datetime  # aware, in the network's zone
    ends_at: datetime
    note: str  # why it moved, or why it could not
    theme: str


class PlanningError(ValueError):
    """A cadence that gives no dates; the message is for people."""


def season_anchor(community) -> int:
    """The month a community's season begins: its own setting, else September."""
    return community.season_start_month or DEFAULT_FIRST_MONTH


def month_of_season(season: int, month: int, anchor: int) -> YearMonth:
    """Month ``month`` of the season that begins in ``anchor`` of ``season``."""
    return YearMonth(season if month >= anchor else season + 1, month)


def default_months(community, season: int) -> tuple[YearMonth, YearMonth]:
    anchor = season_anchor(community)
    first = community.season_start_month or DEFAULT_FIRST_MONTH
    last = community.season_end_month or DEFAULT_LAST_MONTH
    return month_of_season(season, first, anchor), month_of_season(season, last, anchor)


def months_between(first: YearMonth, last: YearMonth) -> list[YearMonth]:
    if last < first:
        raise PlanningError(_("Le dernier mois doit venir après le premier."))
    months, current = [], first
    while current <= last:
        months.append(current)
        current = current.next()
    return months


def current_season(today: date, anchor: int) -> int:
    return today.year if today.month >= anchor else today.year - 1


def in_winter_break(day: date) -> bool:
    (start_month, start_day), (end_month, end_day) = WINTER_BREAK
    return (day.month, day.day) >= (start_month, start_day) or (
        day.month,
        day.day,
    ) <= (end_month, end_day)


def holidays_of(province: str, years, language: str = "fr"):
    """Statutory holidays of the province (of Canada when none), named in French."""
    return holidays.country_holidays(
        "CA",
        subdiv=province or None,
        years=list(years),
        language="fr" if language.startswith("fr") else "en_CA",
    )


def weekdays_of(month: YearMonth, weekday: int) -> list[date]:
    day = date(month.year, month.month, 1)
    day += timedelta(days=(weekday - day.weekday()) % 7)
    days = []
    while day.month == month.month:
        days.append(day)
        day += timedelta(days=7)
    return days


def _nth(days: list[date], week: int) -> date:
    return days[-1] if week == LAST_WEEK else days[min(week, len(days)) - 1]


def wanted_days(cadence: Cadence, closed=()) -> list[date]:
    """The dates before any move: one per chosen month, or weekly when more.

    Weekly, the closed days are left out at once: there is no other week to go to.
    """
    months = months_between(cadence.first, cadence.last)
    count = cadence.count
    if not 1 <= count <= MAX_SESSIONS:
        raise PlanningError(
            _("Indiquez de 1 à %(max)s rencontres.") % {"max": MAX_SESSIONS}
        )
    if count <= len(months):
        chosen = [
            months[int(i * (len(months) - 1) / (count - 1) + 0.5)]
            if count > 1
            # A single session goes in the middle of the season.
            else months[(len(months) - 1) // 2]
            for i in range(count)
        ]
        return [_nth(weekdays_of(m, cadence.weekday), cadence.week) for m in chosen]
    every = [d for m in months for d in weekdays_of(m, cadence.weekday)]
    free = [d for d in every if _reason(d, closed) is None]
    if count > len(free):
        raise PlanningError(
            _("Au plus %(max)s rencontres tiennent dans ces mois, une par semaine.")
            % {"max": len(free)}
        )
    return [free[int(i * (len(free) - 1) / (count - 1) + 0.5)] for i in range(count)]


def _reason(day: date, closed) -> str | None:
    if day in closed:
        return closed.get(day)
    if in_winter_break(day):
        return _("congé des fêtes")
    return None


def closure(day: date, province: str = "", language: str = "fr") -> str | None:
    """The holiday or break a day falls on, if any."""
    return _reason(day, holidays_of(province, [day.year], language))


def _moved(day: date, closed, taken: set[date]) -> date | None:
    """A free day of the same weekday: later weeks of the month first, then earlier."""
    later = [day + timedelta(weeks=n) for n in range(1, 6)]
    earlier = [day - timedelta(weeks=n) for n in range(1, 6)]
    for candidate in (*later, *earlier):
        if candidate.month != day.month:
            continue
        if candidate not in taken and _reason(candidate, closed) is None:
            return candidate
    return None


def propose(
    cadence: Cadence,
    *,
    province: str = "",
    time_zone: str = "",
    themes=(),
    language: str = "fr",
) -> list[Proposal]:
    """The proposed sessions, in order; themes are given to them in order."""
    years = range(cadence.first.year, cadence.last.year + 1)
    closed = holidays_of(province, years, language)
    wanted = wanted_days(cadence, closed)
    tz = zone(time_zone)
    themes = list(themes)
    taken: set[date] = set()
    proposals = []
    for index, day in enumerate(wanted):
        note = ""
        reason = _reason(day, closed)
        if reason is not None:
            moved = _moved(day, closed, taken)
            if moved is None:
                note = _("Aucune autre date libre ce mois-ci : %(reason)s") % {
                    "reason": reason
                }
            else:
                day = moved
                note = _("Déplacée : %(reason)s") % {"reason": reason}
        elif day in taken:
            day = _moved(day, closed, taken) or day
        taken.add(day)
        starts_at = datetime.combine(day, cadence.start_time, tzinfo=tz)
        proposals.append(
            Proposal(
                day=day,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(minutes=cadence.duration_minutes),
                note=note,
                theme=themes[index] if index < len(themes) else "",
            )
        )
    return proposals
