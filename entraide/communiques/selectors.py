"""Reads of communiqués, consents and recipients, scoped to what a person may see."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404

from entraide.accounts.models import User
from entraide.communiques.models import (
    PURPOSE_COMMUNIQUE,
    Communique,
    CommuniqueDelivery,
    CommuniqueStatus,
    Consent,
    Suppression,
)
from entraide.communiques.permissions import can_manage_communiques
from entraide.networks.models import Membership


def archive(network) -> QuerySet[Communique]:
    """The network's sent communiqués, newest month first."""
    return (
        Communique.objects.filter(network=network, status=CommuniqueStatus.SENT)
        .select_related("network")
        .order_by("-month", "-pk")
    )


def in_progress(network) -> QuerySet[Communique]:
    """Drafts, scheduled and sending communiqués, for the project leads."""
    return (
        Communique.objects.filter(network=network)
        .exclude(status=CommuniqueStatus.SENT)
        .select_related("network")
        .order_by("-month", "-pk")
    )


def communique_for(membership: Membership, pk: int) -> Communique:
    """The network's communiqué ``pk``: sent ones for members, any for its leads."""
    communique = (
        Communique.objects.filter(network=membership.network, pk=pk)
        .select_related("network")
        .first()
    )
    if communique is None:
        raise Http404
    if not communique.is_archived() and not can_manage_communiques(membership):
        raise Http404
    return communique


def visible_items(communique: Communique):
    return communique.items.filter(removed=False).order_by("position", "pk")


def active_consent(user, network) -> Consent | None:
    if not user.is_authenticated:
        return None
    return Consent.objects.filter(
        user=user,
        network=network,
        purpose=PURPOSE_COMMUNIQUE,
        withdrawn_at__isnull=True,
    ).first()


def consenting_members(network) -> QuerySet[User]:
    """Active members of the network with an active consent, whose address was
    never refused for good."""
    consent = Consent.objects.filter(
        user=OuterRef("pk"),
        network=network,
        purpose=PURPOSE_COMMUNIQUE,
        withdrawn_at__isnull=True,
    )
    suppressed = Suppression.objects.filter(email__iexact=OuterRef("email"))
    return User.objects.filter(
        Exists(consent),
        memberships__network=network,
        is_active=True,
    ).exclude(Exists(suppressed))


def recipients(communique: Communique) -> QuerySet[User]:
    """Who the communiqué goes to: consenting members in its audience."""
    people = consenting_members(communique.network)
    if communique.audience_job_roles:
        people = people.filter(job_role__in=communique.audience_job_roles)
    subregions = [s.pk for s in communique.audience_subregions.all()]
    if subregions:
        people = people.filter(
            memberships__network=communique.network,
            memberships__subregion__in=subregions,
        )
    return people.distinct()


def delivery_counts(communique: Communique) -> dict[str, int]:
    rows = (
        CommuniqueDelivery.objects.filter(communique=communique, is_test=False)
        .values("status")
        .annotate(count=Count("pk"))
    )
    return {row["status"]: row["count"] for row in rows}


def is_suppressed(email: str) -> bool:
    return Suppression.objects.filter(Q(email__iexact=email)).exists()
