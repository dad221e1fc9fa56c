import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services
from entraide.meetings.models import Registration, RegistrationStatus, SessionStatus
from entraide.notifications.models import Notification

REGISTERED = RegistrationStatus.REGISTERED
WAITLISTED = RegistrationStatus.WAITLISTED


def _members(place, n):
    people = []
    for i in range(n):
        person = make_member(place.network, f"educ{i}@mcq.example")
        CommunityMembership.objects.create(community=place.community, user=person)
        people.append(person)
    return people


def _kinds(user):
    return list(
        Notification.objects.filter(recipient=user)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_create_session_starts_planned_with_sequence_zero(place):
    session = place.session()
    assert session.status == SessionStatus.PLANNED
    assert session.sequence == 0
    assert session.created_by == place.facilitator


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"duration_minutes": 10}, "duration_minutes", "au moins 15 minutes"),
        ({"duration_minutes": 721}, "duration_minutes", "au plus 12 heures"),
        ({"capacity": 0}, "capacity", "au moins 1"),
        ({"video_url": "ftp://video.example/x"}, "video_url", "http://"),
        ({"video_url": "javascript:alert(1)"}, "video_url", "http://"),
        (
            {"starts_at": timezone.now() - timedelta(hours=1)},
            "starts_at",
            "dans le passé",
        ),
    ],
)
def test_create_session_refuses_bad_values_in_french(place, fields, field, message):
    with pytest.raises(ValidationError) as error:
        place.session(**fields)
    assert any(message in m for m in error.value.message_dict[field])
    assert not place.community.sessions.exists()


def test_update_session_bumps_sequence(place):
    session = place.session()
    services.update_session(session=session, actor=place.facilitator, title="Autre")
    session.refresh_from_db()
    assert (session.title, session.sequence) == ("Autre", 1)


def test_register_takes_a_seat_then_waitlists_when_full(place):
    session = place.session(capacity=1)
    first = services.register(session=session, user=place.educator)
    second = services.register(session=session, user=place.peer)
    assert (first.status, second.status) == (REGISTERED, WAITLISTED)
    assert _kinds(place.educator) == ["meetings.registered"]
    assert _kinds(place.peer) == ["meetings.waitlisted"]


def test_registering_twice_keeps_one_active_registration(place):
    session = place.session()
    services.register(session=session, user=place.educator)
    services.register(session=session, user=place.educator)
    assert session.registrations.count() == 1


def test_unlimited_capacity_never_waitlists(place):
    session = place.session()
    for person in _members(place, 5):
        assert services.register(session=session, user=person).status == REGISTERED


def test_cancelling_a_seat_promotes_the_first_waiting_person(place):
    session = place.session(capacity=1)
    services.register(session=session, user=place.educator)
    services.register(session=session, user=place.peer)
    services.register(session=session, user=place.facilitator)
    services.cancel_registration(session=session, user=place.educator)
    statuses = dict(
        Registration.objects.filter(session=session).values_list("user", "status")
    )
    assert statuses[place.educator.pk] == RegistrationStatus.CANCELLED
    assert statuses[place.peer.pk] == REGISTERED
    assert statuses[place.facilitator.pk] == WAITLISTED
    assert "meetings.promoted" in _kinds(place.peer)
    assert "meetings.promoted" not in _kinds(place.facilitator)


def test_leaving_the_waiting_list_promotes_nobody(place):
    session = place.session(capacity=1)
    services.register(session=session, user=place.educator)
    services.register(session=session, user=place.peer)
    services.register(session=session, user=place.facilitator)
    services.cancel_registration(session=session, user=place.peer)
    assert (
        Registration.objects.get(session=session, user=place.facilitator).status
        == WAITLISTED
    )


def test_a_person_may_register_again_after_cancelling(place):
    session = place.session()
    services.register(session=session, user=place.educator)
    services.cancel_registration(session=session, user=place.educator)
    again = services.register(session=session, user=place.educator)
    assert again.status == REGISTERED
    assert session.registrations.count() == 2


def test_more_seats_let_waiting_people_in(place):
    session = place.session(capacity=1)
    services.register(session=session, user=place.educator)
    services.register(session=session, user=place.peer)
    services.update_session(session=session, actor=place.facilitator, capacity=2)
    assert Registration.objects.get(session=session, user=place.peer).status == (
        REGISTERED
    )


def test_cancel_session_notifies_registered_and_waiting_people(place):
    session = place.session(capacity=1)
    services.register(session=session, user=place.educator)
    services.register(session=session, user=place.peer)
    services.cancel_session(session=session, actor=place.facilitator)
    session.refresh_from_db()
    assert (session.status, session.sequence) == (SessionStatus.CANCELLED, 1)
    assert "meetings.cancelled" in _kinds(place.educator)
    assert "meetings.cancelled" in _kinds(place.peer)
    with pytest.raises(ValidationError):
        services.register(session=session, user=place.facilitator)


def test_registration_closed_for_past_session(place):
    session = place.session()
    session.starts_at = timezone.now() - timedelta(days=1)
    session.save()
    with pytest.raises(ValidationError):
        services.register(session=session, user=place.educator)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
def test_last_seats_taken_by_many_at_once_never_overbook(place):
    session = place.session(capacity=3)
    people = _members(place, 8)
    barrier = threading.Barrier(len(people))
    errors = []

    def take_seat(person):
        try:
            barrier.wait()
            services.register(session=session, user=person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=take_seat, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    statuses = list(session.registrations.values_list("status", flat=True))
    assert statuses.count(REGISTERED) == 3
    assert statuses.count(WAITLISTED) == 5
