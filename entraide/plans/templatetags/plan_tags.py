"""Status words and colours shared by every page of the plan."""

from django import template
from django.utils.translation import gettext_lazy as _

from entraide.plans.indicators import STANDING_LABELS, Standing
from entraide.plans.models import LATE, LATE_LABEL, ActionStatus, ScheduleKind

register = template.Library()

ACTION_TONES = {
    ActionStatus.NOT_STARTED: "draft",
    ActionStatus.IN_PROGRESS: "progress",
    ActionStatus.DONE: "done",
    ActionStatus.CANCELLED: "closed",
    LATE: "attention",
}
STANDING_TONES = {
    Standing.MET: "done",
    Standing.ON_TRACK: "progress",
    Standing.OFF_TARGET: "attention",
    Standing.NO_DATA: "draft",
}


def action_status_label(status: str):
    return LATE_LABEL if status == LATE else ActionStatus(status).label


@register.inclusion_tag("plans/_status.html")
def action_status(action, today):
    """The action's status in words and colour (« En retard » once due)."""
    status = action.shown_status(today)
    return {"label": action_status_label(status), "tone": ACTION_TONES[status]}


@register.inclusion_tag("plans/_status.html")
def indicator_standing(reading):
    standing = reading.standing if reading else Standing.NO_DATA
    return {"label": STANDING_LABELS[standing], "tone": STANDING_TONES[standing]}


@register.simple_tag
def schedule(action):
    """The schedule in words: « sept. 2026 à mai 2027 », « En continu »…"""
    from django.utils.formats import date_format

    kind = action.schedule_kind
    if kind == ScheduleKind.ONGOING:
        if action.starts_on:
            return _("En continu, dès %(start)s") % {
                "start": date_format(action.starts_on, "YEAR_MONTH_FORMAT")
            }
        return _("En continu")
    if kind == ScheduleKind.MOMENT:
        return action.schedule_note
    if not (action.starts_on and action.ends_on):
        return action.schedule_note
    fmt = "YEAR_MONTH_FORMAT" if kind == ScheduleKind.MONTHS else "SHORT_DATE_FORMAT"
    start = date_format(action.starts_on, fmt)
    end = date_format(action.ends_on, fmt)
    if start == end:
        return start
    return _("%(start)s à %(end)s") % {"start": start, "end": end}
