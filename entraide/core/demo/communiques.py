"""Demo communiqués: members' consents, last month's communiqué sent and archived
(its deliveries recorded as sent: loading sends no email), this month's draft."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from entraide.communiques.models import (
    PURPOSE_COMMUNIQUE,
    Communique,
    CommuniqueDelivery,
    CommuniqueStatus,
    Consent,
)
from entraide.communiques.selectors import recipients
from entraide.communiques.services import assembly, consent, editing
from entraide.core.timezones import zone
from entraide.networks.models import Network
from entraide.notifications.models import DeliveryStatus

CONSENTING_SHARE = 0.9
LAST_INTRO = (
    "Bonjour à toutes et à tous! Voici ce qui s'est passé dans le réseau ce mois-ci "
    "et les rencontres à venir."
)


def _consents(network) -> None:
    members = list(
        network.memberships.filter(user__is_active=True)
        .order_by("user_id")
        .values_list("user_id", "user__language", "joined_at")
    )
    wanted = members[: int(len(members) * CONSENTING_SHARE)]
    have = set(
        Consent.objects.filter(network=network, purpose=PURPOSE_COMMUNIQUE).values_list(
            "user_id", flat=True
        )
    )
    Consent.objects.bulk_create(
        Consent(
            user_id=user_id,
            network=network,
            purpose=PURPOSE_COMMUNIQUE,
            wording_version=consent.WORDING_VERSION,
            wording=consent.wording(network),
            language=language or "fr-ca",
            given_at=joined_at,
        )
        for user_id, language, joined_at in wanted
        if user_id not in have
    )


def _last_month(network, lead) -> Communique:
    current = assembly.current_month(network)
    last = assembly.month_start(current - datetime.timedelta(days=1))
    communique = assembly.assemble(network=network, month=last, actor=lead)
    if communique.status == CommuniqueStatus.SENT:
        return communique
    communique.intro = LAST_INTRO
    communique.save(update_fields=["intro"])
    if not communique.items.exists():
        editing.add_text_item(
            communique=communique,
            title="Merci aux communautés",
            text="Plus de 30 rencontres ont eu lieu cet automne.",
        )
    sent_at = timezone.make_aware(
        datetime.datetime.combine(current, datetime.time(9)),
        zone(network.time_zone),
    )
    people = list(recipients(communique).order_by("pk").values_list("pk", "email"))
    CommuniqueDelivery.objects.bulk_create(
        CommuniqueDelivery(
            communique=communique,
            recipient_id=pk,
            to_email=email,
            message_id=uuid.uuid5(
                uuid.NAMESPACE_URL, f"communique-{communique.pk}-{pk}"
            ),
            status=DeliveryStatus.SENT,
            attempts=1,
            sent_at=sent_at,
        )
        for pk, email in people
    )
    communique.status = CommuniqueStatus.SENT
    communique.sending_started_at = sent_at
    communique.sent_at = sent_at
    communique.sent_by = lead
    communique.save()
    return communique


def load_demo_communiques(network_slugs) -> int:
    """Load once; returns how many communiqués the demo networks hold."""
    count = 0
    for network in Network.objects.filter(slug__in=network_slugs).order_by("pk"):
        lead_membership = (
            network.memberships.filter(role__in=["project_lead", "admin"])
            .order_by("role", "pk")
            .select_related("user")
            .first()
        )
        lead = lead_membership.user if lead_membership else None
        with transaction.atomic():
            _consents(network)
            _last_month(network, lead)
            assembly.assemble(
                network=network, month=assembly.current_month(network), actor=lead
            )
        count += network.communiques.count()
    return count
