"""Reads of networks, scoped to what a person may see. Tenant isolation starts here."""

from datetime import timedelta

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Length
from django.http import Http404
from django.utils import timezone

from entraide.networks.models import (
    Invitation,
    Membership,
    Network,
    Organisation,
    PendingImport,
    Region,
    SubRegion,
    hash_token,
)

PENDING_IMPORT_LIFETIME = timedelta(hours=2)


def memberships_of(user) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user).select_related(
        "network", "organisation", "subregion"
    )


def networks_of(user) -> QuerySet[Network]:
    if not user.is_authenticated:
        return Network.objects.none()
    return Network.objects.filter(memberships__user=user)


def membership_in(user, network: Network) -> Membership | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, network=network)
        .select_related("organisation", "subregion")
        .first()
    )


def network_for(user, slug: str) -> tuple[Network, Membership]:
    """The network ``slug`` and the person's membership in it, or 404.

    Missing and not-yours get the same answer.
    """
    membership = (
        Membership.objects.filter(user=user, network__slug=slug)
        .select_related("network", "organisation", "subregion")
        .first()
        if user.is_authenticated
        else None
    )
    if membership is None:
        raise Http404
    return membership.network, membership


def regions_with_usage(network: Network) -> QuerySet[Region]:
    """Regions and their sub-regions, each with how many organisations and people
    use it (a sub-region in use cannot be deleted)."""
    subregions = SubRegion.objects.annotate(
        organisation_count=_count(Organisation, "subregion"),
        member_count=_count(Membership, "subregion"),
    )
    return network.regions.prefetch_related(Prefetch("subregions", queryset=subregions))


def _count(model, field: str):
    rows = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def organisations_in(
    network: Network,
    *,
    search: str = "",
    kind: str = "",
    subregion: SubRegion | None = None,
) -> QuerySet[Organisation]:
    organisations = (
        network.organisations.select_related("subregion")
        .annotate(member_count=_count(Membership, "organisation"))
        .order_by("name", "pk")
    )
    for term in search.split():
        organisations = organisations.filter(name__icontains=term)
    if kind:
        organisations = organisations.filter(kind=kind)
    if subregion is not None:
        organisations = organisations.filter(subregion=subregion)
    return organisations


def people_in(
    network: Network,
    *,
    search: str = "",
    role: str = "",
    subregion: SubRegion | None = None,
    organisation: Organisation | None = None,
) -> QuerySet[Membership]:
    people = network.memberships.select_related(
        "user", "organisation", "subregion"
    ).order_by("user__last_name", "user__first_name", "user__email", "pk")
    for term in search.split():
        people = people.filter(
            Q(user__first_name__icontains=term)
            | Q(user__last_name__icontains=term)
            | Q(user__email__icontains=term)
        )
    if role:
        people = people.filter(role=role)
    if subregion is not None:
        people = people.filter(subregion=subregion)
    if organisation is not None:
        people = people.filter(organisation=organisation)
    return people


def pending_invitations(network: Network) -> QuerySet[Invitation]:
    return (
        Invitation.objects.pending()
        .filter(network=network)
        .select_related("organisation", "subregion", "invited_by")
        .order_by("-created_at", "-pk")
    )


def invitation_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.filter(token_hash=hash_token(token))
        .select_related("network", "organisation", "subregion", "invited_by")
        .first()
    )


def pending_import(network: Network, user, pk: int) -> PendingImport:
    """The person's own upload in this network, still fresh, or 404."""
    fresh_since = timezone.now() - PENDING_IMPORT_LIFETIME
    found = PendingImport.objects.filter(
        pk=pk, network=network, created_by=user, created_at__gte=fresh_since
    ).first()
    if found is None:
        raise Http404
    return found


def name_taken(queryset: QuerySet, name: str, *, exclude_pk: int | None = None) -> bool:
    """Whether ``name`` is used in ``queryset`` without regard to case.

    SQLite folds the case of ASCII letters only, so rows of the same length are
    compared here (É and é included).
    """
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    same_length = queryset.annotate(name_length=Length("name")).filter(
        name_length=len(name)
    )
    return any(
        other.lower() == name.lower()
        for other in same_length.values_list("name", flat=True)
    )
