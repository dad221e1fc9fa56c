"""The progress report of a plan over a date range, and the form that picks it.

A report reads a fixed number of queries whatever the plan's size: the updates of
the range, the follow-up notes of the range, the late actions at its end, the
indicators (one query per kind) and one count per status.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from entraide.core.timezones import zone
from entraide.plans.exports import goal_words
from entraide.plans.indicators import Standing, values_for
from entraide.plans.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    FollowUpNote,
    Indicator,
    late_actions_q,
)
from entraide.plans.templatetags.plan_tags import action_status_label


# Far enough for any plan, near enough that a day after the end is still a date.
def months_before(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` months earlier (the month's last day if shorter)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def default_range(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The last three months, today included."""
    return months_before(today, 3) + datetime.timedelta(days=1), today


@dataclass
class Report:
    start: datetime.date
    end: datetime.date
    done: list  # ActionUpdate rows that closed an action in the range
    changes: list  # every ActionUpdate of the range, oldest first
    follow_ups: list  # (sub-region, [FollowUpNote])
    indicators: list  # (Indicator, Reading)
    late: list  # Action, late at the range's end
    status_counts: dict  # status -> number of actions today
    total_actions: int
    follow_up_count: int
    indicators_met: int
    indicators_off: int


def _bounds(network, start, end):
    tz = zone(network.time_zone)
    return (
        datetime.datetime.combine(start, datetime.time.min, tz),
        datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time.min, tz
        ),
    )


def progress_report(
    plan, *, start: datetime.date, end: datetime.date, today: datetime.date
) -> Report:
    network = plan.network
    since, until = _bounds(network, start, end)
    changes = list(
        ActionUpdate.objects.filter(
            action__plan=plan, created_at__gte=since, created_at__lt=until
        )
        .select_related("action", "actor")
        .order_by("created_at", "pk")
    )
    closed, done = set(), []
    for update in reversed(changes):
        if (
            update.to_status == ActionStatus.DONE
            and update.from_status != ActionStatus.DONE
            and update.action_id not in closed
        ):
            closed.add(update.action_id)
            done.append(update)
    done.reverse()
    notes = list(
        FollowUpNote.objects.filter(
            action__plan=plan, created_at__gte=since, created_at__lt=until
        )
        .select_related("subregion", "author", "action")
        .order_by("subregion__name", "created_at", "pk")
    )
    by_subregion: dict = {}
    for note in notes:
        by_subregion.setdefault(note.subregion, []).append(note)
    indicators = list(
        Indicator.objects.filter(plan=plan)
        .select_related("community", "subregion", "survey")
        .order_by("target__objective__mandate__position", "position", "pk")
    )
    readings = values_for(
        indicators,
        network=network,
        today=today,
        period=(plan.period_start, plan.period_end),
    )
    late = list(
        Action.objects.filter(plan=plan)
        .filter(late_actions_q(end))
        .prefetch_related("responsible_people", "responsible_communities")
        .order_by("deadline", "ends_on", "pk")
    )
    for action in late + [u.action for u in changes] + [n.action for n in notes]:
        action.plan = plan
    for update in changes:
        update.from_label = action_status_label(update.from_status)
        update.to_label = action_status_label(update.to_status)
    for indicator in indicators:
        indicator.goal_words = goal_words(indicator)
    counts = Counter()
    for status, count in (
        Action.objects.filter(plan=plan)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        counts[status] = count
    standings = Counter(r.standing for r in readings.values())
    return Report(
        start=start,
        end=end,
        done=done,
        changes=changes,
        follow_ups=list(by_subregion.items()),
        indicators=[(i, readings[i.pk]) for i in indicators],
        late=late,
        status_counts={s: counts.get(s, 0) for s in ActionStatus.values},
        total_actions=sum(counts.values()),
        follow_up_count=len(notes),
        indicators_met=standings[Standing.MET],
        indicators_off=standings[Standing.OFF_TARGET],
    )
