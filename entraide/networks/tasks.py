"""Background sending of invitation emails."""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from entraide.core.timezones import zone
from entraide.networks.models import Invitation

logger = logging.getLogger(__name__)


def _claim(invitation_id: int) -> tuple[Invitation | None, object]:
    """Mark the requested email as being sent, in its own short transaction.

    A second task for the same request (a retry, a double resend) finds it claimed
    and does nothing; the SMTP conversation happens outside any lock.
    """
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update(of=("self",))
            .select_related("network", "invited_by", "organisation")
            .filter(pk=invitation_id)
            .first()
        )
        if invitation is None or not invitation.is_usable():
            return None, None
        requested = invitation.email_requested_at
        sent = invitation.email_sent_at
        if requested is None or (sent is not None and sent >= requested):
            return None, None
        invitation.email_sent_at = timezone.now()
        invitation.save(update_fields=["email_sent_at"])
    return invitation, sent


def build_message(invitation: Invitation) -> EmailMultiAlternatives:
    network = invitation.network
    with (
        translation.override(network.language),
        timezone.override(zone(network.time_zone)),
    ):
        context = {
            "invitation": invitation,
            "network": network,
            "inviter": invitation.invited_by,
            "role": invitation.get_role_display(),
            "url": settings.SITE_URL + invitation.get_accept_url(),
            "expires_at": invitation.expires_at,
            "contact_email": network.contact_email or settings.PRIVACY_OFFICER_EMAIL,
        }
        subject = _("Invitation à rejoindre %(network)s sur Entraide") % {
            "network": network.name
        }
        text = render_to_string("networks/email/invitation.txt", context)
        html = render_to_string("networks/email/invitation.html", context)
    subject = " ".join(f"[Entraide] {subject}".split())[:200]
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[invitation.email],
    )
    message.attach_alternative(html, "text/html")
    return message


@task()
def send_invitation_email(invitation_id: int) -> str:
    invitation, previous_sent_at = _claim(invitation_id)
    if invitation is None:
        return "skipped"
    try:
        build_message(invitation).send()
    except Exception:
        # Give the claim back: the pending list shows the email as not sent and
        # the manager can send it again.
        Invitation.objects.filter(pk=invitation.pk).update(
            email_sent_at=previous_sent_at
        )
        logger.warning("Invitation email %s could not be sent", invitation.pk)
        raise
    return "sent"
