"""Values of a plan's indicators, computed from activity or read from measures.

``values_for(indicators)`` answers every indicator of a page in one query per kind,
whatever their number: each computed indicator is one filtered aggregate of a single
query, and manual ones read their latest measure in one query. Nothing is cached, so
a session marked held counts at the next page view.

The status of an indicator (``assess``) compares its value with its goal and, while
its period runs, with the share of the goal expected by now.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entraide.core.timezones import zone
from entraide.plans.models import Indicator, IndicatorKind, IndicatorMeasure


class Standing:
    MET = "met"
    ON_TRACK = "on_track"
    OFF_TARGET = "off_target"
    NO_DATA = "no_data"


STANDING_LABELS = {
    Standing.MET: _("Cible atteinte"),
    Standing.ON_TRACK: _("En bonne voie"),
    Standing.OFF_TARGET: _("Sous la cible"),
    Standing.NO_DATA: _("Aucune mesure"),
}


@dataclass(frozen=True)
class Reading:
    value: Decimal | None
    measured_on: datetime.date | None
    standing: str

    @property
    def label(self):
        return STANDING_LABELS[self.standing]


def _bounds(indicator: Indicator, tz) -> tuple[datetime.datetime, datetime.datetime]:
    start = datetime.datetime.combine(indicator.period_start, datetime.time.min, tz)
    end = datetime.datetime.combine(
        indicator.period_end + datetime.timedelta(days=1), datetime.time.min, tz
    )
    return start, end


def _sessions_held(indicators, tz, network) -> dict[int, int]:
    from entraide.meetings.models import Session, SessionStatus

    aggregates = {}
    for ind in indicators:
        start, end = _bounds(ind, tz)
        aggregates[f"i{ind.pk}"] = Count(
            "pk",
            filter=Q(
                community_id=ind.community_id, starts_at__gte=start, starts_at__lt=end
            ),
        )
    communities = {ind.community_id for ind in indicators}
    found = Session.objects.filter(
        community_id__in=communities, status=SessionStatus.HELD
    ).aggregate(**aggregates)
    return {ind.pk: found[f"i{ind.pk}"] for ind in indicators}


def _participants(indicators, tz, network) -> dict[int, int]:
    from entraide.meetings.models import Attendance, AttendanceStatus

    aggregates = {}
    for ind in indicators:
        start, end = _bounds(ind, tz)
        where = Q(session__starts_at__gte=start, session__starts_at__lt=end)
        if ind.community_id:
            where &= Q(session__community_id=ind.community_id)
        if ind.subregion_id:
            where &= Q(user__memberships__subregion_id=ind.subregion_id)
        aggregates[f"i{ind.pk}"] = Count("user", distinct=True, filter=where)
    found = Attendance.objects.filter(
        session__community__network=network, status=AttendanceStatus.PRESENT
    ).aggregate(**aggregates)
    return {ind.pk: found[f"i{ind.pk}"] for ind in indicators}


def _sheets_gathered(indicators, tz, network) -> dict[int, int]:
    from entraide.practices.models import PracticeSheet

    aggregates = {}
    for ind in indicators:
        start, end = _bounds(ind, tz)
        where = Q(submitted_at__gte=start, submitted_at__lt=end)
        if ind.subregion_id:
            where &= Q(subregion_id=ind.subregion_id)
        aggregates[f"i{ind.pk}"] = Count("pk", filter=where)
    found = PracticeSheet.objects.filter(network=network).aggregate(**aggregates)
    return {ind.pk: found[f"i{ind.pk}"] for ind in indicators}


def _tools_published(indicators, tz, network) -> dict[int, int]:
    from entraide.library.models import Tool

    aggregates = {}
    for ind in indicators:
        start, end = _bounds(ind, tz)
        where = Q(published_at__gte=start, published_at__lt=end)
        if ind.community_id:
            where &= Q(community_id=ind.community_id)
        aggregates[f"i{ind.pk}"] = Count("pk", filter=where)
    found = Tool.objects.filter(
        network=network, published_version__isnull=False
    ).aggregate(**aggregates)
    return {ind.pk: found[f"i{ind.pk}"] for ind in indicators}


def _survey_rate(indicators, tz, network) -> dict[int, int]:
    """The share (percent) of a survey's audience who answered, today; two
    queries per survey followed, once however many indicators follow it."""
    from entraide.surveys.selectors import response_rate

    by_survey = {
        ind.survey_id: response_rate(ind.survey).get("percent")
        for ind in indicators
        if ind.survey is not None
    }
    return {ind.pk: by_survey.get(ind.survey_id) for ind in indicators}


COMPUTERS = {
    IndicatorKind.SESSIONS_HELD: _sessions_held,
    IndicatorKind.PARTICIPANTS: _participants,
    IndicatorKind.SHEETS_GATHERED: _sheets_gathered,
    IndicatorKind.TOOLS_PUBLISHED: _tools_published,
    IndicatorKind.SURVEY_RESPONSE_RATE: _survey_rate,
}


def values_for(
    indicators,
    *,
    network,
    today: datetime.date | None = None,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> dict:
    """{indicator pk: Reading} for indicators of one network; ``period`` is the
    plan's, for indicators without their own."""
    indicators = list(indicators)
    tz = zone(network.time_zone)
    today = today or timezone.localdate(timezone=tz)
    by_kind: dict[str, list] = {}
    for ind in indicators:
        by_kind.setdefault(ind.kind, []).append(ind)
    values: dict[int, tuple] = {}
    manual = by_kind.pop(IndicatorKind.MANUAL, [])
    if manual:
        latest = IndicatorMeasure.objects.filter(indicator=OuterRef("pk")).order_by(
            "-measured_on", "-pk"
        )
        rows = Indicator.objects.filter(pk__in=[i.pk for i in manual]).annotate(
            value=Subquery(latest.values("value")[:1]),
            measured_on=Subquery(latest.values("measured_on")[:1]),
        )
        for pk, value, measured_on in rows.values_list("pk", "value", "measured_on"):
            values[pk] = (value, measured_on)
    for kind, inds in by_kind.items():
        counted = COMPUTERS[kind](inds, tz, network)
        for ind in inds:
            if counted[ind.pk] is None:
                continue
            measured_on = min(today, ind.period_end) if ind.period_end else today
            values[ind.pk] = (Decimal(counted[ind.pk]), measured_on)
    readings = {}
    for ind in indicators:
        value, measured_on = values.get(ind.pk, (None, None))
        readings[ind.pk] = Reading(
            value=value,
            measured_on=measured_on,
            standing=assess(ind, value, today, period),
        )
    return readings


def assess(
    indicator: Indicator,
    value: Decimal | None,
    today: datetime.date,
    period: tuple[datetime.date, datetime.date] | None = None,
) -> str:
    """Met, on track (the expected share of the goal by now), off target, or no data.

    An indicator without a period of its own follows ``period`` (its plan's).
    """
    if value is None:
        return Standing.NO_DATA
    if value >= indicator.goal_min:
        return Standing.MET
    start, end = indicator.period_start, indicator.period_end
    if not (start and end) and period:
        start, end = period
    if not (start and end) or today >= end:
        return Standing.OFF_TARGET
    if today < start:
        return Standing.ON_TRACK
    elapsed = Decimal((today - start).days + 1) / Decimal((end - start).days + 1)
    baseline = indicator.baseline or Decimal(0)
    expected = baseline + (indicator.goal_min - baseline) * elapsed
    return Standing.ON_TRACK if value >= expected else Standing.OFF_TARGET
