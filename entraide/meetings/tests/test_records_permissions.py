"""Who may take attendance, write and read minutes, and change follow-ups."""

from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.communities.selectors import community_for
from entraide.meetings import permissions as perms
from entraide.meetings.models import FollowUp, Session, SessionStatus

ROLES = ("educator", "peer", "facilitator")
STATES = ("future", "past", "cancelled")


def _access(place, role):
    return community_for(getattr(place, role), "mcq", "pedagogie")


def _session(place, state, *, published=False):
    session = place.session()
    fields = {}
    if state in ("past", "cancelled"):
        fields["starts_at"] = timezone.now() - timedelta(days=3)
    if state == "cancelled":
        fields["status"] = SessionStatus.CANCELLED
    if published:
        fields.update(minutes="Texte", minutes_published_at=timezone.now())
    Session.objects.filter(pk=session.pk).update(**fields)
    session.refresh_from_db()
    return session


ATTENDANCE_AND_MINUTES = [
    # role, state, take attendance, write minutes
    ("educator", "future", False, False),
    ("educator", "past", False, False),
    ("educator", "cancelled", False, False),
    ("facilitator", "future", False, True),
    ("facilitator", "past", True, True),
    ("facilitator", "cancelled", False, False),
]


@pytest.mark.parametrize(("role", "state", "attend", "write"), ATTENDANCE_AND_MINUTES)
def test_who_takes_attendance_and_writes_minutes(place, role, state, attend, write):
    session = _session(place, state)
    access = _access(place, role)
    assert perms.can_take_attendance(access, session) is attend
    assert perms.can_write_minutes(access, session) is write


@pytest.mark.parametrize(
    ("role", "published", "allowed"),
    [
        ("educator", False, False),
        ("educator", True, True),
        ("facilitator", False, True),
        ("facilitator", True, True),
    ],
)
def test_drafts_for_facilitators_published_minutes_for_members(
    place, role, published, allowed
):
    session = _session(place, "past", published=published)
    assert perms.can_view_minutes(_access(place, role), session) is allowed


@pytest.mark.parametrize(
    ("role", "assignee", "allowed"),
    [
        ("educator", "educator", True),
        ("educator", "peer", False),
        ("educator", None, False),
        ("peer", "educator", False),
        ("facilitator", "educator", True),
        ("facilitator", None, True),
    ],
)
@pytest.mark.parametrize("state", STATES)
def test_the_assignee_and_facilitators_update_a_follow_up(
    place, role, assignee, allowed, state
):
    session = _session(place, state)
    follow_up = FollowUp.objects.create(
        session=session,
        description="Relancer",
        assignee=getattr(place, assignee) if assignee else None,
    )
    assert perms.can_update_follow_up(_access(place, role), follow_up) is allowed


def test_an_archived_community_keeps_its_records_read_only(place):
    session = _session(place, "past", published=True)
    follow_up = FollowUp.objects.create(
        session=session, description="Relancer", assignee=place.educator
    )
    place.community.archived_at = timezone.now()
    place.community.save()
    for role in ROLES:
        access = _access(place, role)
        assert perms.can_view_minutes(access, session)
        assert not perms.can_take_attendance(access, session)
        assert not perms.can_write_minutes(access, session)
        assert not perms.can_update_follow_up(access, follow_up)
