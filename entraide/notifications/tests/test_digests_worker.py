"""Digests through ``manage.py run_worker`` as a real process: stops and kills.

The worker builds the due digests in its housekeeping pass and sends them from the
queue; see ``test_worker`` for how the processes are run.
"""

import signal
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.accounts.models import User
from entraide.notifications import services
from entraide.notifications.models import DeliveryStatus, Digest, Notification
from entraide.notifications.tests.test_worker import (
    DB_TASKS,
    Deadline,
    Workers,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def workers(smtp, settings):
    settings.TASKS = DB_TASKS
    running = Workers(smtp)
    yield running
    running.cleanup()


def people_with_a_digest_due(count: int, frequency: str = "daily") -> list[User]:
    """``count`` people whose digest is due: their notifications are 8 days old,
    so their day and their week (Monday to Sunday) are over."""
    people = []
    for index in range(count):
        person = User.objects.create_user(f"personne{index:02}@example.org", None)
        services.set_preferences(
            user=person, frequencies={"networks.joined": frequency}
        )
        for network in ("Réseau A", "Réseau B"):
            services.notify(
                recipient=person, kind="networks.joined", context={"network": network}
            )
        people.append(person)
    Notification.objects.update(created_at=timezone.now() - timedelta(days=8))
    return people


def sent_count() -> int:
    return Digest.objects.filter(status=DeliveryStatus.SENT).count()


def test_digests_exactly_once_when_the_worker_is_restarted_mid_run(smtp, workers):
    deadline = Deadline(28)
    people = people_with_a_digest_due(40)
    off = User.objects.create_user("jamais@example.org", None)
    services.set_preferences(user=off, frequencies={"networks.joined": "off"})
    services.notify(recipient=off, kind="networks.joined", context={"network": "A"})
    Notification.objects.update(created_at=timezone.now() - timedelta(days=8))

    first = workers.start(NOTIFICATIONS_DIGEST_BATCH=4)
    wait_until(
        lambda: len(smtp.messages) >= 3,
        deadline=deadline,
        what="the first digests",
        workers=workers,
    )
    assert workers.stop(first, deadline) == 0, workers.output()
    sent_by_first = len(smtp.messages)
    assert 0 < sent_by_first < 40, "the worker should stop mid-run"
    assert sent_count() == sent_by_first
    assert not Digest.objects.filter(status=DeliveryStatus.SENDING).exists()

    second = workers.start(NOTIFICATIONS_DIGEST_BATCH=4)
    wait_until(
        lambda: sent_count() == 40,
        deadline=deadline,
        what="every digest sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()
    received = Counter(message["To"] for message in smtp.messages)
    assert received == {person.email: 1 for person in people}, "and none for off"
    assert Digest.objects.count() == 40
    assert set(Digest.objects.values_list("attempts", flat=True)) == {1}
    assert not Notification.objects.filter(
        recipient__in=people, digest__isnull=True
    ).exists()


def test_digests_survive_a_worker_killed_mid_run(smtp, workers):
    """kill -9 mid-run; a new worker with a 2 s lease sends the rest.

    As for single emails (``test_worker``), the digest being sent when the worker
    died may arrive twice, with the same Message-ID; every other one once.
    """
    deadline = Deadline(28)
    people = people_with_a_digest_due(30, "weekly")
    env = {"NOTIFICATIONS_DIGEST_BATCH": 4, "EMAIL_DELIVERY_LEASE_SECONDS": 2}
    first = workers.start(**env)
    wait_until(
        lambda: len(smtp.messages) >= 3,
        deadline=deadline,
        what="the first digests",
        workers=workers,
    )
    workers.stop(first, deadline, signal.SIGKILL)
    assert len(smtp.messages) < 30, "the worker should be killed mid-run"

    second = workers.start(**env)
    wait_until(
        lambda: sent_count() == Digest.objects.count(),
        deadline=deadline,
        what="every digest sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()
    received = Counter(message["To"] for message in smtp.messages)
    assert set(received) == {person.email for person in people}
    twice = [address for address, count in received.items() if count > 1]
    assert len(twice) <= 1
    for address in twice:
        copies = [m for m in smtp.messages if m["To"] == address]
        assert len(copies) == 2
        assert copies[0]["Message-ID"] == copies[1]["Message-ID"]
    assert Digest.objects.count() == 30
