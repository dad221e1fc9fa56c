"""Reads of notifications."""

from django.db.models import QuerySet

from entraide.notifications import kinds
from entraide.notifications.models import Notification, NotificationPreference


def notifications_for(user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).select_related(
        "actor", "network"
    )


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def preferences_of(user) -> tuple[dict[str, str], dict[tuple[int, str], str]]:
    """A person's frequency for every kind (defaults filled in), and per community."""
    from entraide.notifications.services import default_frequency

    current = {key: default_frequency(kind) for key, kind in kinds.KINDS.items()}
    overrides = {}
    for community_id, key, frequency in NotificationPreference.objects.filter(
        user=user
    ).values_list("community_id", "kind", "frequency"):
        if community_id is None:
            current[key] = frequency
        else:
            overrides[(community_id, key)] = frequency
    return current, overrides


def communities_for_preferences(user) -> list:
    """The communities the person belongs to, for choices per community."""
    from entraide.communities.models import Community

    return list(
        Community.objects.filter(memberships__user=user)
        .select_related("network")
        .order_by("network__name", "name")
    )
