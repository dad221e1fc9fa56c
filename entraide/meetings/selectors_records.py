"""Reads of a session's records: attendance, minutes, decisions and follow-ups."""

import hashlib
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from entraide.accounts.models import User
from entraide.communities.models import CommunityMembership
from entraide.meetings.models import (
    OPEN_FOLLOW_UP_STATUSES,
    Attendance,
    AttendanceStatus,
    Decision,
    FollowUp,
    Registration,
    RegistrationStatus,
    Session,
)


def community_people(community) -> QuerySet[User]:
    """The community's current members, by name: who can be given a follow-up."""
    return User.objects.filter(
        Exists(
            CommunityMembership.objects.filter(community=community, user=OuterRef("pk"))
        )
    ).order_by("first_name", "last_name", "pk")


def attendance_sheet(session: Session) -> QuerySet[User]:
    """Everyone on the sheet: registered people first, then the other members.

    Each person carries ``is_registered`` and ``attendance`` (their recorded status,
    or None). Only current members are listed: only they can be marked.
    """
    return (
        community_people(session.community_id)
        .annotate(
            is_registered=Exists(
                Registration.objects.filter(
                    session=session,
                    user=OuterRef("pk"),
                    status=RegistrationStatus.REGISTERED,
                )
            ),
            attendance=Subquery(
                Attendance.objects.filter(session=session, user=OuterRef("pk")).values(
                    "status"
                )[:1]
            ),
        )
        .order_by("-is_registered", "first_name", "last_name", "pk")
    )


@dataclass(frozen=True)
class AttendanceCounts:
    present: int = 0
    absent: int = 0
    excused: int = 0

    @property
    def total(self) -> int:
        return self.present + self.absent + self.excused


def attendance_counts(session: Session) -> AttendanceCounts:
    counts = Attendance.objects.filter(session=session).aggregate(
        **{
            status: Count("pk", filter=Q(status=status))
            for status in AttendanceStatus.values
        }
    )
    return AttendanceCounts(**counts)


def decisions_of(session: Session) -> QuerySet[Decision]:
    return Decision.objects.filter(session=session).order_by("position", "pk")


def minutes_version(session: Session, decisions) -> str:
    """A fingerprint of the minutes as saved, to catch two people editing at once."""
    text = "\x1e".join([session.minutes, *(d.text for d in decisions)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def follow_ups_of(session: Session) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(session=session)
        .select_related("assignee")
        .order_by("due_on", "pk")
    )


def carried_follow_ups(session: Session) -> QuerySet[FollowUp]:
    """Follow-ups still open from the community's earlier sessions, oldest first.

    They show on every later session's page until someone closes them.
    """
    return (
        FollowUp.objects.filter(
            session__community=session.community_id,
            session__starts_at__lt=session.starts_at,
            status__in=OPEN_FOLLOW_UP_STATUSES,
        )
        .select_related("assignee", "session__community__network")
        .order_by("session__starts_at", "due_on", "pk")
    )


def follow_up_for(session: Session, pk: int) -> FollowUp:
    follow_up = (
        FollowUp.objects.filter(session=session, pk=pk)
        .select_related("assignee")
        .first()
    )
    if follow_up is None:
        raise Http404
    return follow_up
