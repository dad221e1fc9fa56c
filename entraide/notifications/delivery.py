"""Claim, send and record one notification email.

The claim is committed before SMTP is spoken to, and the result right after, so a
retried task or a second worker never sends a delivery that is already sent.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from entraide.core.timezones import zone
from entraide.notifications import kinds
from entraide.notifications.models import DeliveryStatus, EmailDelivery

logger = logging.getLogger(__name__)


def claim(delivery_id: int) -> EmailDelivery | None:
    now = timezone.now()
    with transaction.atomic():
        row = (
            EmailDelivery.objects.select_for_update()
            .select_related("notification__recipient", "notification__actor")
            .filter(pk=delivery_id)
            .first()
        )
        if row is None or row.status in (DeliveryStatus.SENT, DeliveryStatus.FAILED):
            return None
        if (
            row.status == DeliveryStatus.SENDING
            and row.lease_expires_at
            and row.lease_expires_at > now
        ):
            return None
        row.status = DeliveryStatus.SENDING
        row.attempts += 1
        row.lease_expires_at = now + timedelta(
            seconds=settings.EMAIL_DELIVERY_LEASE_SECONDS
        )
        row.save(update_fields=["status", "attempts", "lease_expires_at"])
    return row


def build_message(row: EmailDelivery) -> EmailMultiAlternatives:
    notification = row.notification
    recipient = notification.recipient
    kind = kinds.get(notification.kind)
    with (
        translation.override(recipient.language),
        timezone.override(zone(recipient.time_zone)),
    ):
        title = str(kind.title) % notification.context
        url = notification.url
        if url.startswith("/"):
            url = settings.SITE_URL + url
        context = {
            "recipient": recipient,
            "title": title,
            "url": url,
            "preferences_url": settings.SITE_URL + "/notifications/preferences/",
            "created_at": notification.created_at,
        }
        subject = f"[Entraide] {title}".replace("\r", " ").replace("\n", " ")[:200]
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to_email],
        headers={"Message-ID": f"<{row.message_id}@entraide>"},
    )
    message.attach_alternative(html, "text/html")
    return message


def send(delivery_id: int) -> str:
    row = claim(delivery_id)
    if row is None:
        return "skipped"
    try:
        build_message(row).send()
    except (smtplib.SMTPException, OSError) as error:
        permanent = isinstance(error, smtplib.SMTPRecipientsRefused)
        give_up = permanent or row.attempts >= settings.EMAIL_DELIVERY_MAX_ATTEMPTS
        EmailDelivery.objects.filter(pk=row.pk).update(
            status=DeliveryStatus.FAILED if give_up else DeliveryStatus.PENDING,
            lease_expires_at=None,
            last_error=str(error)[:1000],
        )
        if not give_up:
            retry_later(row.pk, attempts=row.attempts)
        logger.warning("Email delivery %s failed: %s", row.pk, error)
        return "failed" if give_up else "retry"
    EmailDelivery.objects.filter(pk=row.pk).update(
        status=DeliveryStatus.SENT, sent_at=timezone.now(), lease_expires_at=None
    )
    return "sent"


def retry_later(delivery_id: int, *, attempts: int) -> None:
    from entraide.notifications.tasks import send_notification_email

    delay = min(30 * 2 ** max(attempts - 1, 0), 3600)
    send_notification_email.using(
        run_after=timezone.now() + timedelta(seconds=delay)
    ).enqueue(delivery_id)


def requeue_stale() -> int:
    """Queue again every delivery left pending or with an expired lease.

    Run when a worker starts and periodically: covers a worker killed mid-send and
    a task lost before it was queued.
    """
    from entraide.notifications.tasks import send_notification_email

    now = timezone.now()
    stale = EmailDelivery.objects.filter(
        status=DeliveryStatus.SENDING, lease_expires_at__lte=now
    ).values_list("pk", flat=True)
    count = 0
    for pk in stale.iterator():
        send_notification_email.enqueue(pk)
        count += 1
    return count
