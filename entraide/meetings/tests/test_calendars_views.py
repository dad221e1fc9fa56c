"""The "my calendars" page, its buttons, and "add to calendar" on a session."""

from datetime import UTC
from urllib.parse import parse_qs, urlparse

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.meetings import services
from entraide.meetings.models import CalendarFeed
from entraide.meetings.services import calendars
from entraide.meetings.views.calendars import feed_url

pytestmark = pytest.mark.django_db

PAGE = reverse("meetings:calendars")
CREATE = reverse("meetings:feed_create")


def _revoke_url(feed):
    return reverse("meetings:feed_revoke", kwargs={"pk": feed.pk})


def test_page_offers_a_personal_feed_and_one_per_community(client, place):
    client.force_login(place.educator)
    response = client.get(PAGE)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mes calendriers" in content
    assert "Pédagogie" in content
    assert content.count("Créer une adresse d'abonnement") == 2


def test_person_creates_their_feed_and_sees_its_address(client, place, settings):
    settings.SITE_URL = "https://entraide.example"
    client.force_login(place.educator)
    response = client.post(CREATE, follow=True)
    feed = CalendarFeed.objects.get(user=place.educator)
    assert feed.community is None
    content = response.content.decode()
    assert "Votre adresse d&#x27;abonnement est prête." in content
    url = feed_url(feed)
    assert url.startswith("https://entraide.example/r/mes-rencontres/")
    assert f'value="{url}" readonly' in content
    assert f'href="webcal://{url.removeprefix("https://")}"' in content
    assert client.get(url.removeprefix("https://entraide.example")).status_code == 200


def test_creating_twice_keeps_one_address(client, place):
    client.force_login(place.educator)
    client.post(CREATE, {"community": place.community.pk})
    client.post(CREATE, {"community": place.community.pk})
    assert CalendarFeed.objects.filter(user=place.educator).count() == 1


def test_community_feed_for_a_community_one_is_not_in_is_refused(client, place):
    client.force_login(place.outsider)
    response = client.post(CREATE, {"community": place.community.pk}, follow=True)
    assert "Choisissez une communauté dont vous êtes membre." in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert not CalendarFeed.objects.exists()


def test_revoking_stops_the_address_and_a_new_one_can_be_made(client, place):
    feed = calendars.get_or_create_feed(user=place.educator)
    client.force_login(place.educator)
    response = client.post(_revoke_url(feed), follow=True)
    assert "L&#x27;adresse est révoquée" in response.content.decode()
    feed.refresh_from_db()
    assert feed.revoked_at is not None
    anonymous = Client()
    token_url = reverse("meetings:feed", kwargs={"token": feed.token})
    assert anonymous.get(token_url).status_code == 404
    client.post(CREATE)
    fresh = CalendarFeed.objects.get(user=place.educator, revoked_at__isnull=True)
    assert fresh.token != feed.token


def test_nobody_revokes_another_persons_feed(client, place):
    feed = calendars.get_or_create_feed(user=place.educator)
    client.force_login(place.peer)
    assert client.post(_revoke_url(feed)).status_code == 404
    feed.refresh_from_db()
    assert feed.revoked_at is None


def test_feed_buttons_are_post_only(client, place):
    feed = calendars.get_or_create_feed(user=place.educator)
    client.force_login(place.educator)
    assert client.get(CREATE).status_code == 405
    assert client.get(_revoke_url(feed)).status_code == 405
    assert not CalendarFeed.objects.exclude(pk=feed.pk).exists()


def test_feed_answers_get_and_head_only(place):
    feed = calendars.get_or_create_feed(user=place.educator)
    url = reverse("meetings:feed", kwargs={"token": feed.token})
    anonymous = Client(enforce_csrf_checks=True)
    assert anonymous.head(url).status_code == 200
    assert anonymous.post(url).status_code in (403, 405)


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("educator", 200),
        ("facilitator", 200),
        ("outsider", 404),
        ("manager", 404),
        ("foreign_admin", 404),
    ],
)
def test_who_a_community_feed_serves(client, place, person, status):
    """A feed serves its owner's community only while they may see its sessions."""
    place.session()
    feed = calendars.get_or_create_feed(
        user=getattr(place, person), community=place.community
    )
    url = reverse("meetings:feed", kwargs={"token": feed.token})
    assert client.get(url).status_code == status


