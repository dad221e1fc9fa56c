"""Claim, send and record one email, exactly once.

Two outboxes share the protocol: ``EmailDelivery`` (one notification, at once)
and ``Digest`` (a person's notifications of a day or a week). A row goes
``pending`` → ``sending`` (claimed with a lease, committed before SMTP is spoken
to) → ``sent`` (committed right after). A retried task or a second worker finds
the row already claimed or sent and does nothing. When the mail server is
unavailable the row goes back to ``pending`` with a later ``next_attempt_at`` and
a deferred task; when the server refuses the message for good it ends
``failed``. ``requeue_stale`` (run by the worker) queues again what a killed
worker or a lost task left behind.
"""

import logging
import smtplib
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.module_loading import import_string

from entraide.core.timezones import zone
from entraide.notifications import kinds
from entraide.notifications.models import (
    DeliveryStatus,
    Digest,
    EmailDelivery,
    OutgoingEmail,
)

logger = logging.getLogger(__name__)

SUBJECT_MAX_LENGTH = 200
MAX_RETRY_DELAY = 3600
REQUEUE_BATCH = 500


class NothingToSend(Exception):
    """Raised by a builder when the email has nothing left to say."""


@dataclass(frozen=True)
class Outbox:
    """A kind of email row sent with this protocol."""

    model: type[OutgoingEmail]
    # What building the message reads, fetched with the claim.
    related: tuple[str, ...]
    # Dotted paths: (row) -> EmailMultiAlternatives, and the task sending one row.
    builder: str
    task_path: str
    # Dotted path: (row, error) -> None, called when the server refused the
    # message for good (a 5xx answer), e.g. to stop writing to that address.
    on_refused: str = ""

    def build(self, row) -> EmailMultiAlternatives:
        builder: Callable = import_string(self.builder)
        return builder(row)

    @property
    def task(self):
        return import_string(self.task_path)


NOTIFICATIONS = Outbox(
    model=EmailDelivery,
    related=("notification__recipient", "notification__network"),
    builder="entraide.notifications.delivery.build_message",
    task_path="entraide.notifications.tasks.send_notification_email",
)
DIGESTS = Outbox(
    model=Digest,
    related=("recipient",),
    builder="entraide.notifications.digests.build_message",
    task_path="entraide.notifications.tasks.send_digest",
)
OUTBOXES = [NOTIFICATIONS, DIGESTS]


def register_outbox(outbox: Outbox) -> Outbox:
    """Add an app's outbox to those ``requeue_stale`` looks after (once)."""
    if outbox not in OUTBOXES:
        OUTBOXES.append(outbox)
    return outbox


def claim(delivery_id: int, outbox: Outbox = NOTIFICATIONS) -> OutgoingEmail | None:
    """Take the row for this worker, or None if it is done or someone has it.

    ``select_for_update`` serialises two workers on PostgreSQL; on SQLite the
    IMMEDIATE transaction mode takes the write lock when the transaction begins.
    """
    now = timezone.now()
    with transaction.atomic():
        row = (
            outbox.model.objects.select_for_update(of=("self",))
            .select_related(*outbox.related)
            .filter(pk=delivery_id)
            .first()
        )
        if row is None or row.status in (DeliveryStatus.SENT, DeliveryStatus.FAILED):
            return None
        if row.status == DeliveryStatus.SENDING and (
            row.lease_expires_at is None or row.lease_expires_at > now
        ):
            return None
        if row.attempts >= settings.EMAIL_DELIVERY_MAX_ATTEMPTS:
            # Claimed that many times without an answer: a worker dies on it.
            row.status = DeliveryStatus.FAILED
            row.lease_expires_at = None
            row.last_error = row.last_error or "Too many attempts without a result"
            row.save(update_fields=["status", "lease_expires_at", "last_error"])
            return None
        row.status = DeliveryStatus.SENDING
        row.attempts += 1
        row.lease_expires_at = now + timedelta(
            seconds=settings.EMAIL_DELIVERY_LEASE_SECONDS
        )
        row.save(update_fields=["status", "attempts", "lease_expires_at"])
    return row


