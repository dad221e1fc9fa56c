"""notify(): the one way every capability tells a person something happened."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entraide.notifications import kinds
from entraide.notifications.models import (
    EmailDelivery,
    Frequency,
    Notification,
    NotificationPreference,
)


def default_frequency(kind: kinds.Kind) -> str:
    return Frequency.IMMEDIATELY if kind.email_by_default else Frequency.OFF


def frequency_for(user, kind: kinds.Kind, community=None) -> str:
    """How the person wants this kind's emails: their choice for the community
    first, then their choice for the kind, then the kind's default."""
    scope = Q(community__isnull=True)
    if community is not None and kind.per_community:
        scope |= Q(community=community)
    chosen = dict(
        NotificationPreference.objects.filter(
            scope, user=user, kind=kind.key
        ).values_list("community_id", "frequency")
    )
    if community is not None and community.pk in chosen:
        return chosen[community.pk]
    return chosen.get(None, default_frequency(kind))


def notify(
    *,
    recipient,
    kind: str,
    context: dict | None = None,
    url: str = "",
    actor=None,
    network=None,
    community=None,
) -> Notification:
    """Record an in-app notification and, per the person's preferences, an email.

    "At once" queues one email, only once the surrounding transaction commits, so
    a rolled back action never sends mail; a failure to queue it does not undo the
    action: the worker's ``requeue_stale`` finds the delivery left pending. A daily
    or weekly choice marks the notification for the person's next digest; "never"
    sends nothing. The in-app notification is there whatever the choice.
    """
    kind_ = kinds.get(kind)
    notification = Notification(
        recipient=recipient,
        kind=kind_.key,
        context=context or {},
        url=url,
        actor=actor,
        network=network,
        community=community,
    )
    notification.full_clean(exclude=["recipient", "actor", "network", "community"])
    frequency = Frequency.OFF
    if recipient.is_active and recipient.email:
        frequency = frequency_for(recipient, kind_, community)
    if frequency in (Frequency.DAILY, Frequency.WEEKLY):
        notification.digest_frequency = frequency
    with transaction.atomic():
        notification.save()
        if frequency == Frequency.IMMEDIATELY:
            delivery = EmailDelivery.objects.create(
                notification=notification, to_email=recipient.email
            )
            transaction.on_commit(lambda: _enqueue(delivery.pk), robust=True)
    return notification


def _enqueue(delivery_id: int) -> None:
    from entraide.notifications.tasks import send_notification_email

    send_notification_email.enqueue(delivery_id)


def mark_read(*, user, notification_ids=None) -> int:
    """Mark some (or all) of a person's unread notifications as read."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read_at=timezone.now())


def set_preferences(
    *,
    user,
    frequencies: dict[str, str],
    overrides: dict[tuple[int, str], str] | None = None,
) -> None:
    """Record how the person wants each kind's emails, and per community.

    ``frequencies`` maps kinds to a frequency; ``overrides`` maps (community id,
    kind) to a frequency, or to "" for "as for the kind". A kind left out keeps
    its current choice; the overrides given replace those of their communities.
    Only communities the person belongs to and kinds about a community take an
    override.
    """
    from entraide.communities.models import CommunityMembership

    overrides = overrides or {}
    valid = set(Frequency.values)
    for key, frequency in frequencies.items():
        kinds.get(key)
        if frequency not in valid:
            raise ValidationError(_("Ce choix de courriel n'existe pas."))
    communities = {community_id for community_id, _key in overrides}
    mine = set(
        CommunityMembership.objects.filter(
            user=user, community_id__in=communities
        ).values_list("community_id", flat=True)
    )
    for (community_id, key), frequency in overrides.items():
        if community_id not in mine:
            raise ValidationError(_("Vous ne faites pas partie de cette communauté."))
        if not kinds.get(key).per_community:
            raise ValidationError(
                _("Ce type de notification ne vise pas une communauté.")
            )
        if frequency and frequency not in valid:
            raise ValidationError(_("Ce choix de courriel n'existe pas."))
    rows = [
        NotificationPreference(user=user, kind=key, frequency=frequency)
        for key, frequency in frequencies.items()
    ] + [
        NotificationPreference(
            user=user, kind=key, community_id=community_id, frequency=frequency
        )
        for (community_id, key), frequency in overrides.items()
        if frequency
    ]
    with transaction.atomic():
        mine_prefs = NotificationPreference.objects.filter(user=user)
        mine_prefs.filter(community__isnull=True, kind__in=frequencies).delete()
        mine_prefs.filter(community_id__in=communities).delete()
        NotificationPreference.objects.bulk_create(rows)
