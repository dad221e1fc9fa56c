from django.urls import reverse
from icalendar import Calendar

from entraide.meetings import services


def _ics(client, place, session):
    client.force_login(place.educator)
    response = client.get(reverse("meetings:ics", kwargs=place.kwargs(pk=session.pk)))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment;")
    calendar = Calendar.from_ical(response.content)
    return calendar, next(iter(calendar.walk("VEVENT")))


def test_ics_has_the_network_zone_uid_links_and_times(client, place, settings):
    settings.SITE_URL = "https://entraide.example"
    place.network.time_zone = "America/Moncton"
    place.network.save()
    session = place.session(
        video_url="https://video.example/salle", place="CPE Les Lucioles"
    )
    calendar, event = _ics(client, place, session)
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["America/Moncton"]
    assert str(event["UID"]) == f"session-{session.pk}@entraide"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART") == session.starts_at.replace(microsecond=0)
    assert event.decoded("DTEND") == session.ends_at.replace(microsecond=0)
    assert event["DTSTART"].params["TZID"] == "America/Moncton"
    assert "https://video.example/salle" in str(event["DESCRIPTION"])
    link = f"https://entraide.example{session.get_absolute_url()}"
    assert link in str(event["DESCRIPTION"])
    assert str(event["URL"]) == link
    assert str(event["LOCATION"]) == "CPE Les Lucioles"
    assert "Les routines du matin" in str(event["SUMMARY"])


def test_ics_uid_stays_and_sequence_grows_on_change_and_cancellation(client, place):
    session = place.session()
    _calendar, before = _ics(client, place, session)
    services.update_session(session=session, actor=place.facilitator, title="Autre")
    _calendar, edited = _ics(client, place, session)
    services.cancel_session(session=session, actor=place.facilitator)
    _calendar, cancelled = _ics(client, place, session)
    assert str(before["UID"]) == str(edited["UID"]) == str(cancelled["UID"])
    assert before["SEQUENCE"] < edited["SEQUENCE"] < cancelled["SEQUENCE"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert str(before["STATUS"]) != "CANCELLED"


def test_ics_of_another_community_is_not_found(client, place):
    session = place.session()
    client.force_login(place.outsider)
    response = client.get(reverse("meetings:ics", kwargs=place.kwargs(pk=session.pk)))
    assert response.status_code == 404


def test_ics_of_a_cancelled_session_says_so_in_its_title(client, place):
    session = place.session()
    services.cancel_session(session=session, actor=place.facilitator)
    _calendar, event = _ics(client, place, session)
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("Annulée")


def test_build_calendar_has_one_zone_per_network_zone_and_every_event(place):
    from entraide.communities.models import Community
    from entraide.core.testing import make_network
    from entraide.meetings.ics import build_calendar
    from entraide.meetings.models import Session

    place.network.time_zone = "America/Moncton"
    place.network.save()
    west = make_network("ouest", "Réseau Ouest")
    west.time_zone = "America/Vancouver"
    west.save()
    other = Community.objects.create(network=west, slug="jeu", name="Jeu")
    first = place.session()
    second = place.session(title="Deuxième")
    third = Session.objects.create(
        community=other, title="Ailleurs", starts_at=first.starts_at
    )
    sessions = Session.objects.select_related("community__network").order_by("pk")
    calendar = build_calendar(sessions, name="Entraide — Mes rencontres")
    zones = sorted(str(z["TZID"]) for z in calendar.walk("VTIMEZONE"))
    assert zones == ["America/Moncton", "America/Vancouver"]
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {f"session-{s.pk}@entraide" for s in (first, second, third)}
    assert events[f"session-{third.pk}@entraide"]["DTSTART"].params["TZID"] == (
        "America/Vancouver"
    )
    assert str(calendar["X-WR-CALNAME"]) == "Entraide — Mes rencontres"
    parsed = Calendar.from_ical(calendar.to_ical())
    assert parsed["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert parsed["X-PUBLISHED-TTL"].to_ical() == b"PT1H"


def test_single_session_file_has_no_feed_name(place):
    from entraide.meetings.ics import session_calendar

    calendar = Calendar.from_ical(session_calendar(place.session()))
    assert "X-WR-CALNAME" not in calendar
    assert len(calendar.walk("VTIMEZONE")) == 1
