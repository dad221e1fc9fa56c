"""What session emails carry beyond their title: when, how long, where, the link.

Called by the notifications delivery when the email is built, in the recipient's
language and time zone. Nothing is added for someone who has left the community.
"""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from entraide.communities.models import CommunityMembership
from entraide.meetings.ics import session_calendar
from entraide.meetings.models import Session
from entraide.meetings.templatetags.meetings import session_time
from entraide.notifications.kinds import Detail, EmailExtras


def _session(notification) -> Session | None:
    pk = notification.context.get("session_id")
    if not isinstance(pk, int):
        return None
    session = Session.objects.select_related("community__network").filter(pk=pk).first()
    if session is None:
        return None
    still_member = CommunityMembership.objects.filter(
        community=session.community_id, user=notification.recipient_id
    ).exists()
    return session if still_member else None


def session_details(session: Session) -> tuple[Detail, ...]:
    minutes = session.duration_minutes
    lines = [
        Detail(_("Quand :"), session_time(session.starts_at)),
        Detail(
            _("Durée :"),
            ngettext("%(count)s minute", "%(count)s minutes", minutes)
            % {"count": minutes},
        ),
        Detail(_("Format :"), session.get_format_display()),
    ]
    if session.video_url and not session.is_cancelled():
        lines.append(
            Detail(_("Lien de la rencontre :"), session.video_url, session.video_url)
        )
    if session.place:
        lines.append(Detail(_("Lieu :"), session.place))
    return tuple(lines)


def details(notification) -> EmailExtras | None:
    session = _session(notification)
    if session is None:
        return None
    return EmailExtras(details=session_details(session))


def with_calendar(notification) -> EmailExtras | None:
    """The details, and the session's .ics so it lands in the person's calendar."""
    session = _session(notification)
    if session is None:
        return None
    return EmailExtras(
        details=session_details(session),
        attachments=(
            (f"rencontre-{session.pk}.ics", session_calendar(session), "text/calendar"),
        ),
    )