def header_text(value: str, *, max_length: int = SUBJECT_MAX_LENGTH) -> str:
    """One line of text that is safe in a mail header.

    Every kind of line break (CR, LF, VT, FF, NEL, U+2028…) and other control or
    invisible format character is dropped or turned into a space, so text that
    came from a person can never start a header of its own.
    """
    text = " ".join(value.split())
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    if len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    return text


def absolute_link(url: str) -> str:
    """The notification's link as an absolute URL on this site, or the list."""
    if url and url.startswith("/") and url_has_allowed_host_and_scheme(url, None):
        return settings.SITE_URL + url
    return settings.SITE_URL + reverse("notifications:list")


def _mail_domain() -> str:
    """The domain of the sender's address, for Message-IDs."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "entraide"


def language_of(recipient) -> tuple[str, str]:
    """The recipient's language code and the matching ``lang`` of an HTML mail."""
    language = recipient.language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    return language, "en" if language == "en" else "fr-CA"


def footer_context(html_lang: str) -> dict:
    """Sender identity, contact and the preferences link (CASL) of every email."""
    return {
        "preferences_url": settings.SITE_URL + reverse("notifications:preferences"),
        "site_url": settings.SITE_URL,
        "contact_email": settings.PRIVACY_OFFICER_EMAIL,
        "html_lang": html_lang,
    }


def message_headers(row: OutgoingEmail, html_lang: str) -> dict[str, str]:
    return {
        # Stable across retries: a mail program can drop the rare duplicate
        # left by a worker killed between SMTP's answer and the commit.
        "Message-ID": f"<{row.message_id}@{_mail_domain()}>",
        "Content-Language": html_lang,
        "Auto-Submitted": "auto-generated",
    }


def build_message(row: EmailDelivery) -> EmailMultiAlternatives:
    """The email in the recipient's language and time zone, as text and HTML."""
    notification = row.notification
    recipient = notification.recipient
    language, html_lang = language_of(recipient)
    with translation.override(language), timezone.override(zone(recipient.time_zone)):
        title = header_text(
            kinds.render_title(notification.kind, notification.context),
            max_length=1000,
        )
        context = {
            "recipient": recipient,
            "title": title,
            "url": absolute_link(notification.url),
            "network": notification.network,
            "created_at": notification.created_at,
            **footer_context(html_lang),
        }
        extras = kinds.email_extras(notification)
        context["details"] = extras.details
        text = render_to_string("notifications/email/notification.txt", context)
        html = render_to_string("notifications/email/notification.html", context)
    message = EmailMultiAlternatives(
        subject=header_text(f"[Entraide] {title}"),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to_email],
        headers=message_headers(row, html_lang),
    )
    message.attach_alternative(html, "text/html")
    for name, content, mimetype in extras.attachments:
        message.attach(name, content, mimetype)
    return message


