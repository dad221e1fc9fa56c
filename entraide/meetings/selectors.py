"""Reads of sessions, scoped to what a person may see."""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone

from entraide.accounts.models import User
from entraide.communities.selectors import CommunityAccess, community_for
from entraide.meetings.models import (
    ACTIVE_STATUSES,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
)
from entraide.meetings.permissions import can_view_sessions
from entraide.networks.models import Organisation


def sessions_access(user, network_slug: str, community_slug: str) -> CommunityAccess:
    """The community whose sessions the person may see, or 404."""
    access = community_for(user, network_slug, community_slug)
    if not can_view_sessions(access):
        raise Http404
    return access


def _with_counts(sessions: QuerySet[Session]) -> QuerySet[Session]:
    return sessions.annotate(
        registered_count=Count(
            "registrations",
            filter=Q(registrations__status=RegistrationStatus.REGISTERED),
        ),
        waitlisted_count=Count(
            "registrations",
            filter=Q(registrations__status=RegistrationStatus.WAITLISTED),
        ),
    )


def sessions_of(community) -> QuerySet[Session]:
    """Upcoming sessions first (soonest first), then past ones (latest first)."""
    now = timezone.now()
    return (
        _with_counts(Session.objects.filter(community=community))
        .annotate(
            upcoming=Case(
                When(starts_at__gte=now, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("community__network")
        .order_by(
            "-upcoming",
            Case(When(starts_at__gte=now, then=F("starts_at"))).asc(nulls_last=True),
            F("starts_at").desc(),
            "pk",
        )
    )


def upcoming_sessions(community, *, limit: int = 3) -> QuerySet[Session]:
    return (
        Session.objects.filter(community=community, starts_at__gte=timezone.now())
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("community__network")
        .order_by("starts_at", "pk")[:limit]
    )


def session_for(access: CommunityAccess, pk: int) -> Session:
    session = (
        _with_counts(Session.objects.filter(community=access.community, pk=pk))
        .select_related("community__network", "created_by")
        .prefetch_related(
            Prefetch(
                "co_facilitators",
                queryset=User.objects.order_by("first_name", "last_name", "pk"),
            ),
            Prefetch(
                "partner_organisations",
                queryset=Organisation.objects.order_by("name", "pk"),
            ),
        )
        .first()
    )
    if session is None:
        raise Http404
    return session


def registration_of(session: Session, user) -> Registration | None:
    return session.registrations.filter(user=user, status__in=ACTIVE_STATUSES).first()


def registrants_of(session: Session) -> QuerySet[Registration]:
    """Registered people, then the waiting list in its order."""
    return (
        session.registrations.filter(status__in=ACTIVE_STATUSES)
        .select_related("user")
        .annotate(
            rank=Case(
                When(status=RegistrationStatus.REGISTERED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "created_at", "pk")
    )
