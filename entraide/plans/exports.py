"""The plan drawn for people and spreadsheets: timeline grid, table rows, CSV rows.

Everything here works on the tree ``selectors.plan_tree`` already loaded, so a
timeline, a PDF or a CSV costs the same handful of queries whatever the plan's size.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from entraide.core.shortcuts import spreadsheet_cell
from entraide.plans.indicators import STANDING_LABELS, Standing
from entraide.plans.models import ScheduleKind, month_start
from entraide.plans.templatetags.plan_tags import (
    ACTION_TONES,
    action_status_label,
    schedule,
)

# --- Timeline ---------------------------------------------------------------------


@dataclass(frozen=True)
class Month:
    first_day: datetime.date
    is_current: bool

    @property
    def school_year(self) -> int:
        """The school year (September to August) the month belongs to."""
        day = self.first_day
        return day.year if day.month >= 9 else day.year - 1


@dataclass
class Bar:
    action: object
    status_label: str
    tone: str
    words: str
    before: int
    span: int
    after: int
    ongoing: bool = False


@dataclass
class TimelineGroup:
    mandate: object
    objective: object
    bars: list = field(default_factory=list)


@dataclass
class Timeline:
    months: list
    years: list  # (school year label, number of months)
    groups: list
    beside: list  # (action, status label, tone, words) without a place on the grid
    current_index: int | None


def _months(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    months, day = [], month_start(start)
    while day <= end:
        months.append(day)
        day = (day + datetime.timedelta(days=32)).replace(day=1)
    return months


def _span(action, plan) -> tuple[datetime.date, datetime.date] | None:
    """The first and last month an action covers on the plan's grid, or None."""
    kind = action.schedule_kind
    if kind == ScheduleKind.ONGOING:
        start, end = action.starts_on or plan.period_start, plan.period_end
    elif kind in (ScheduleKind.MONTHS, ScheduleKind.DATES):
        if not (action.starts_on and action.ends_on):
            return None
        start, end = action.starts_on, action.ends_on
    else:
        return None
    start, end = max(start, plan.period_start), min(end, plan.period_end)
    if end < start:
        return None
    return month_start(start), month_start(end)


def timeline(plan, mandates, today: datetime.date) -> Timeline:
    """Each action as a bar over the plan's months, grouped by mandate and objective."""
    firsts = _months(plan.period_start, plan.period_end)
    this_month = month_start(today)
    months = [Month(day, day == this_month) for day in firsts]
    index = {day: i for i, day in enumerate(firsts)}
    years: list = []
    for month in months:
        if years and years[-1][0] == month.school_year:
            years[-1][1] += 1
        else:
            years.append([month.school_year, 1])
    year_labels = [(f"{year}-{year + 1}", count) for year, count in years]
    groups, beside = [], []
    for mandate in mandates:
        for objective in mandate.objectives.all():
            group = TimelineGroup(mandate=mandate, objective=objective)
            for target in objective.targets.all():
                for action in target.actions.all():
                    status = action.shown_status(today)
                    label, tone = action_status_label(status), ACTION_TONES[status]
                    words = schedule(action)
                    span = _span(action, plan)
                    if span is None:
                        beside.append((action, label, tone, words))
                        continue
                    first, last = index[span[0]], index[span[1]]
                    group.bars.append(
                        Bar(
                            action=action,
                            status_label=label,
                            tone=tone,
                            words=words,
                            before=first,
                            span=last - first + 1,
                            after=len(months) - last - 1,
                            ongoing=action.schedule_kind == ScheduleKind.ONGOING,
                        )
                    )
            if group.bars:
                groups.append(group)
    current = index.get(this_month)
    return Timeline(
        months=months,
        years=year_labels,
        groups=groups,
        beside=beside,
        current_index=current,
    )


# --- The source's table: Mandats et objectifs | Cible | Actions | Échéanciers -------


@dataclass
class TableRow:
    objective: object | None  # set on the first row of an objective
    objective_rows: int
    target: object | None  # set on the first row of a target
    target_rows: int
    action: object | None


def table_rows(mandate) -> list[TableRow]:
    """One row per action; an objective's and a target's cells span their rows."""
    rows = []
    for objective in mandate.objectives.all():
        first_of_objective = len(rows)
        targets = list(objective.targets.all())
        if not targets:
            rows.append(TableRow(objective, 1, None, 1, None))
            continue
        for target in targets:
            actions = list(target.actions.all()) or [None]
            for i, action in enumerate(actions):
                rows.append(
                    TableRow(
                        None,
                        0,
                        target if i == 0 else None,
                        len(actions) if i == 0 else 0,
                        action,
                    )
                )
        rows[first_of_objective].objective = objective
        rows[first_of_objective].objective_rows = len(rows) - first_of_objective
    return rows


# --- CSV ----------------------------------------------------------------------------


def _number(value) -> str:
    if value is None:
        return ""
    text = number_format(value, decimal_pos=2 if value % 1 else 0)
    return text


def goal_words(indicator) -> str:
    """« 3 à 4 rencontres », « 10 fiches »."""
    goal = _number(indicator.goal_min)
    if indicator.goal_max is not None and indicator.goal_max != indicator.goal_min:
        goal = _("%(low)s à %(high)s") % {
            "low": goal,
            "high": _number(indicator.goal_max),
        }
    return f"{goal} {indicator.unit}".strip()


def indicator_words(indicator, reading) -> str:
    standing = reading.standing if reading else Standing.NO_DATA
    value = _number(reading.value) if reading and reading.value is not None else "—"
    return _("%(name)s : %(value)s sur %(goal)s (%(standing)s)") % {
        "name": indicator.name,
        "value": value,
        "goal": goal_words(indicator),
        "standing": STANDING_LABELS[standing],
    }


def _people(action) -> str:
    names = [p.get_full_name() or str(p) for p in action.responsible_people.all()]
    if action.responsible_note:
        names.append(action.responsible_note)
    return " ; ".join(names)


def csv_header() -> list[str]:
    return [
        _("Mandat"),
        _("Objectif"),
        _("Cible"),
        _("Action"),
        _("Personnes responsables"),
        _("Communautés ou comités responsables"),
        _("Échéancier"),
        _("Date limite"),
        _("État"),
        _("Avancement (%)"),
        _("Indicateurs"),
    ]


def csv_rows(mandates, readings: dict, today: datetime.date):
    """One row per action, safe to open in a spreadsheet."""
    for mandate in mandates:
        for objective in mandate.objectives.all():
            for target in objective.targets.all():
                indicators = list(target.indicators.all())
                for action in target.actions.all():
                    own = [i for i in indicators if i.action_id in (None, action.pk)]
                    row = [
                        mandate.title,
                        objective.title,
                        target.expected_result,
                        action.description,
                        _people(action),
                        " ; ".join(
                            c.name for c in action.responsible_communities.all()
                        ),
                        schedule(action),
                        date_format(action.deadline, "Y-m-d")
                        if action.deadline
                        else "",
                        action_status_label(action.shown_status(today)),
                        action.progress,
                        " ; ".join(indicator_words(i, readings.get(i.pk)) for i in own),
                    ]
                    yield [spreadsheet_cell(cell) for cell in row]