def is_permanent(error: Exception) -> bool:
    """Whether the server refused this message for good (a 5xx answer to it).

    Unreachable servers, timeouts, 4xx answers and failures of our own account
    (sender refused, authentication) are worth retrying.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def retry_delay(attempts: int) -> int:
    base = settings.EMAIL_DELIVERY_RETRY_SECONDS
    return min(base * 2 ** max(attempts - 1, 0), MAX_RETRY_DELAY)


def send(delivery_id: int, outbox: Outbox = NOTIFICATIONS) -> str:
    """Send one row at most once; returns what happened, for the task result."""
    row = claim(delivery_id, outbox)
    if row is None:
        return "skipped"
    if not row.recipient.is_active:
        _finish(row, status=DeliveryStatus.FAILED, error="The account was deactivated")
        return "failed"
    try:
        message = outbox.build(row)
    except NothingToSend:
        _finish(row, status=DeliveryStatus.FAILED, error="Nothing left to send")
        return "failed"
    except Exception as error:
        # A bug in a template or a kind: retrying would fail the same way.
        logger.exception("Email delivery %s could not be built", row.pk)
        _finish(row, status=DeliveryStatus.FAILED, error=error)
        return "failed"
    try:
        message.send()
    except ValueError as error:
        # An address or header the mail library refuses: no retry will change it.
        logger.warning("Email delivery %s refused locally: %s", row.pk, error)
        _finish(row, status=DeliveryStatus.FAILED, error=error)
        return "failed"
    except (smtplib.SMTPException, OSError) as error:
        give_up = (
            is_permanent(error) or row.attempts >= settings.EMAIL_DELIVERY_MAX_ATTEMPTS
        )
        logger.warning("Email delivery %s failed: %s", row.pk, error)
        if give_up:
            _finish(row, status=DeliveryStatus.FAILED, error=error)
            if outbox.on_refused and is_permanent(error):
                import_string(outbox.on_refused)(row, error)
            return "failed"
        schedule_retry(row, error=error, outbox=outbox)
        return "retry"
    _finish(row, status=DeliveryStatus.SENT)
    return "sent"


def _finish(row: OutgoingEmail, *, status: str, error: Exception | str = ""):
    """Record the outcome, trying again briefly if the database hiccups.

    Losing this write after SMTP accepted the message would send it twice once the
    lease expires, so a short outage is waited out.
    """
    fields = {"status": status, "lease_expires_at": None}
    if status == DeliveryStatus.SENT:
        fields["sent_at"] = timezone.now()
    if error:
        fields["last_error"] = str(error)[:1000]
    for attempt in range(5):
        try:
            type(row).objects.filter(pk=row.pk).update(**fields)
            return
        except (OperationalError, InterfaceError):
            if attempt == 4:
                raise
            time.sleep(0.5 * (attempt + 1))


def schedule_retry(
    row: OutgoingEmail, *, error: Exception, outbox: Outbox = NOTIFICATIONS
) -> None:
    """Put the row back in the queue for later, with exponential backoff.

    With the database task backend the row and its deferred task are written in one
    transaction. A backend that cannot defer leaves the row to ``requeue_stale``.
    """
    task = outbox.task
    due = timezone.now() + timedelta(seconds=retry_delay(row.attempts))
    with transaction.atomic():
        outbox.model.objects.filter(pk=row.pk).update(
            status=DeliveryStatus.PENDING,
            lease_expires_at=None,
            next_attempt_at=due,
            last_error=str(error)[:1000],
        )
        if task.get_backend().supports_defer:
            task.using(run_after=due).enqueue(row.pk)


def _queued_ids(outbox: Outbox, ids: list[int]) -> set[int]:
    """Those of the rows that already have a task waiting in the queue."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        status="READY",
        task_path=outbox.task.module_path,
        args_kwargs__args__0__in=ids,
    ).values_list("args_kwargs", flat=True)
    return {args_kwargs["args"][0] for args_kwargs in waiting}


def requeue_stale() -> int:
    """Queue again every email (of every outbox) whose task was lost; how many.

    Two cases: a ``sending`` row whose lease expired (its worker was killed) and a
    ``pending`` row overdue by more than a lease (its task never reached the queue,
    or its worker died before claiming it). A row that still has a task waiting is
    left alone. Sending twice is impossible through ``claim``, so a duplicate task
    costs nothing but a skipped run.
    """
    return sum(_requeue_stale(outbox) for outbox in OUTBOXES)


def _requeue_stale(outbox: Outbox) -> int:
    task = outbox.task
    now = timezone.now()
    overdue = now - timedelta(seconds=settings.EMAIL_DELIVERY_LEASE_SECONDS)
    stale = outbox.model.objects.filter(
        Q(status=DeliveryStatus.PENDING, next_attempt_at__lte=overdue)
        | Q(status=DeliveryStatus.SENDING, lease_expires_at__lte=now)
    ).order_by("pk")
    count = 0
    last_pk = 0
    while True:
        batch = list(
            stale.filter(pk__gt=last_pk).values_list("pk", flat=True)[:REQUEUE_BATCH]
        )
        if not batch:
            return count
        waiting = _queued_ids(outbox, batch)
        for pk in batch:
            if pk not in waiting:
                task.enqueue(pk)
                count += 1
        last_pk = batch[-1]
