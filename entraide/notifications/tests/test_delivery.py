"""Claim, send, retry and recovery of notification emails, on a real SMTP server."""

import socket
import threading
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.db import connection
from django.test import TestCase
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from entraide.core.testing import SMTPFixture, make_network, make_person
from entraide.notifications import delivery, services
from entraide.notifications.models import DeliveryStatus, EmailDelivery

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued(settings, person, **fields) -> EmailDelivery:
    """A notification for ``person`` with its email delivery waiting in the queue."""
    settings.TASKS = DB_TASKS
    fields.setdefault("kind", "networks.joined")
    fields.setdefault("context", {"network": "Réseau Mauricie"})
    with TestCase.captureOnCommitCallbacks(execute=True):
        notification = services.notify(recipient=person, **fields)
    return notification.email_delivery


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _RefusingRecipients:
    def __init__(self, reply: str):
        self.reply = reply
        self.accepted = 0

    async def handle_RCPT(self, server, session, envelope, address, options):
        return self.reply

    async def handle_DATA(self, server, session, envelope):
        self.accepted += 1
        return "250 OK"


@pytest.fixture
def refusing_smtp(settings):
    """A real SMTP server whose answer to RCPT TO the test chooses."""
    handler = _RefusingRecipients("550 5.1.1 No such mailbox")
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    yield handler
    controller.stop()


# --- Exactly once --------------------------------------------------------------


def test_delivery_is_sent_once_even_if_its_task_runs_twice(smtp, settings):
    row = queued(settings, make_person("alice@example.org"))
    assert delivery.send(row.pk) == "sent"
    assert delivery.send(row.pk) == "skipped"
    assert len(smtp.to("alice@example.org")) == 1
    row.refresh_from_db()
    assert row.status == DeliveryStatus.SENT
    assert row.attempts == 1
    assert row.sent_at is not None


