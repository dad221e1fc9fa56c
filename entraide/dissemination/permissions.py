"""Who may run a network's public site: its project leads and administrators."""

from entraide.networks.models import Membership
from entraide.networks.permissions import can_manage_network


def can_manage_site(membership: Membership | None) -> bool:
    """Edit the news, the about and contact pages and the site's description."""
    return can_manage_network(membership)
