"""Reminders sent by the real worker process, restarted in the middle."""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services
from entraide.meetings.models import Registration, SentReminder
from entraide.notifications.tests.test_worker import (  # noqa: F401 (fixture)
    Deadline,
    wait_until,
    workers,
)

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = 20


def _reminder_mails(smtp) -> Counter:
    return Counter(m["To"] for m in smtp.messages if "rappel" in m["Subject"])


def test_each_registration_gets_its_reminder_once_across_a_worker_restart(
    place,
    smtp,
    workers,  # noqa: F811 (the fixture imported above)
):
    deadline = Deadline(28)
    session = place.session(starts_at=timezone.now() + timedelta(minutes=50))
    people = []
    for index in range(PEOPLE):
        person = make_member(place.network, f"rappel{index:02}@mcq.example")
        CommunityMembership.objects.create(community=place.community, user=person)
        services.register(session=session, user=person)
        people.append(person)
    Registration.objects.update(created_at=timezone.now() - timedelta(days=3))

    first = workers.start()
    wait_until(
        lambda: sum(_reminder_mails(smtp).values()) >= 3,
        deadline=deadline,
        what="the first reminders",
        workers=workers,
    )
    assert workers.stop(first, deadline) == 0, workers.output()

    second = workers.start()
    wait_until(
        lambda: sum(_reminder_mails(smtp).values()) >= PEOPLE,
        deadline=deadline,
        what="every reminder",
        workers=workers,
    )
    # Three more housekeeping passes (every 0.5 s) find nothing more to do.
    rows = SentReminder.objects.count()
    time.sleep(1.5)
    assert workers.stop(second, deadline) == 0, workers.output()
    assert _reminder_mails(smtp) == {person.email: 1 for person in people}
    assert SentReminder.objects.count() == rows == 2 * PEOPLE
    assert set(SentReminder.objects.values_list("minutes_before", "notified")) == {
        (60, True),
        (1440, False),
    }
