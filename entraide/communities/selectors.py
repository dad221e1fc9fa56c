"""Reads of communities, scoped to what a person may see."""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone

from entraide.accounts.models import ProfileVisibility
from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityInvitation,
    CommunityMembership,
    JoinRequest,
    RequestStatus,
    Seat,
    SeatTerm,
    Visibility,
)
from entraide.communities.permissions import can_view_community, manages_network
from entraide.networks.models import Membership, Network


@dataclass
class CommunityAccess:
    """A community as one person reaches it, with their memberships."""

    community: Community
    network: Network
    network_membership: Membership | None
    member: CommunityMembership | None
    invitation: CommunityInvitation | None = field(default=None)


def community_for(user, network_slug: str, slug: str) -> CommunityAccess:
    """The community, or 404 when it is missing or the person may not see it."""
    community = (
        Community.objects.select_related("network")
        .filter(network__slug=network_slug, slug=slug)
        .first()
    )
    if community is None:
        raise Http404
    network_membership = member = invitation = None
    if user.is_authenticated:
        network_membership = (
            Membership.objects.filter(user=user, network=community.network_id)
            .select_related("organisation", "subregion")
            .first()
        )
        member = CommunityMembership.objects.filter(
            user=user, community=community
        ).first()
        if member is None and network_membership is not None:
            invitation = pending_invitation_of(user, community)
    if not can_view_community(
        community, network_membership, member, invited=invitation is not None
    ):
        raise Http404
    return CommunityAccess(
        community, community.network, network_membership, member, invitation
    )


def pending_invitation_of(user, community: Community) -> CommunityInvitation | None:
    return (
        CommunityInvitation.objects.filter(
            user=user, community=community, status=RequestStatus.PENDING
        )
        .select_related("invited_by")
        .first()
    )


def pending_request_of(user, community: Community) -> JoinRequest | None:
    if not user.is_authenticated:
        return None
    return JoinRequest.objects.filter(
        user=user, community=community, status=RequestStatus.PENDING
    ).first()


def _member_count():
    rows = (
        CommunityMembership.objects.filter(community=OuterRef("pk"))
        .order_by()
        .values("community")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def visible_communities(
    user, network: Network, network_membership: Membership | None
) -> QuerySet[Community]:
    """The communities of ``network`` this person may see, with what the list shows.

    Members-only communities appear to their members and to the network's
    managers only. Those meant for the person (their job role and sub-region)
    come first.
    """
    communities = Community.objects.filter(network=network).select_related("network")
    if user.is_authenticated:
        is_member = Exists(
            CommunityMembership.objects.filter(community=OuterRef("pk"), user=user)
        )
        has_request = Exists(
            JoinRequest.objects.filter(
                community=OuterRef("pk"), user=user, status=RequestStatus.PENDING
            )
        )
    else:
        is_member = has_request = Value(False, output_field=BooleanField())
    communities = communities.annotate(
        is_member=is_member,
        has_pending_request=has_request,
        member_count=_member_count(),
        for_me=_meant_for(user, network_membership),
    )
    if not manages_network(network_membership):
        communities = communities.filter(
            Q(visibility__in=[Visibility.PUBLIC, Visibility.NETWORK])
            | Q(is_member=True)
        )
    if network_membership is None:
        communities = communities.filter(visibility=Visibility.PUBLIC)
    return communities.order_by("-for_me", "name", "pk")


def _meant_for(user, network_membership: Membership | None):
    """True where the community's audience names the person's job role or
    sub-region and does not leave them out on the other."""
    job_role = getattr(user, "job_role", "") if user.is_authenticated else ""
    subregion_id = network_membership.subregion_id if network_membership else None
    if not job_role and subregion_id is None:
        return Value(False, output_field=BooleanField())
    no_roles = Q(audience_job_roles=[])
    role_match = Q(audience_job_roles__icontains=f'"{job_role}"') if job_role else Q()
    no_subregions = ~Exists(
        Community.audience_subregions.through.objects.filter(community=OuterRef("pk"))
    )
    subregion_match = Exists(
        Community.audience_subregions.through.objects.filter(
            community=OuterRef("pk"), subregion=subregion_id
        )
    )
    roles_ok = (role_match | no_roles) if job_role else no_roles
    subregions_ok = (subregion_match | no_subregions) if subregion_id else no_subregions
    specified = ~no_roles | ~no_subregions
    return Case(
        When(roles_ok & subregions_ok & specified, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def community_members(community: Community) -> QuerySet[CommunityMembership]:
    """Facilitating roles first, then by name."""
    return (
        community.memberships.select_related("user")
        .annotate(
            facilitating=Case(
                When(role__in=FACILITATING_ROLES, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("facilitating", "user__last_name", "user__first_name", "pk")
    )


def facilitators_of(community: Community) -> list[CommunityMembership]:
    return list(
        community.memberships.filter(role__in=FACILITATING_ROLES)
        .select_related("user")
        .order_by("role", "user__last_name", "user__first_name")[:20]
    )


def pending_requests(community: Community) -> QuerySet[JoinRequest]:
    return (
        community.join_requests.filter(status=RequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at", "pk")
    )


def pending_invitations(community: Community) -> QuerySet[CommunityInvitation]:
    return (
        community.invitations.filter(status=RequestStatus.PENDING)
        .select_related("user", "invited_by")
        .order_by("-created_at", "-pk")
    )


def profile_visible_to(
    person, *, viewer, shares_community: bool, same_network: bool
) -> bool:
    """Whether ``viewer`` may see ``person``'s name, per the person's settings."""
    if viewer is not None and viewer.pk == person.pk:
        return True
    if shares_community:
        return True
    return same_network and person.profile_visibility == ProfileVisibility.NETWORK


@dataclass
class SeatRow:
    seat: Seat
    current: SeatTerm | None
    upcoming: SeatTerm | None


@dataclass
class SubRegionSeats:
    subregion: object
    rows: list[SeatRow]

    @property
    def vacant(self) -> int:
        return sum(1 for row in self.rows if row.current is None)


def seats_by_subregion(community: Community, *, on=None) -> list[SubRegionSeats]:
    """Each sub-region's seats with the term held today (or None: vacant)."""
    on = on or timezone.localdate()
    terms = SeatTerm.objects.select_related("holder").order_by("starts_on", "pk")
    seats = (
        community.seats.select_related("subregion__region")
        .prefetch_related(Prefetch("terms", queryset=terms))
        .order_by(
            "subregion__region__position",
            "subregion__region__name",
            "subregion__position",
            "subregion__name",
            "number",
        )
    )
    rows = []
    for seat in seats:
        current = next(
            (t for t in seat.terms.all() if t.starts_on <= on <= t.ends_on), None
        )
        upcoming = next((t for t in seat.terms.all() if t.starts_on > on), None)
        rows.append(SeatRow(seat, current, upcoming))
    return [
        SubRegionSeats(subregion, list(group))
        for subregion, group in groupby(rows, key=lambda row: row.seat.subregion)
    ]


def seat_terms(seat: Seat) -> QuerySet[SeatTerm]:
    return seat.terms.select_related("holder").order_by("-starts_on", "-pk")
