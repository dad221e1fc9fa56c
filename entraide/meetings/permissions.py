"""Who may see and run a community's sessions.

Sessions are community content: members only. Facilitators and the network's
managers plan them.
"""

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
