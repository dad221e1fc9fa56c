"""Reads of networks, scoped to what a person may see. Tenant isolation starts here."""

from django.db.models import QuerySet
from django.http import Http404

from entraide.networks.models import Membership, Network


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related(
        "network", "organisation", "subregion"
    )


def networks_of(user) -> QuerySet[Network]:
    if not user.is_authenticated:
        return Network.objects.none()
    return Network.objects.filter(memberships__user=user)


def membership_in(user, network: Network) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, network=network)
        .select_related("organisation", "subregion")
        .first()
    )


def network_for(user, slug: str) -> tuple[Network, Membership]:
    """The network ``slug`` and the person's membership in it, or 404.

    Missing and not-yours get the same answer.
    """
    membership = (
        Membership.objects.filter(user=user, network__slug=slug)
        .select_related("network", "organisation", "subregion")
        .first()
        if user.is_authenticated
        else None
    )
    if membership is None:
        raise Http404
    return membership.network, membership
