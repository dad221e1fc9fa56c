"""Who may do what in a network."""

from entraide.networks.models import MANAGING_ROLES, Membership


def can_manage_network(membership: Membership | None) -> bool:
    return membership is not None and membership.role in MANAGING_ROLES


def can_view_network(membership: Membership | None) -> bool:
    return membership is not None