def _detail(client, place, session):
    client.force_login(place.educator)
    url = reverse("meetings:detail", kwargs=place.kwargs(pk=session.pk))
    return client.get(url)


def test_session_page_offers_ics_google_and_outlook(client, place, settings):
    settings.SITE_URL = "https://entraide.example"
    session = place.session(
        video_url="https://video.example/salle",
        place="CPE Les Lucioles",
        description="=" * 5000,
    )
    response = _detail(client, place, session)
    assert response.status_code == 200
    links = response.context["add_event_links"]
    google = urlparse(links["google"])
    assert google.netloc == "calendar.google.com"
    query = parse_qs(google.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Pédagogie : Les routines du matin"]
    utc = "%Y%m%dT%H%M%SZ"
    assert query["dates"] == [
        f"{session.starts_at.astimezone(UTC).strftime(utc)}/"
        f"{session.ends_at.astimezone(UTC).strftime(utc)}"
    ]
    assert query["location"] == ["CPE Les Lucioles"]
    details = query["details"][0]
    assert "https://video.example/salle" in details
    assert f"https://entraide.example{session.get_absolute_url()}" in details
    assert len(details) <= 500
    outlook = urlparse(links["outlook"])
    assert outlook.netloc == "outlook.live.com"
    oquery = parse_qs(outlook.query)
    assert oquery["subject"] == ["Pédagogie : Les routines du matin"]
    assert oquery["startdt"][0].endswith("Z")
    content = response.content.decode()
    assert "Google Agenda" in content and "Outlook.com" in content
    assert reverse("meetings:ics", kwargs=place.kwargs(pk=session.pk)) in content


def test_cancelled_session_keeps_only_the_file(client, place):
    session = place.session()
    services.cancel_session(session=session, actor=place.facilitator)
    response = _detail(client, place, session)
    content = response.content.decode()
    assert "Google Agenda" not in content
    assert reverse("meetings:ics", kwargs=place.kwargs(pk=session.pk)) in content


def test_session_list_links_to_calendars_once(client, place):
    client.force_login(place.educator)
    response = client.get(reverse("meetings:list", kwargs=place.kwargs()))
    content = response.content.decode()
    assert content.count('id="calendar-section-title"') == 1
    assert f"{PAGE}#calendrier-{place.community.pk}" in content


ODD = st.one_of(
    st.text(max_size=200),
    st.text(alphabet="\x00\u202e\u200b0123456789-=+@ ", max_size=30),
    st.integers(-(10**20), 10**20).map(str),
    st.just("x" * 10_000),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(community=ODD)
def test_feed_form_never_fails(place, community):
    client = Client()
    client.force_login(place.outsider)
    response = client.post(CREATE, {"community": community})
    assert response.status_code == 302
    assert not CalendarFeed.objects.filter(community__isnull=False).exists()


def _page_queries(client) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(PAGE).status_code == 200
    return len(queries)


def _join(place, count, start):
    from entraide.communities.models import Community, CommunityMembership

    for number in range(start, start + count):
        community = Community.objects.create(
            network=place.network, slug=f"c{number}", name=f"Communauté {number}"
        )
        CommunityMembership.objects.create(community=community, user=place.educator)
        calendars.get_or_create_feed(user=place.educator, community=community)


def test_calendars_page_queries_do_not_grow_with_communities(client, place):
    client.force_login(place.educator)
    calendars.get_or_create_feed(user=place.educator)
    _join(place, 2, 0)
    small = _page_queries(client)
    _join(place, 20, 2)
    assert _page_queries(client) == small
