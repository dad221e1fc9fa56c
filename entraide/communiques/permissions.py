"""Who may do what with communiqués: members read the archive, leads run it."""

from entraide.networks.models import Membership


def can_read_archive(membership: Membership | None) -> bool:
    return membership is not None


def can_manage_communiques(membership: Membership | None) -> bool:
    return membership is not None and membership.can_manage
