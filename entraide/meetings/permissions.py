"""Who may see and run a community's sessions.

Sessions are community content: members only. Facilitators and the network's
managers plan them.
"""

from django.utils import timezone

from entraide.communities.permissions import can_facilitate, can_view_content
from entraide.communities.selectors import CommunityAccess


def can_view_sessions(access: CommunityAccess) -> bool:
    return can_view_content(access.community, access.network_membership, access.member)


def can_manage_sessions(access: CommunityAccess) -> bool:
    """Create, edit, cancel sessions and see who registered."""
    return (
        can_view_sessions(access)
        and can_facilitate(access.member, access.network_membership)
        and not access.community.is_archived()
    )


def can_register(access: CommunityAccess, session) -> bool:
    return (
        can_view_sessions(access)
        and not access.community.is_archived()
        and session.is_open_for_registration()
    )


def can_edit_session(access: CommunityAccess, session) -> bool:
    return can_manage_sessions(access) and not session.is_cancelled()


def can_plan_programme(access: CommunityAccess) -> bool:
    """Set the year's themes and create a season of sessions with the planner."""
    return can_manage_sessions(access)


def can_propose_agenda_item(access: CommunityAccess, session) -> bool:
    """Members suggest points ahead of time; the facilitator accepts them."""
    return (
        can_view_sessions(access)
        and not access.community.is_archived()
        and not session.is_cancelled()
        and not session.is_past()
    )


def can_manage_agenda(access: CommunityAccess, session) -> bool:
    return can_edit_session(access, session)


def can_take_attendance(access: CommunityAccess, session) -> bool:
    """Once the session has begun, and unless it was cancelled."""
    return (
        can_manage_sessions(access)
        and not session.is_cancelled()
        and session.starts_at <= timezone.now()
    )


def can_write_minutes(access: CommunityAccess, session) -> bool:
    return can_manage_sessions(access) and not session.is_cancelled()


def can_view_minutes(access: CommunityAccess, session) -> bool:
    """Published minutes are for members; drafts for those who write them."""
    if session.minutes_published_at is not None:
        return can_view_sessions(access)
    return can_write_minutes(access, session)


def can_update_follow_up(access: CommunityAccess, follow_up) -> bool:
    """Facilitators, and the person the follow-up was given to."""
    if not can_view_sessions(access) or access.community.is_archived():
        return False
    return can_manage_sessions(access) or (
        access.member is not None and follow_up.assignee_id == access.member.user_id
    )
