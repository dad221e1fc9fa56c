"""Who may see and do what in a community.

``member`` is the person's CommunityMembership (or None); ``network_membership``
their Membership in the community's network (or None).
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
) -> bool:
    """Seeing the community's page (name, mandate, facilitators)."""
    if community.visibility == Visibility.PUBLIC:
        return True
    if community.visibility == Visibility.NETWORK:
        return network_membership is not None
    return member is not None or manages_network(network_membership)


def can_view_content(
    community: Community,
    network_membership: Membership | None,
    member: CommunityMembership | None,
) -> bool:
    """Seeing discussions, files and the member list: members only, always."""
    return member is not None


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


def can_create_community(network_membership: Membership | None) -> bool:
    return manages_network(network_membership)


def can_edit_community(
    member: CommunityMembership | None, network_membership: Membership | None
) -> bool:
    return can_facilitate(member, network_membership)
