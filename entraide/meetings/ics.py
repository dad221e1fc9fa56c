"""Sessions as iCalendar: one session's file, or a feed of many.

Each session is written in its community network's time zone, with one VTIMEZONE
per zone used. The UID never changes and SEQUENCE grows with each change, so a
calendar app updates the event it already has instead of adding another.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone, vDuration

from entraide.core.timezones import zone
from entraide.meetings.models import Session, SessionStatus

ICS_STATUS = {
    SessionStatus.CANCELLED: "CANCELLED",
    SessionStatus.CONFIRMED: "CONFIRMED",
    SessionStatus.HELD: "CONFIRMED",
}
# How often calendar apps should fetch a feed again.
REFRESH = timedelta(hours=1)


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@entraide"


def session_link(session: Session) -> str:
    return settings.SITE_URL + session.get_absolute_url()


def session_summary(session: Session) -> str:
    summary = f"{session.community.name} : {session.title}"
    if session.is_cancelled():
        return _("Annulée : %(summary)s") % {"summary": summary}
    return summary


def session_details(session: Session) -> str:
    """The event's description: theme, text, video link and the link back."""
    lines = []
    if session.theme:
        lines.append(_("Thème : %(theme)s") % {"theme": session.theme})
    if session.description:
        lines.append(session.description)
    if session.video_url:
        lines.append(_("Lien de la rencontre : %(url)s") % {"url": session.video_url})
    lines.append(_("Détails et inscription : %(url)s") % {"url": session_link(session)})
    return "\n\n".join(lines)


def session_location(session: Session) -> str:
    return session.place or session.video_url


def _event(session: Session, tz) -> Event:
    event = Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at)
    event.add("last-modified", session.updated_at)
    event.add("dtstart", session.starts_at.astimezone(tz))
    event.add("dtend", session.ends_at.astimezone(tz))
    event.add("summary", session_summary(session))
    event.add("description", session_details(session))
    location = session_location(session)
    if location:
        event.add("location", location)
    event.add("url", session_link(session))
    event.add("status", ICS_STATUS.get(session.status, "TENTATIVE"))
    return event


def build_calendar(sessions: Iterable[Session], *, name: str = "") -> Calendar:
    """A calendar of the sessions (``community__network`` selected with them).

    With a ``name``, it is a feed: calendar apps show the name and refresh it
    every hour.
    """
    sessions = list(sessions)
    calendar = Calendar()
    calendar.add("prodid", "-//Entraide//Rencontres//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH))
    zones = [zone(session.community.network.time_zone) for session in sessions]
    years: dict[str, list[int]] = {}
    for session, tz in zip(sessions, zones, strict=True):
        years.setdefault(tz.key, []).append(session.starts_at.year)
    for key, used in years.items():
        # Transitions from a year before the first session to a year after the
        # last one: enough for every event, and a small file.
        calendar.add_component(
            Timezone.from_tzinfo(
                zone(key),
                first_date=date(min(used) - 1, 1, 1),
                last_date=date(max(used) + 2, 1, 1),
            )
        )
    for session, tz in zip(sessions, zones, strict=True):
        calendar.add_component(_event(session, tz))
    return calendar


def session_calendar(session: Session) -> bytes:
    """One session's .ics file, for a download or a confirmation email."""
    return build_calendar([session]).to_ical()


def feed_calendar(sessions: Iterable[Session], *, name: str) -> bytes:
    return build_calendar(sessions, name=name).to_ical()
