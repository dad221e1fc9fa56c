"""Calendar feeds: what a secret address carries, to whom, and when it stops."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from entraide.communities import services as community_services
from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_network
from entraide.meetings import services
from entraide.meetings.models import CalendarFeed, Registration, Session
from entraide.meetings.services import calendars
from entraide.networks.models import Membership, Network

pytestmark = pytest.mark.django_db


def _get(client, feed):
    return client.get(reverse("meetings:feed", kwargs={"token": feed.token}))


def _calendar(client, feed) -> Calendar:
    response = _get(client, feed)
    assert response.status_code == 200
    return Calendar.from_ical(response.content)


def _uids(client, feed) -> set[str]:
    return {str(e["UID"]) for e in _calendar(client, feed).walk("VEVENT")}


def _uid(session) -> str:
    return f"session-{session.pk}@entraide"


def _move(session, delta):
    Session.objects.filter(pk=session.pk).update(starts_at=timezone.now() + delta)


def test_community_feed_is_valid_icalendar_with_zone_name_and_refresh(client, place):
    session = place.session(video_url="https://video.example/salle")
    feed = calendars.get_or_create_feed(user=place.educator, community=place.community)
    response = _get(client, feed)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"]
    assert not response.cookies
    assert "Set-Cookie" not in response
    calendar = Calendar.from_ical(response.content)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    assert str(calendar["X-WR-CALNAME"]) == "Entraide — Pédagogie"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == _uid(session)
    assert "https://video.example/salle" in str(event["DESCRIPTION"])
    assert session.get_absolute_url() in str(event["URL"])


def test_feed_uid_stays_sequence_grows_and_cancellation_is_marked(client, place):
    session = place.session()
    feed = calendars.get_or_create_feed(user=place.educator, community=place.community)
    (before,) = _calendar(client, feed).walk("VEVENT")
    services.update_session(session=session, actor=place.facilitator, title="Autre")
    (edited,) = _calendar(client, feed).walk("VEVENT")
    services.cancel_session(session=session, actor=place.facilitator)
    (cancelled,) = _calendar(client, feed).walk("VEVENT")
    assert str(before["UID"]) == str(edited["UID"]) == str(cancelled["UID"])
    assert before["SEQUENCE"] < edited["SEQUENCE"] < cancelled["SEQUENCE"]
    assert "Autre" in str(edited["SUMMARY"])
    assert str(before["STATUS"]) != "CANCELLED"
    assert str(cancelled["STATUS"]) == "CANCELLED"


def test_revoked_feed_is_not_found_at_once_and_a_new_one_has_a_new_address(
    client, place
):
    place.session()
    feed = calendars.get_or_create_feed(user=place.educator)
    assert _get(client, feed).status_code == 200
    calendars.revoke_feed(feed=feed, actor=place.educator)
    assert _get(client, feed).status_code == 404
    again = calendars.get_or_create_feed(user=place.educator)
    assert again.token != feed.token
    assert _get(client, again).status_code == 200
    assert _get(client, feed).status_code == 404


def test_unknown_or_odd_token_is_not_found(client, place):
    for token in ("inconnu", "x" * 300, "%00"):
        url = reverse("meetings:feed", kwargs={"token": token})
        assert client.get(url).status_code == 404


def test_only_the_owner_revokes_a_feed(place):
    feed = calendars.get_or_create_feed(user=place.educator)
    with pytest.raises(Exception):  # noqa: B017, PT011
        calendars.revoke_feed(feed=feed, actor=place.peer)
    feed.refresh_from_db()
    assert feed.revoked_at is None


def test_get_or_create_returns_the_active_feed(place):
    first = calendars.get_or_create_feed(user=place.educator)
    assert calendars.get_or_create_feed(user=place.educator) == first
    community = calendars.get_or_create_feed(
        user=place.educator, community=place.community
    )
    assert community != first
    assert len(first.token) >= 40
    assert CalendarFeed.objects.filter(user=place.educator).count() == 2


def test_feed_of_an_inactive_person_is_not_found(client, place):
    feed = calendars.get_or_create_feed(user=place.educator)
    place.educator.is_active = False
    place.educator.save()
    assert _get(client, feed).status_code == 404


def test_removed_member_loses_the_community_feed_and_its_sessions(client, place):
    session = place.session()
    services.register(session=session, user=place.educator)
    community_feed = calendars.get_or_create_feed(
        user=place.educator, community=place.community
    )
    personal_feed = calendars.get_or_create_feed(user=place.educator)
    assert _uid(session) in _uids(client, personal_feed)
    assert _uid(session) in _uids(client, community_feed)
    membership = CommunityMembership.objects.get(
        community=place.community, user=place.educator
    )
    community_services.remove_member(membership=membership, actor=place.facilitator)
    assert _get(client, community_feed).status_code == 404
    assert _uid(session) not in _uids(client, personal_feed)


def test_personal_feed_has_my_registrations_waitlist_and_co_facilitation_only(
    client, place
):
    mine = place.session(title="Inscrite")
    waiting = place.session(title="En attente", capacity=1)
    co_facilitated = place.session(title="Coanimée")
    someone_else = place.session(title="Celle d'Élise")
    unregistered = place.session(title="Désinscrite")
    services.register(session=mine, user=place.educator)
    services.register(session=waiting, user=place.peer)
    services.register(session=waiting, user=place.educator)
    services.update_session(
        session=co_facilitated,
        actor=place.facilitator,
        co_facilitators=[place.educator],
    )
    services.register(session=someone_else, user=place.peer)
    services.register(session=unregistered, user=place.educator)
    services.cancel_registration(session=unregistered, user=place.educator)
    feed = calendars.get_or_create_feed(user=place.educator)
    assert _uids(client, feed) == {_uid(mine), _uid(waiting), _uid(co_facilitated)}
    calendar = _calendar(client, feed)
    assert str(calendar["X-WR-CALNAME"]) == "Entraide — Mes rencontres"


def test_a_members_only_session_never_reaches_a_non_member(client, place):
    session = place.session()
    # A registration row left over from some other path: still no access.
    Registration.objects.create(
        session=session, user=place.outsider, status="registered"
    )
    personal = calendars.get_or_create_feed(user=place.outsider)
    assert _uids(client, personal) == set()
    community_feed = calendars.get_or_create_feed(
        user=place.outsider, community=place.community
    )
    assert _get(client, community_feed).status_code == 404
    manager_feed = calendars.get_or_create_feed(
        user=place.manager, community=place.community
    )
    assert _get(client, manager_feed).status_code == 404


def test_a_network_b_person_never_sees_network_a_sessions(client, place):
    session = place.session()
    Registration.objects.create(
        session=session, user=place.foreign_admin, status="registered"
    )
    own = Community.objects.create(
        network=Network.objects.get(slug="autre"), slug="b", name="B"
    )
    CommunityMembership.objects.create(community=own, user=place.foreign_admin)
    theirs = Session.objects.create(
        community=own, title="Chez B", starts_at=timezone.now() + timedelta(days=3)
    )
    Registration.objects.create(
        session=theirs, user=place.foreign_admin, status="registered"
    )
    personal = calendars.get_or_create_feed(user=place.foreign_admin)
    assert _uids(client, personal) == {_uid(theirs)}
    community_feed = calendars.get_or_create_feed(
        user=place.foreign_admin, community=place.community
    )
    assert _get(client, community_feed).status_code == 404


def test_moncton_network_feed_has_the_moncton_zone(client, place):
    place.network.time_zone = "America/Moncton"
    place.network.save()
    session = place.session()
    feed = calendars.get_or_create_feed(user=place.educator, community=place.community)
    calendar = _calendar(client, feed)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Moncton"]
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "America/Moncton"
    assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)


def test_personal_feed_across_networks_has_each_zone_once(client, place):
    west = make_network("ouest", "Réseau Ouest")
    west.time_zone = "America/Vancouver"
    west.save()
    Membership.objects.create(network=west, user=place.educator)
    community = Community.objects.create(network=west, slug="jeu", name="Jeu")
    CommunityMembership.objects.create(community=community, user=place.educator)
    there = services.create_session(
        community=community,
        actor=place.educator,
        title="À Vancouver",
        starts_at=timezone.now() + timedelta(days=5),
    )
    services.register(session=there, user=place.educator)
    for _n in range(2):
        services.register(session=place.session(), user=place.educator)
    calendar = _calendar(client, calendars.get_or_create_feed(user=place.educator))
    zones = sorted(str(z["TZID"]) for z in calendar.walk("VTIMEZONE"))
    assert zones == ["America/Toronto", "America/Vancouver"]
    assert len(calendar.walk("VEVENT")) == 3


def test_feed_window_runs_from_ninety_days_ago_to_four_hundred_ahead(client, place):
    old = place.session(title="Vieille")
    recent = place.session(title="Récente")
    later = place.session(title="Plus tard")
    too_far = place.session(title="Trop loin")
    _move(old, -timedelta(days=100))
    _move(recent, -timedelta(days=80))
    _move(later, timedelta(days=390))
    _move(too_far, timedelta(days=410))
    feed = calendars.get_or_create_feed(user=place.educator, community=place.community)
    assert _uids(client, feed) == {_uid(recent), _uid(later)}


def test_feed_is_in_the_owner_language(client, place):
    place.educator.language = "en"
    place.educator.save()
    services.register(session=place.session(), user=place.educator)
    feed = calendars.get_or_create_feed(user=place.educator)
    calendar = _calendar(client, feed)
    assert str(calendar["X-WR-CALNAME"]) == "Entraide — My sessions"
    (event,) = calendar.walk("VEVENT")
    assert "Details and registration" in str(event["DESCRIPTION"])


def _queries(client, feed) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert _get(client, feed).status_code == 200
    return len(queries)


def _season(place, count, user):
    for number in range(count):
        session = place.session(
            title=f"Rencontre {number}",
            starts_at=timezone.now() + timedelta(days=1 + number),
        )
        services.register(session=session, user=user)
        services.update_session(
            session=session, actor=place.facilitator, co_facilitators=[place.peer]
        )


@pytest.mark.parametrize("personal", [True, False])
def test_feed_queries_do_not_grow_with_sessions(client, place, personal):
    community = None if personal else place.community
    feed = calendars.get_or_create_feed(user=place.educator, community=community)
    _season(place, 3, place.educator)
    small = _queries(client, feed)
    _season(place, 30, place.educator)
    assert _queries(client, feed) == small
    assert len(_uids(client, feed)) == 33
