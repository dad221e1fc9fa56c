"""The communiqué's email: one outbox of the notifications' exactly-once protocol.

Consent and the suppression list are read again when each email is built: someone
who unsubscribed after the rows were written gets nothing.
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import formats, timezone, translation

from entraide.communiques import selectors
from entraide.communiques.models import CommuniqueDelivery
from entraide.communiques.services.consent import unsubscribe_token
from entraide.core.markdown import render_markdown
from entraide.core.timezones import zone
from entraide.notifications.delivery import (
    NothingToSend,
    Outbox,
    footer_context,
    header_text,
    language_of,
    message_headers,
)

COMMUNIQUES = Outbox(
    model=CommuniqueDelivery,
    related=("recipient", "communique__network"),
    builder="entraide.communiques.delivery.build_message",
    task_path="entraide.communiques.tasks.send_communique_email",
    on_refused="entraide.communiques.services.sending.suppress",
)


def unsubscribe_urls(user, network) -> tuple[str, str]:
    """The one-click link (RFC 8058) and the mailto alternative."""
    token = unsubscribe_token(user=user, network=network)
    url = settings.SITE_URL + reverse("communiques:unsubscribe", args=[token])
    contact = network.contact_email or settings.PRIVACY_OFFICER_EMAIL
    return url, f"mailto:{contact}?subject=unsubscribe-{network.slug}"


def message_context(communique, recipient) -> dict:
    """What the email and the preview pages show, in the current language."""
    network = communique.network
    items = list(selectors.visible_items(communique))
    for item in items:
        if item.url and item.url.startswith("/"):
            item.absolute_url = settings.SITE_URL + item.url
        else:
            item.absolute_url = ""
    unsubscribe_url, _mailto = unsubscribe_urls(recipient, network)
    return {
        "communique": communique,
        "network": network,
        "recipient": recipient,
        "month": formats.date_format(communique.month, "YEAR_MONTH_FORMAT"),
        "intro_html": render_markdown(communique.intro),
        "items": items,
        "archive_url": settings.SITE_URL + communique.get_absolute_url(),
        "unsubscribe_url": unsubscribe_url,
        "contact_email": network.contact_email or settings.PRIVACY_OFFICER_EMAIL,
    }


def render_parts(communique, recipient) -> tuple[str, str, str]:
    """Subject, text and HTML in the recipient's language and time zone."""
    from django.template.loader import render_to_string

    language, html_lang = language_of(recipient)
    with translation.override(language), timezone.override(zone(recipient.time_zone)):
        context = {
            **footer_context(html_lang),
            **message_context(communique, recipient),
        }
        text = render_to_string("communiques/email/communique.txt", context)
        html = render_to_string("communiques/email/communique.html", context)
    return header_text(communique.subject), text, html


def build_message(row) -> EmailMultiAlternatives:
    communique = row.communique
    recipient = row.recipient
    if not row.is_test and (
        selectors.active_consent(recipient, communique.network) is None
        or selectors.is_suppressed(row.to_email)
    ):
        raise NothingToSend
    subject, text, html = render_parts(communique, recipient)
    _language, html_lang = language_of(recipient)
    unsubscribe_url, mailto = unsubscribe_urls(recipient, communique.network)
    headers = message_headers(row, html_lang)
    headers["List-Unsubscribe"] = f"<{unsubscribe_url}>, <{mailto}>"
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    headers["List-Id"] = f"<communique.{communique.network.slug}.{_list_domain()}>"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to_email],
        headers=headers,
    )
    message.attach_alternative(html, "text/html")
    return message


def _list_domain() -> str:
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "entraide"
