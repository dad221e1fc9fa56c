"""Who may do what in a network.

Managers (project leads and network admins) run the network's pages. Only an
admin may hand out the admin role or change another admin's place: a project lead
cannot lock the network's administrators out.
"""

from entraide.networks.models import MANAGING_ROLES, Membership, NetworkRole


def can_view_network(membership: Membership | None) -> bool:
    return membership is not None


def can_manage_network(membership: Membership | None) -> bool:
    return membership is not None and membership.role in MANAGING_ROLES


def can_manage_territory(membership: Membership | None) -> bool:
    return can_manage_network(membership)


def can_manage_organisations(membership: Membership | None) -> bool:
    return can_manage_network(membership)


def can_invite_people(membership: Membership | None) -> bool:
    return can_manage_network(membership)


def can_import(membership: Membership | None) -> bool:
    return can_manage_network(membership)


def assignable_roles(membership: Membership | None) -> list[str]:
    """The network roles this manager may give to someone."""
    if not can_manage_network(membership):
        return []
    if membership.role == NetworkRole.ADMIN:
        return list(NetworkRole.values)
    return [role for role in NetworkRole.values if role != NetworkRole.ADMIN]


def can_assign_role(membership: Membership | None, role: str) -> bool:
    return role in assignable_roles(membership)


def can_edit_membership(membership: Membership | None, target: Membership) -> bool:
    if not can_manage_network(membership) or target.network_id != membership.network_id:
        return False
    return target.role != NetworkRole.ADMIN or membership.role == NetworkRole.ADMIN


def can_remove_membership(membership: Membership | None, target: Membership) -> bool:
    return can_edit_membership(membership, target)
