"""``manage.py run_worker`` as a real process: restarts, kills and SMTP outages.

Each test runs the worker as a subprocess on the test database (SQLite file or
PostgreSQL), with the task queue in that database and the test's SMTP server, and
waits for what it expects within one 28 s budget per test.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

from entraide.accounts.models import User
from entraide.notifications import services
from entraide.notifications.models import DeliveryStatus, EmailDelivery

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT_DIR = Path(__file__).resolve().parents[3]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_url() -> str:
    """The URL of the database this test runs on, for another process."""
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    credentials = f"{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class Deadline:
    """One time budget for a whole test, shared by all its waits."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        return max(self.end - time.monotonic(), 0.0)


class Workers:
    """Starts ``run_worker`` processes and makes sure none outlives the test."""

    def __init__(self, smtp):
        self.smtp = smtp
        self.processes: list[subprocess.Popen] = []
        self.logs: list[Path] = []

    def start(self, **env) -> subprocess.Popen:
        handle, name = tempfile.mkstemp(prefix="entraide-worker-", suffix=".log")
        os.close(handle)
        log = Path(name)
        self.logs.append(log)
        environment = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            **{key: str(value) for key, value in env.items()},
        }
        with log.open("wb") as output:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "manage.py",
                    "run_worker",
                    "--no-startup-delay",
                    "--interval=0.05",
                    "--requeue-interval=0.5",
                    "--verbosity=0",
                ],
                cwd=PROJECT_DIR,
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        self.processes.append(process)
        return process

    def stop(self, process, deadline: Deadline, sig=signal.SIGTERM) -> int:
        process.send_signal(sig)
        return process.wait(timeout=deadline.left())

    def output(self) -> str:
        return "\n".join(log.read_text(errors="replace") for log in self.logs)

    def cleanup(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
        for log in self.logs:
            log.unlink(missing_ok=True)


@pytest.fixture
def workers(smtp, settings):
    settings.TASKS = DB_TASKS
    running = Workers(smtp)
    yield running
    running.cleanup()


def wait_until(condition, *, deadline: Deadline, what: str, workers) -> None:
    while not condition():
        if not deadline.left():
            pytest.fail(f"out of time waiting for {what}\n{workers.output()}")
        time.sleep(0.02)


def notify_people(count: int) -> list[User]:
    """``count`` people, each with one notification whose email is queued."""
    people = [
        User.objects.create_user(f"personne{i:02}@example.org", None)
        for i in range(count)
    ]
    for person in people:
        services.notify(
            recipient=person, kind="networks.joined", context={"network": "Réseau A"}
        )
    assert DBTaskResult.objects.filter(status="READY").count() == count
    return people


def sent_count() -> int:
    return EmailDelivery.objects.filter(status=DeliveryStatus.SENT).count()


def test_notification_emails_exactly_once_when_the_worker_is_restarted_mid_batch(
    smtp, workers
):
    """SIGTERM lets the current email finish; the next worker sends the rest.

    A graceful stop leaves nothing in flight, so each person gets exactly one
    message: none lost, none twice.
    """
    deadline = Deadline(28)
    people = notify_people(40)
    first = workers.start()
    wait_until(
        lambda: len(smtp.messages) >= 3,
        deadline=deadline,
        what="the first messages",
        workers=workers,
    )
    assert workers.stop(first, deadline) == 0, workers.output()
    sent_by_first = len(smtp.messages)
    assert 0 < sent_by_first < 40, "the worker should stop mid-batch"
    assert sent_count() == sent_by_first
    assert not EmailDelivery.objects.filter(status=DeliveryStatus.SENDING).exists()
    assert not DBTaskResult.objects.filter(status="RUNNING").exists()

    second = workers.start()
    wait_until(
        lambda: sent_count() == 40,
        deadline=deadline,
        what="every delivery sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()
    received = Counter(message["To"] for message in smtp.messages)
    assert received == {person.email: 1 for person in people}
    assert set(EmailDelivery.objects.values_list("attempts", flat=True)) == {1}


def test_notification_emails_survive_a_worker_killed_mid_batch(smtp, workers):
    """kill -9 mid-batch, then a new worker with a 2 s lease recovers.

    What is asserted, and why: nobody is missing a message, and every delivery
    ends ``sent``. A killed worker cannot record that the SMTP server accepted the
    message it was sending, so that one message (and only that one: a worker sends
    one at a time) may arrive twice, with the same Message-ID so mail programs can
    drop it. So at most one person may have two messages, nobody more, and that
    person's delivery shows two attempts. Every other delivery was sent once.
    """
    deadline = Deadline(28)
    people = notify_people(40)
    first = workers.start(EMAIL_DELIVERY_LEASE_SECONDS=2)
    wait_until(
        lambda: len(smtp.messages) >= 3,
        deadline=deadline,
        what="the first messages",
        workers=workers,
    )
    workers.stop(first, deadline, signal.SIGKILL)
    assert len(smtp.messages) < 40, "the worker should be killed mid-batch"

    second = workers.start(EMAIL_DELIVERY_LEASE_SECONDS=2)
    wait_until(
        lambda: sent_count() == 40,
        deadline=deadline,
        what="every delivery sent",
        workers=workers,
    )
    assert workers.stop(second, deadline) == 0, workers.output()

    received = Counter(message["To"] for message in smtp.messages)
    assert set(received) == {person.email for person in people}
    twice = [address for address, count in received.items() if count > 1]
    assert len(twice) <= 1
    assert max(received.values()) <= 2
    attempts = dict(EmailDelivery.objects.values_list("to_email", "attempts"))
    for address in twice:
        assert attempts[address] == 2
        copies = [m for m in smtp.messages if m["To"] == address]
        assert copies[0]["Message-ID"] == copies[1]["Message-ID"]
    assert sum(1 for count in attempts.values() if count > 1) <= 1


def test_smtp_outage_loses_nothing_and_sends_each_once_after_recovery(smtp, workers):
    """While the server answers 4xx nothing is lost or given up; then each once."""
    deadline = Deadline(28)
    smtp.refuse = True
    people = notify_people(10)
    workers.start(EMAIL_DELIVERY_RETRY_SECONDS=1)
    wait_until(
        lambda: (
            not EmailDelivery.objects.filter(attempts=0).exists()
            and not EmailDelivery.objects.filter(status=DeliveryStatus.SENDING).exists()
        ),
        deadline=deadline,
        what="a first refused attempt for every delivery",
        workers=workers,
    )
    assert smtp.messages == []
    assert set(EmailDelivery.objects.values_list("status", flat=True)) == {
        DeliveryStatus.PENDING
    }

    smtp.refuse = False
    wait_until(
        lambda: sent_count() == 10,
        deadline=deadline,
        what="every delivery sent after the outage",
        workers=workers,
    )
    received = Counter(message["To"] for message in smtp.messages)
    assert received == {person.email: 1 for person in people}
    assert not EmailDelivery.objects.filter(status=DeliveryStatus.FAILED).exists()


def test_worker_requeues_a_delivery_whose_task_was_lost_when_it_starts(smtp, workers):
    """A delivery committed without its task (lost enqueue) is still sent."""
    deadline = Deadline(28)
    (person,) = notify_people(1)
    DBTaskResult.objects.all().delete()
    EmailDelivery.objects.update(next_attempt_at="2000-01-01T00:00:00Z")
    workers.start()
    wait_until(
        lambda: sent_count() == 1,
        deadline=deadline,
        what="the lost delivery",
        workers=workers,
    )
    assert [message["To"] for message in smtp.messages] == [person.email]
