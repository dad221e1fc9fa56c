"""Reads of calendar feeds and of a person's participation record.

A feed's address carries its owner's authority: what it shows is decided on
every read from that person's memberships at that moment.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Exists, OuterRef, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone

from entraide.communities.models import Community, CommunityMembership
from entraide.communities.selectors import CommunityAccess
from entraide.core.timezones import zone
from entraide.meetings.models import (
    ACTIVE_STATUSES,
    Attendance,
    AttendanceStatus,
    CalendarFeed,
    Registration,
    Session,
)
from entraide.meetings.permissions import can_view_sessions
from entraide.networks.models import Membership

# A feed carries the sessions of the last three months and the next thirteen.
FEED_PAST = timedelta(days=90)
FEED_AHEAD = timedelta(days=400)
# A hard ceiling on one feed's events, whatever the data.
FEED_MAX_EVENTS = 500
# Communities shown on the "my calendars" page.
MAX_COMMUNITIES = 200


def active_feed_by_token(token: str) -> CalendarFeed | None:
    """The feed behind a secret address, unless revoked or its owner is inactive."""
    if not token or len(token) > 64:
        return None
    return (
        CalendarFeed.objects.filter(
            token=token, revoked_at__isnull=True, user__is_active=True
        )
        .select_related("user", "community__network")
        .first()
    )


def _window(sessions: QuerySet[Session]) -> QuerySet[Session]:
    now = timezone.now()
    return (
        sessions.filter(starts_at__gte=now - FEED_PAST, starts_at__lte=now + FEED_AHEAD)
        .select_related("community__network")
        .order_by("starts_at", "pk")
    )


def _accesses(user, communities) -> dict[int, CommunityAccess]:
    """The person's current access to each community (two queries in all)."""
    community_ids = {c.pk for c in communities}
    network_ids = {c.network_id for c in communities}
    members = {
        m.community_id: m
        for m in CommunityMembership.objects.filter(
            user=user, community__in=community_ids
        )
    }
    network_memberships = {
        m.network_id: m
        for m in Membership.objects.filter(user=user, network__in=network_ids)
    }
    return {
        c.pk: CommunityAccess(
            c, c.network, network_memberships.get(c.network_id), members.get(c.pk)
        )
        for c in communities
    }


def community_feed_sessions(feed: CalendarFeed) -> list[Session] | None:
    """The community's sessions, or None when the person may no longer see them."""
    community = feed.community
    access = _accesses(feed.user, [community])[community.pk]
    if not can_view_sessions(access):
        return None
    return list(_window(Session.objects.filter(community=community))[:FEED_MAX_EVENTS])


def personal_feed_sessions(feed: CalendarFeed) -> list[Session]:
    """Sessions the person is registered or waiting for, or co-facilitates,
    in the communities whose sessions they may still see."""
    user = feed.user
    registered = Registration.objects.filter(
        session=OuterRef("pk"), user=user, status__in=ACTIVE_STATUSES
    )
    co_facilitating = Session.co_facilitators.through.objects.filter(
        session=OuterRef("pk"), user=user
    )
    member = CommunityMembership.objects.filter(
        community=OuterRef("community"), user=user
    )
    candidates = list(
        _window(
            Session.objects.filter(Exists(member)).filter(
                Exists(registered) | Exists(co_facilitating)
            )
        )[:FEED_MAX_EVENTS]
    )
    communities = {s.community_id: s.community for s in candidates}.values()
    accesses = _accesses(user, communities)
    return [s for s in candidates if can_view_sessions(accesses[s.community_id])]


def feeds_of(user) -> dict[int | None, CalendarFeed]:
    """The person's active feeds by community id (None: their own feed)."""
    return {
        feed.community_id: feed
        for feed in CalendarFeed.objects.filter(user=user, revoked_at__isnull=True)
    }


def feed_of(user, pk: int) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(
        user=user, pk=pk, revoked_at__isnull=True
    ).first()


def communities_of(user) -> list[Community]:
    """The communities the person belongs to, for their community feeds."""
    return list(
        Community.objects.filter(memberships__user=user)
        .select_related("network")
        .order_by("network__name", "name", "pk")[:MAX_COMMUNITIES]
    )


# --- Participation record ------------------------------------------------------


@dataclass
class YearTotal:
    year: int
    sessions: int
    minutes: int


def _attended(user) -> QuerySet[Attendance]:
    return Attendance.objects.filter(user=user, status=AttendanceStatus.PRESENT)


def participation_years(user) -> list[YearTotal]:
    """Sessions and minutes attended per calendar year in the person's own zone,
    newest year first (one query)."""
    rows = (
        _attended(user)
        .annotate(year=ExtractYear("session__starts_at", tzinfo=zone(user.time_zone)))
        .order_by()
        .values("year")
        .annotate(sessions=Count("pk"), minutes=Sum("session__duration_minutes"))
        .order_by("-year")
    )
    return [YearTotal(r["year"], r["sessions"], r["minutes"] or 0) for r in rows]


def year_bounds(user, year: int) -> tuple[datetime, datetime]:
    tz = zone(user.time_zone)
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)


def attended_sessions(user, year: int | None = None) -> QuerySet[Attendance]:
    """The person's attendances, newest first; of one year in their zone if given."""
    attendances = _attended(user)
    if year is not None:
        start, end = year_bounds(user, year)
        attendances = attendances.filter(
            session__starts_at__gte=start, session__starts_at__lt=end
        )
    return attendances.select_related("session__community__network").order_by(
        "-session__starts_at", "-pk"
    )
