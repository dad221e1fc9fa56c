"""Who may read, write and moderate in a community's discussions.

Built on the communities predicates: content is for the community's members only;
facilitators (and network managers who are members) moderate.
"""

from entraide.communities.permissions import (
    can_moderate as community_can_moderate,
)
from entraide.communities.permissions import (
    can_participate,
    can_view_content,
)
from entraide.communities.selectors import CommunityAccess


def can_read(access: CommunityAccess) -> bool:
    return can_view_content(access.community, access.network_membership, access.member)


def can_moderate(access: CommunityAccess) -> bool:
    return can_read(access) and community_can_moderate(
        access.member, access.network_membership
    )


def can_start_thread(access: CommunityAccess) -> bool:
    return can_read(access) and can_participate(access.member, access.community)


def can_post_announcement(access: CommunityAccess) -> bool:
    return can_start_thread(access) and can_moderate(access)


def can_see_thread(access: CommunityAccess, thread) -> bool:
    """Hidden threads stay visible to moderators only."""
    return can_read(access) and (not thread.is_hidden or can_moderate(access))


def can_reply(access: CommunityAccess, thread) -> bool:
    return (
        can_start_thread(access)
        and not thread.is_deleted
        and not thread.is_hidden
        and (not thread.is_locked or can_moderate(access))
    )


def is_author(user, post) -> bool:
    return user.is_authenticated and post.author_id == user.pk


def can_edit_post(access: CommunityAccess, user, post) -> bool:
    thread = getattr(post, "thread", post)
    return (
        can_start_thread(access)
        and is_author(user, post)
        and not post.is_deleted
        and not post.is_hidden
        and (not thread.is_locked or can_moderate(access))
    )


def can_delete_post(access: CommunityAccess, user, post) -> bool:
    return can_read(access) and is_author(user, post) and not post.is_deleted


def can_mark_helpful(access: CommunityAccess, user, reply) -> bool:
    return (
        can_start_thread(access)
        and not is_author(user, reply)
        and not reply.is_deleted
        and not reply.is_hidden
    )


def can_follow(access: CommunityAccess) -> bool:
    return can_read(access)


def can_report(access: CommunityAccess, user, post) -> bool:
    return can_read(access) and not is_author(user, post) and not post.is_deleted
