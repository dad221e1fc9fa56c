"""The communiqué through ``manage.py run_worker`` as a real process: a worker
stopped or killed mid-send, and the SMTP server refusing for a while.

See ``notifications/tests/test_worker`` for how the processes are run.
"""

import signal
import time
from collections import Counter

import pytest

from entraide.accounts.models import User
from entraide.communiques.models import CommuniqueDelivery, CommuniqueStatus
from entraide.communiques.services import assembly, consent, editing, sending
from entraide.core.testing import make_network
from entraide.networks.models import Membership
from entraide.notifications.models import DeliveryStatus
from entraide.notifications.tests.test_worker import (
    DB_TASKS,
    Deadline,
    Workers,
    wait_until,
)

pytestmark = pytest.mark.django_db(transaction=True)
COUNT = 40


@pytest.fixture
def workers(smtp, settings):
    settings.TASKS = DB_TASKS
    running = Workers(smtp)
    yield running
    running.cleanup()


@pytest.fixture
def started():
    """A communiqué queued for 40 consenting members (no worker yet)."""
    import datetime

    network = make_network()
    lead = User.objects.create_user("chargee@example.org", None)
    Membership.objects.create(network=network, user=lead, role="project_lead")
    people = []
    for index in range(COUNT):
        person = User.objects.create_user(f"membre{index:02}@example.org", None)
        Membership.objects.create(network=network, user=person)
        consent.give_consent(user=person, network=network)
        people.append(person)
    communique = assembly.assemble(
        network=network, month=datetime.date(2026, 11, 1), actor=lead
    )
    editing.add_text_item(communique=communique, title="Bonjour", text="Novembre")
    sending.send_now(communique=communique, actor=lead)
    return communique, people


def sent_count() -> int:
    return CommuniqueDelivery.objects.filter(status=DeliveryStatus.SENT).count()


def assert_each_once(smtp, people):
    """Every member has the communiqué once: distinct messages per address (a
    copy re-sent after a kill carries the same Message-ID)."""
    distinct = Counter(
        message["To"]
        for message in {m["Message-ID"]: m for m in smtp.messages}.values()
    )
    assert distinct == {person.email: 1 for person in people}
    for message in smtp.messages:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_exactly_once_when_the_worker_is_restarted_mid_send(smtp, workers, started):
    communique, people = started
    deadline = Deadline(28)
    first = workers.start()
    wait_until(
        lambda: len(smtp.messages) >= COUNT // 4,
        deadline=deadline,
        what="the first messages",
        workers=workers,
    )
    assert workers.stop(first, deadline) == 0, workers.output()
    assert 0 < len(smtp.messages) < COUNT, "the worker should stop mid-send"
    assert not CommuniqueDelivery.objects.filter(status=DeliveryStatus.SENDING).exists()

    second = workers.start()
    wait_until(
        lambda: sent_count() == COUNT,
        deadline=deadline,
        what="every delivery sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()
    received = Counter(message["To"] for message in smtp.messages)
    assert received == {person.email: 1 for person in people}
    communique.refresh_from_db()
    assert communique.status == CommuniqueStatus.SENT


def test_nobody_missed_after_the_worker_is_killed_mid_send(smtp, workers, started):
    """kill -9 about halfway; a new worker with a 2 s lease sends the rest. The
    message in flight at the kill may arrive twice with one Message-ID."""
    _communique, people = started
    deadline = Deadline(28)
    env = {"EMAIL_DELIVERY_LEASE_SECONDS": 2}
    first = workers.start(**env)
    wait_until(
        lambda: len(smtp.messages) >= COUNT // 2,
        deadline=deadline,
        what="half the messages",
        workers=workers,
    )
    workers.stop(first, deadline, signal.SIGKILL)
    assert len(smtp.messages) < COUNT, "the worker should be killed mid-send"
    second = workers.start(**env)
    wait_until(
        lambda: sent_count() == COUNT,
        deadline=deadline,
        what="every delivery sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()
    assert_each_once(smtp, people)
    assert len(smtp.messages) <= COUNT + 1


def test_exactly_once_after_an_smtp_outage(smtp, workers, started):
    """The server answers 451 for a while; retries deliver each message once."""
    _communique, people = started
    deadline = Deadline(45)
    smtp.refuse = True
    worker = workers.start(EMAIL_DELIVERY_RETRY_SECONDS=1)
    wait_until(
        lambda: (
            CommuniqueDelivery.objects.filter(attempts__gte=1).count() >= COUNT // 2
        ),
        deadline=deadline,
        what="half the deliveries tried and refused",
        workers=workers,
    )
    assert smtp.messages == []
    time.sleep(0.5)
    smtp.refuse = False
    wait_until(
        lambda: sent_count() == COUNT,
        deadline=deadline,
        what="every delivery sent after the outage",
        workers=workers,
    )
    assert workers.stop(worker, deadline) == 0, workers.output()
    received = Counter(message["To"] for message in smtp.messages)
    assert received == {person.email: 1 for person in people}
