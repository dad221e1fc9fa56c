"""Reads of the yearly programme: a season's themes and sessions."""

from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet

from entraide.core.timezones import zone
from entraide.meetings.models import Session, SessionStatus, YearTheme
from entraide.meetings.planning import season_anchor


def season_window(community, season: int) -> tuple[datetime, datetime]:
    """From the first day of the season's first month to the next season's."""
    tz = zone(community.network.time_zone)
    anchor = season_anchor(community)
    return (
        datetime(season, anchor, 1, tzinfo=tz),
        datetime(season + 1, anchor, 1, tzinfo=tz),
    )


def year_themes(community, season: int) -> QuerySet[YearTheme]:
    return YearTheme.objects.filter(community=community, season=season).order_by(
        "position", "pk"
    )


def season_sessions(community, season: int) -> QuerySet[Session]:
    start, end = season_window(community, season)
    return Session.objects.filter(
        community=community, starts_at__gte=start, starts_at__lt=end
    ).order_by("starts_at", "pk")


def sessions_on_days(community, days, time_zone: str) -> dict[date, str]:
    """The title of a session already planned on each of these local days."""
    days = sorted(set(days))
    if not days:
        return {}
    tz = zone(time_zone)
    start = datetime.combine(days[0], time.min, tzinfo=tz)
    end = datetime.combine(days[-1] + timedelta(days=1), time.min, tzinfo=tz)
    found: dict[date, str] = {}
    rows = (
        Session.objects.filter(
            community=community, starts_at__gte=start, starts_at__lt=end
        )
        .exclude(status=SessionStatus.CANCELLED)
        .order_by("starts_at", "pk")
        .values_list("starts_at", "title")
    )
    wanted = set(days)
    for starts_at, title in rows:
        day = starts_at.astimezone(tz).date()
        if day in wanted:
            found.setdefault(day, title)
    return found
