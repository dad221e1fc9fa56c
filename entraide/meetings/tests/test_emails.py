"""Session emails on a real SMTP server: confirmation with its .ics, reminders."""

from datetime import timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from entraide.communities import services as community_services
from entraide.communities.models import CommunityMembership
from entraide.meetings import services
from entraide.meetings.services.reminders import send_due_reminders
from entraide.notifications import delivery
from entraide.notifications.models import EmailDelivery


def _parts(message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    files = [
        (part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
        for part in message.iter_attachments()
    ]
    return text, html, files


@pytest.fixture
def moncton(place):
    place.educator.time_zone = "America/Moncton"
    place.educator.save(update_fields=["time_zone"])
    return place


def test_confirmation_carries_the_session_and_its_ics_in_the_persons_zone(
    moncton, smtp, django_capture_on_commit_callbacks
):
    place = moncton
    starts = timezone.now().replace(microsecond=0) + timedelta(days=9)
    session = place.session(
        title="Le jeu libre", starts_at=starts, video_url="https://visio.example/jeu"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=place.educator)
    message = smtp.to(place.educator.email)[0]
    assert "« Le jeu libre » est confirmée" in message["Subject"]
    text, html, files = _parts(message)
    assert "heure de l'Atlantique" in text
    assert "https://visio.example/jeu" in text
    assert 'href="https://visio.example/jeu"' in html
    [(name, content_type, payload)] = files
    assert (name, content_type) == (f"rencontre-{session.pk}.ics", "text/calendar")
    event = Calendar.from_ical(payload).walk("VEVENT")[0]
    assert str(event["UID"]) == f"session-{session.pk}@entraide"
    assert event.decoded("DTSTART") == starts


def test_waiting_list_email_says_so_and_has_no_calendar_file(
    place, smtp, django_capture_on_commit_callbacks
):
    session = place.session(capacity=1)
    services.register(session=session, user=place.peer)
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=place.educator)
    message = smtp.to(place.educator.email)[0]
    assert "liste d'attente" in message["Subject"]
    assert _parts(message)[2] == []


def test_english_reader_gets_english_details(
    place, smtp, django_capture_on_commit_callbacks
):
    place.educator.language = "en"
    place.educator.save(update_fields=["language"])
    session = place.session(video_url="https://visio.example/a")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(session=session, user=place.educator)
    text = _parts(smtp.to(place.educator.email)[0])[0]
    assert "Meeting link:" in text
    assert "When:" in text


def test_reminder_email_has_the_video_link(
    place, smtp, django_capture_on_commit_callbacks
):
    session = place.session(
        starts_at=timezone.now() + timedelta(minutes=50),
        video_url="https://visio.example/rappel",
    )
    registration = services.register(session=session, user=place.educator)
    registration.created_at = timezone.now() - timedelta(days=3)
    registration.save(update_fields=["created_at"])
    smtp.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders() == 1
    message = smtp.to(place.educator.email)[0]
    assert "rappel" in message["Subject"]
    assert "https://visio.example/rappel" in _parts(message)[0]


def test_no_session_details_for_someone_who_left_the_community(
    place, smtp, django_capture_on_commit_callbacks
):
    """The email is built later than the notification: it checks again."""
    session = place.session(video_url="https://visio.example/secret")
    services.register(session=session, user=place.educator)
    community_services.leave_community(
        membership=CommunityMembership.objects.get(user=place.educator)
    )
    row = EmailDelivery.objects.get(notification__recipient=place.educator)
    assert delivery.send(row.pk) == "sent"
    text, html, files = _parts(smtp.to(place.educator.email)[0])
    assert "visio.example/secret" not in text + html
    assert files == []
