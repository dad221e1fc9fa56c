"""Who may see and do what in a community.

``member`` is the person's CommunityMembership (or None); ``network_membership``
their Membership in the community's network (or None). These predicates are the
single source of truth: views, templates and tests ask them, nothing else.
"""

from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityMembership,
    JoinPolicy,
    Visibility,
)
from entraide.networks.models import MANAGING_ROLES, Membership


def manages_network(network_membership: Membership | None) -> bool:
    return network_membership is not None and network_membership.role in MANAGING_ROLES


def can_view_community(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
    *,
    invited: bool = False,
) -> bool:
    """Seeing the community's page (name, mandate, facilitators).

    A person with a pending invitation sees the page they are invited to.
    """
    if community.visibility == Visibility.PUBLIC:
        return True
    if community.visibility == Visibility.NETWORK:
        return network_membership is not None
    return (
        member is not None
        or manages_network(network_membership)
        or (invited and network_membership is not None)
    )


def can_view_content(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
) -> bool:
    """Seeing discussions, files and the member list: members only, always."""
    return member is not None


def can_view_members(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
) -> bool:
    """The member list: members, and those who run the community."""
    return can_view_content(community, network_membership, member) or can_facilitate(
        member, network_membership
    )


def can_participate(member: CommunityMembership | None, community: Community) -> bool:
    return member is not None and not community.is_archived()


def can_facilitate(
    member: CommunityMembership | None, network_membership: Membership | None
) -> bool:
    """Approve requests, invite, set roles, remove members, moderate."""
    return (
        member is not None and member.role in FACILITATING_ROLES
    ) or manages_network(network_membership)


def can_moderate(
    member: CommunityMembership | None, network_membership: Membership | None
) -> bool:
    return can_facilitate(member, network_membership)


def can_join(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
) -> bool:
    return (
        member is None
        and network_membership is not None
        and community.join_policy == JoinPolicy.OPEN
        and not community.is_archived()
    )


def can_request_to_join(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
) -> bool:
    return (
        member is None
        and network_membership is not None
        and community.join_policy == JoinPolicy.REQUEST
        and not community.is_archived()
    )


def can_leave(member: CommunityMembership | None) -> bool:
    return member is not None


def can_create_community(network_membership: Membership | None) -> bool:
    return manages_network(network_membership)


def can_edit_community(
    member: CommunityMembership | None, network_membership: Membership | None
) -> bool:
    return can_facilitate(member, network_membership)


def can_change_structure(network_membership: Membership | None) -> bool:
    """Kind and seats of a community: what only the network's managers decide."""
    return manages_network(network_membership)


def can_archive_community(network_membership: Membership | None) -> bool:
    return manages_network(network_membership)


def can_manage_members(
    community: Community,
    member: CommunityMembership | None,
    network_membership: Membership | None,
) -> bool:
    """Decide join requests, invite, set roles and remove members."""
    return can_facilitate(member, network_membership) and not community.is_archived()


def can_change_member(
    community: Community,
    member: CommunityMembership | None,
    network_membership: Membership | None,
    target: CommunityMembership,
) -> bool:
    """Set the role of, or remove, someone else (one leaves by oneself)."""
    return (
        can_manage_members(community, member, network_membership)
        and target.community_id == community.pk
        and (member is None or target.pk != member.pk)
    )


def can_view_seats(community: Community) -> bool:
    return community.has_seats


def can_manage_seats(
    community: Community, network_membership: Membership | None
) -> bool:
    """Filling a regional committee's seats is the network managers' call."""
    return (
        community.has_seats
        and manages_network(network_membership)
        and not community.is_archived()
    )
