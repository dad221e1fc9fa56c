"""Reminders before sessions: once per registration and offset, whatever happens."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services
from entraide.meetings.models import SentReminder
from entraide.meetings.services.reminders import send_due_reminders
from entraide.notifications.models import Notification

DAY = 24 * 60


def _reminders(user):
    return Notification.objects.filter(recipient=user, kind="meetings.reminder")


def _registered(place, session, user, *, ago=timedelta(days=5)):
    registration = services.register(session=session, user=user)
    registration.created_at = timezone.now() - ago
    registration.save(update_fields=["created_at"])
    return registration


def test_the_day_before_and_the_hour_before_each_once(place):
    start = timezone.now() + timedelta(days=3)
    session = place.session(starts_at=start)
    _registered(place, session, place.educator)
    assert send_due_reminders() == 0
    with time_machine.travel(start - timedelta(hours=23), tick=False):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
    with time_machine.travel(start - timedelta(minutes=40), tick=False):
        assert send_due_reminders() == 1
        assert send_due_reminders() == 0
    with time_machine.travel(start + timedelta(minutes=5), tick=False):
        assert send_due_reminders() == 0
    assert _reminders(place.educator).count() == 2
    assert sorted(SentReminder.objects.values_list("minutes_before", "notified")) == [
        (60, True),
        (DAY, True),
    ]


def test_late_pass_sends_only_the_closer_reminder(place):
    """A worker down for a day: at 30 minutes before, one reminder, not two."""
    start = timezone.now() + timedelta(days=3)
    session = place.session(starts_at=start)
    _registered(place, session, place.educator)
    with time_machine.travel(start - timedelta(minutes=30), tick=False):
        assert send_due_reminders() == 1
    assert _reminders(place.educator).count() == 1
    assert sorted(SentReminder.objects.values_list("minutes_before", "notified")) == [
        (60, True),
        (DAY, False),
    ]


def test_registering_after_the_reminder_time_gets_no_reminder_for_it(place):
    """The confirmation just sent says it all; the hour-before one still comes."""
    start = timezone.now() + timedelta(hours=10)
    session = place.session(starts_at=start)
    services.register(session=session, user=place.educator)
    assert send_due_reminders() == 0
    with time_machine.travel(start - timedelta(minutes=45), tick=False):
        assert send_due_reminders() == 1
    assert _reminders(place.educator).count() == 1


@pytest.mark.parametrize("what", ["session", "registration", "membership"])
def test_nothing_for_a_cancelled_session_or_registration_or_a_former_member(
    place, what
):
    start = timezone.now() + timedelta(days=2)
    session = place.session(starts_at=start)
    _registered(place, session, place.educator)
    if what == "session":
        services.cancel_session(session=session, actor=place.facilitator)
    elif what == "registration":
        services.cancel_registration(session=session, user=place.educator)
    else:
        CommunityMembership.objects.filter(user=place.educator).delete()
    with time_machine.travel(start - timedelta(minutes=30), tick=False):
        assert send_due_reminders() == 0
    assert not _reminders(place.educator).exists()


def test_waiting_list_gets_no_reminder_until_promoted(place):
    start = timezone.now() + timedelta(days=2)
    session = place.session(starts_at=start, capacity=1)
    _registered(place, session, place.educator)
    _registered(place, session, place.peer)
    with time_machine.travel(start - timedelta(hours=20), tick=False):
        assert send_due_reminders() == 1
    assert not _reminders(place.peer).exists()


def test_offsets_come_from_settings(place, settings):
    settings.MEETINGS_REMINDER_MINUTES = (15,)
    start = timezone.now() + timedelta(days=2)
    session = place.session(starts_at=start)
    _registered(place, session, place.educator)
    with time_machine.travel(start - timedelta(minutes=50), tick=False):
        assert send_due_reminders() == 0
    with time_machine.travel(start - timedelta(minutes=10), tick=False):
        assert send_due_reminders() == 1


def test_many_registrations_cost_a_bounded_number_of_queries(
    place, django_assert_max_num_queries
):
    start = timezone.now() + timedelta(days=2)
    session = place.session(starts_at=start)
    for index in range(30):
        person = make_member(place.network, f"p{index}@mcq.example")
        CommunityMembership.objects.create(community=place.community, user=person)
        _registered(place, session, person)
    # Nothing due two days ahead: one lookup per offset, whatever the numbers.
    with django_assert_max_num_queries(2):
        assert send_due_reminders() == 0