def test_delivery_held_by_another_worker_is_left_alone_until_its_lease_expires(
    smtp, settings
):
    row = queued(settings, make_person("alice@example.org"))
    assert delivery.claim(row.pk) is not None
    assert delivery.send(row.pk) == "skipped"
    assert smtp.messages == []
    EmailDelivery.objects.filter(pk=row.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert delivery.send(row.pk) == "sent"
    row.refresh_from_db()
    assert row.attempts == 2
    assert len(smtp.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_on_one_delivery_send_it_once(smtp, settings):
    rows = [queued(settings, make_person(f"p{i}@example.org")) for i in range(5)]
    for row in rows:
        barrier = threading.Barrier(2)
        results = []

        def worker(pk=row.pk, barrier=barrier, results=results):
            try:
                barrier.wait()
                results.append(delivery.send(pk))
            finally:
                connection.close()

        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(results) == ["sent", "skipped"]
    assert len(smtp.messages) == 5
    assert sorted(m["To"] for m in smtp.messages) == [
        f"p{i}@example.org" for i in range(5)
    ]


# --- SMTP trouble --------------------------------------------------------------


def test_temporary_refusal_puts_the_delivery_back_with_a_deferred_retry(smtp, settings):
    settings.EMAIL_DELIVERY_RETRY_SECONDS = 30
    row = queued(settings, make_person("alice@example.org"))
    DBTaskResult.objects.all().delete()
    smtp.refuse = True
    before = timezone.now()
    assert delivery.send(row.pk) == "retry"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.PENDING
    assert row.attempts == 1
    assert "451" in row.last_error
    assert row.lease_expires_at is None
    assert timedelta(seconds=29) < row.next_attempt_at - before < timedelta(seconds=32)
    task = DBTaskResult.objects.get()
    assert task.status == "READY"
    assert task.args_kwargs["args"] == [row.pk]
    assert task.run_after == row.next_attempt_at

    smtp.refuse = False
    assert delivery.send(row.pk) == "sent"
    assert len(smtp.messages) == 1


def test_unreachable_mail_server_is_retried_later(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    row = queued(settings, make_person("alice@example.org"))
    assert delivery.send(row.pk) == "retry"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.PENDING
    assert row.next_attempt_at > timezone.now()


def test_recipient_refused_for_good_marks_the_delivery_failed(refusing_smtp, settings):
    row = queued(settings, make_person("alice@example.org"))
    assert delivery.send(row.pk) == "failed"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.FAILED
    assert "550" in row.last_error
    assert refusing_smtp.accepted == 0
    assert delivery.send(row.pk) == "skipped"


def test_recipient_refused_for_now_is_retried(refusing_smtp, settings):
    refusing_smtp.reply = "450 4.2.1 Mailbox busy, try later"
    row = queued(settings, make_person("alice@example.org"))
    assert delivery.send(row.pk) == "retry"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.PENDING


def test_delivery_gives_up_after_the_last_attempt(smtp, settings):
    settings.EMAIL_DELIVERY_MAX_ATTEMPTS = 2
    row = queued(settings, make_person("alice@example.org"))
    smtp.refuse = True
    assert delivery.send(row.pk) == "retry"
    assert delivery.send(row.pk) == "failed"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.FAILED
    assert row.attempts == 2


def test_delivery_whose_worker_keeps_dying_ends_failed(smtp, settings):
    settings.EMAIL_DELIVERY_MAX_ATTEMPTS = 3
    row = queued(settings, make_person("alice@example.org"))
    EmailDelivery.objects.filter(pk=row.pk).update(
        status=DeliveryStatus.SENDING,
        attempts=3,
        lease_expires_at=timezone.now() - timedelta(seconds=1),
    )
    assert delivery.send(row.pk) == "skipped"
    row.refresh_from_db()
    assert row.status == DeliveryStatus.FAILED
    assert smtp.messages == []


def test_no_email_to_a_person_deactivated_after_it_was_queued(smtp, settings):
    person = make_person("alice@example.org")
    row = queued(settings, person)
    person.is_active = False
    person.save()
    assert delivery.send(row.pk) == "failed"
    assert smtp.messages == []


def test_retry_delay_doubles_up_to_an_hour(settings):
    settings.EMAIL_DELIVERY_RETRY_SECONDS = 30
    assert [delivery.retry_delay(n) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert delivery.retry_delay(20) == 3600


# --- Recovery of lost tasks ------------------------------------------------------


def _overdue(settings) -> datetime:
    return timezone.now() - timedelta(seconds=settings.EMAIL_DELIVERY_LEASE_SECONDS + 1)


def _tasks_for(row) -> int:
    return sum(
        1
        for args_kwargs in DBTaskResult.objects.filter(status="READY").values_list(
            "args_kwargs", flat=True
        )
        if args_kwargs["args"] == [row.pk]
    )


def test_requeue_stale_queues_a_pending_delivery_whose_task_was_lost(settings):
    row = queued(settings, make_person("alice@example.org"))
    DBTaskResult.objects.all().delete()
    EmailDelivery.objects.filter(pk=row.pk).update(next_attempt_at=_overdue(settings))
    assert delivery.requeue_stale() == 1
    assert _tasks_for(row) == 1
    assert delivery.requeue_stale() == 0, "a task is waiting: no second one"


def test_requeue_stale_leaves_fresh_and_waiting_deliveries_alone(settings):
    fresh = queued(settings, make_person("alice@example.org"))
    waiting = queued(settings, make_person("bob@example.org"))
    EmailDelivery.objects.filter(pk=waiting.pk).update(
        next_attempt_at=_overdue(settings)
    )
    done = queued(settings, make_person("carol@example.org"))
    EmailDelivery.objects.filter(pk=done.pk).update(
        status=DeliveryStatus.SENT, next_attempt_at=_overdue(settings)
    )
    DBTaskResult.objects.exclude(args_kwargs__args__0=waiting.pk).delete()
    assert delivery.requeue_stale() == 0
    assert _tasks_for(fresh) == 0
    assert _tasks_for(waiting) == 1


def test_requeue_stale_queues_a_delivery_whose_worker_died_mid_send(settings):
    row = queued(settings, make_person("alice@example.org"))
    DBTaskResult.objects.all().delete()
    delivery.claim(row.pk)
    assert delivery.requeue_stale() == 0, "the lease still runs"
    EmailDelivery.objects.filter(pk=row.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert delivery.requeue_stale() == 1
    assert _tasks_for(row) == 1


# --- Content ------------------------------------------------------------------


def test_email_has_text_and_html_sender_identity_and_preferences_link(smtp, settings):
    settings.SITE_URL = "https://entraide.example"
    settings.DEFAULT_FROM_EMAIL = "Entraide <ne-pas-repondre@entraide.example>"
    settings.PRIVACY_OFFICER_EMAIL = "dpo@entraide.example"
    network = make_network()
    row = queued(
        settings,
        make_person("alice@example.org", first_name="Alice"),
        network=network,
        context={"network": network.name},
        url="/r/mcq/",
    )
    delivery.send(row.pk)
    (message,) = smtp.to("alice@example.org")
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert (
        message["Subject"].strip()
        == f"[Entraide] {network.name} : vous faites maintenant partie de ce réseau."
    )
    assert message["Message-ID"] == f"<{row.message_id}@entraide.example>"
    assert message["Auto-Submitted"] == "auto-generated"
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert "Alice" in body
        assert network.name in body
        assert "https://entraide.example/r/mcq/" in body
        assert "https://entraide.example/notifications/preferences/" in body
        assert "dpo@entraide.example" in body


def test_email_is_in_french_by_default(smtp, settings):
    row = queued(settings, make_person("alice@example.org"))
    delivery.send(row.pk)
    (message,) = smtp.messages
    assert message["Content-Language"] == "fr-CA"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="fr-CA">' in html


def test_email_is_in_english_for_an_english_speaking_person(smtp, settings):
    row = queued(settings, make_person("alice@example.org", language="en"))
    delivery.send(row.pk)
    (message,) = smtp.messages
    assert message["Content-Language"] == "en"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="en">' in html


@pytest.mark.parametrize(
    ("time_zone", "local_time"),
    [("America/Vancouver", "09\xa0h\xa000"), ("America/St_Johns", "13\xa0h\xa030")],
)
def test_email_gives_the_time_in_the_recipients_time_zone(
    smtp, settings, time_zone, local_time
):
    person = make_person("alice@example.org", time_zone=time_zone)
    with time_machine.travel(datetime(2026, 1, 15, 17, 0, tzinfo=UTC), tick=False):
        row = queued(settings, person)
    delivery.send(row.pk)
    assert local_time in SMTPFixture.body(smtp.messages[0])


def test_link_to_another_site_is_replaced_by_the_notification_list(smtp, settings):
    settings.SITE_URL = "https://entraide.example"
    row = queued(settings, make_person("alice@example.org"), url="//evil.example/x")
    delivery.send(row.pk)
    body = SMTPFixture.body(smtp.messages[0])
    assert "evil.example" not in body
    assert "https://entraide.example/notifications/" in body


@pytest.mark.parametrize(
    "name",
    [
        "Réseau\r\nBcc: victim@example.org",
        "Réseau\nX-Injected: yes",
        "Réseau\u2028Bcc: victim@example.org",
        "Réseau\x85\x0b\x0cBcc: victim@example.org",
    ],
)
def test_line_breaks_in_a_title_never_reach_the_headers(smtp, settings, name):
    row = queued(settings, make_person("alice@example.org"), context={"network": name})
    assert delivery.send(row.pk) == "sent"
    (message,) = smtp.messages
    assert message["Bcc"] is None
    assert message["X-Injected"] is None
    assert smtp.envelopes[0][1] == ["alice@example.org"]
    subject = message["Subject"].strip()
    assert "\n" not in subject and "\r" not in subject
    assert subject.endswith("vous faites maintenant partie de ce réseau.")
    assert "Bcc: victim@example.org" in subject or "X-Injected: yes" in subject


def test_header_text_keeps_one_short_line():
    assert delivery.header_text("a\r\n\tb\u2028c\u200fd") == "a b cd"
    long = delivery.header_text("x" * 500)
    assert len(long) == delivery.SUBJECT_MAX_LENGTH
    assert long.endswith("…")
