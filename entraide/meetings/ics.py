"""One session as an iCalendar file, in its community network's time zone."""

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from entraide.core.timezones import zone
from entraide.meetings.models import Session, SessionStatus

ICS_STATUS = {
    SessionStatus.CANCELLED: "CANCELLED",
    SessionStatus.CONFIRMED: "CONFIRMED",
    SessionStatus.HELD: "CONFIRMED",
}


def session_calendar(session: Session) -> bytes:
    network = session.community.network
    tz = zone(network.time_zone)
    calendar = Calendar()
    calendar.add("prodid", "-//Entraide//Rencontres//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add_component(Timezone.from_tzinfo(tz))
    link = settings.SITE_URL + session.get_absolute_url()
    lines = []
    if session.theme:
        lines.append(_("Thème : %(theme)s") % {"theme": session.theme})
    if session.description:
        lines.append(session.description)
    if session.video_url:
        lines.append(_("Lien de la rencontre : %(url)s") % {"url": session.video_url})
    lines.append(_("Détails et inscription : %(url)s") % {"url": link})
    event = Event()
    event.add("uid", f"session-{session.pk}@entraide")
    event.add("sequence", session.sequence)
    event.add("dtstamp", session.updated_at)
    event.add("dtstart", session.starts_at.astimezone(tz))
    event.add("dtend", session.ends_at.astimezone(tz))
    event.add("summary", f"{session.community.name} : {session.title}")
    event.add("description", "\n\n".join(lines))
    location = session.place or session.video_url
    if location:
        event.add("location", location)
    event.add("url", link)
    event.add("status", ICS_STATUS.get(session.status, "TENTATIVE"))
    calendar.add_component(event)
    return calendar.to_ical()
