"""notify(): the one way every capability tells a person something happened."""

from django.db import transaction
from django.utils import timezone

from entraide.notifications import kinds
from entraide.notifications.models import (
    EmailDelivery,
    Notification,
    NotificationPreference,
)


def wants_email(user, kind: kinds.Kind) -> bool:
    pref = NotificationPreference.objects.filter(user=user, kind=kind.key).first()
    return kind.email_by_default if pref is None else pref.email


def notify(
    *,
    recipient,
    kind: str,
    context: dict | None = None,
    url: str = "",
    actor=None,
    network=None,
) -> Notification:
    """Record an in-app notification and, per the person's preferences, queue an email.

    The email is queued only once the surrounding transaction commits, so a rolled
    back action never sends mail. A failure to queue it does not undo the action:
    the worker's ``requeue_stale`` finds the delivery left pending.
    """
    kind_ = kinds.get(kind)
    notification = Notification(
        recipient=recipient,
        kind=kind_.key,
        context=context or {},
        url=url,
        actor=actor,
        network=network,
    )
    notification.full_clean(exclude=["recipient", "actor", "network"])
    with transaction.atomic():
        notification.save()
        if recipient.is_active and recipient.email and wants_email(recipient, kind_):
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


def set_email_preferences(*, user, choices: dict[str, bool]) -> None:
    """Record, per kind of notification, whether the person also wants an email."""
    for key in choices:
        kinds.get(key)
    with transaction.atomic():
        for key, email in choices.items():
            NotificationPreference.objects.update_or_create(
                user=user, kind=key, defaults={"email": email}
            )
