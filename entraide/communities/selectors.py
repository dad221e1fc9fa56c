"""Reads of communities, scoped to what a person may see."""

from dataclasses import dataclass

from django.http import Http404

from entraide.communities.models import Community, CommunityMembership
from entraide.communities.permissions import can_view_community
from entraide.networks.models import Membership, Network


@dataclass
class CommunityAccess:
    """A community as one person reaches it, with their memberships."""

    community: Community
    network: Network
    network_membership: Membership | None
    member: CommunityMembership | None


def community_for(user, network_slug: str, slug: str) -> CommunityAccess:
    """The community, or 404 when it is missing or the person may not see it."""
    community = (
        Community.objects.select_related("network")
        .filter(network__slug=network_slug, slug=slug)
        .first()
    )
    if community is None:
        raise Http404
    network_membership = member = None
    if user.is_authenticated:
        network_membership = (
            Membership.objects.filter(user=user, network=community.network_id)
            .select_related("organisation", "subregion")
            .first()
        )
        member = CommunityMembership.objects.filter(
            user=user, community=community
        ).first()
    if not can_view_community(community, network_membership, member):
        raise Http404
    return CommunityAccess(community, community.network, network_membership, member)
