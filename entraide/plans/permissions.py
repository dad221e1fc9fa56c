"""Who may see and do what with a network's action plan.

A ``Viewer`` is a person as seen from one network, read once per request (three
queries at most): their membership, the communities they facilitate and the
sub-regions they represent on a regional committee.

- The network's members read plans under way or finished; drafts are the leads'.
- Project leads and network admins build the plan and change anything in it.
- The people in charge of an action, and the facilitators of a community in charge
  of it, update its status and progress.
- Representatives write follow-up notes for their own sub-region only: the
  sub-regions of the seats they hold today on a regional committee, or, on a regional
  committee without seats, the sub-region of their membership.
- The dashboard and the exports are for the leads, the network's management and the
  representatives.
"""

from dataclasses import dataclass

from django.utils import timezone

from entraide.communities.models import (
    FACILITATING_ROLES,
    CommunityKind,
    CommunityMembership,
    SeatTerm,
)
from entraide.networks.models import MANAGING_ROLES, Membership, NetworkRole
from entraide.plans.models import Action, FollowUpNote, Plan, PlanStatus


@dataclass(frozen=True)
class Viewer:
    user: object
    network: object
    membership: Membership | None
    facilitated: frozenset = frozenset()
    represented: frozenset = frozenset()

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def leads(self) -> bool:
        return self.membership is not None and self.membership.role in MANAGING_ROLES

    @property
    def manages(self) -> bool:
        """The network's management (« direction »)."""
        return (
            self.membership is not None
            and self.membership.role == NetworkRole.MANAGEMENT
        )

    @property
    def represents(self) -> bool:
        return bool(self.represented)


def viewer_for(user, network) -> Viewer:
    if user is None or not user.is_authenticated:
        return Viewer(user=None, network=network, membership=None)
    membership = Membership.objects.filter(user=user, network=network).first()
    if membership is None:
        return Viewer(user=user, network=network, membership=None)
    rows = list(
        CommunityMembership.objects.filter(
            user=user, community__network=network, community__archived_at__isnull=True
        ).values_list("community_id", "role", "community__kind")
    )
    facilitated = frozenset(
        pk for pk, role, _kind in rows if role in FACILITATING_ROLES
    )
    represented = set()
    if any(kind == CommunityKind.REGIONAL_COMMITTEE for _pk, _role, kind in rows):
        today = timezone.localdate()
        seats = SeatTerm.objects.filter(
            holder=user,
            seat__community__network=network,
            seat__community__kind=CommunityKind.REGIONAL_COMMITTEE,
            starts_on__lte=today,
            ends_on__gte=today,
        ).values_list("seat__subregion_id", flat=True)
        represented = set(seats)
        if not represented and membership.subregion_id:
            represented = {membership.subregion_id}
    return Viewer(
        user=user,
        network=network,
        membership=membership,
        facilitated=facilitated,
        represented=frozenset(represented),
    )


def can_view_plans(viewer: Viewer) -> bool:
    return viewer.is_member


def can_create_plan(viewer: Viewer) -> bool:
    return viewer.leads


def can_view_plan(viewer: Viewer, plan: Plan) -> bool:
    if plan.network_id != viewer.network.pk or not viewer.is_member:
        return False
    return plan.status != PlanStatus.DRAFT or viewer.leads


def can_edit_plan(viewer: Viewer, plan: Plan) -> bool:
    """Mandates, objectives, targets, actions and indicators: the leads."""
    return viewer.leads and plan.network_id == viewer.network.pk


def can_view_dashboard(viewer: Viewer, plan: Plan) -> bool:
    return can_view_plan(viewer, plan) and (
        viewer.leads or viewer.manages or viewer.represents
    )


can_export_plan = can_view_dashboard


def is_responsible(viewer: Viewer, action: Action) -> bool:
    """Needs ``responsible_people`` and ``responsible_communities`` prefetched."""
    if viewer.user is None:
        return False
    if any(person.pk == viewer.user.pk for person in action.responsible_people.all()):
        return True
    return any(c.pk in viewer.facilitated for c in action.responsible_communities.all())


def can_update_action(viewer: Viewer, action: Action) -> bool:
    """Status and progress: the leads and those in charge, while the plan runs."""
    plan = action.plan
    if not can_view_plan(viewer, plan):
        return False
    if viewer.leads:
        return True
    return plan.status == PlanStatus.ACTIVE and is_responsible(viewer, action)


def follow_up_subregions(viewer: Viewer, action: Action) -> frozenset | None:
    """Sub-region ids the viewer may write follow-ups for; ``None`` means all."""
    if not can_view_plan(viewer, action.plan):
        return frozenset()
    if viewer.leads:
        return None
    if action.plan.status != PlanStatus.ACTIVE:
        return frozenset()
    return viewer.represented


def can_write_follow_up(viewer: Viewer, action: Action, subregion_id=None) -> bool:
    allowed = follow_up_subregions(viewer, action)
    if allowed is None:
        return True
    if subregion_id is None:
        return bool(allowed)
    return subregion_id in allowed


def can_edit_follow_up(viewer: Viewer, note: FollowUpNote) -> bool:
    """Its author while they still represent its sub-region, and the leads."""
    if viewer.leads and can_view_plan(viewer, note.action.plan):
        return True
    return (
        viewer.user is not None
        and note.author_id == viewer.user.pk
        and can_write_follow_up(viewer, note.action, note.subregion_id)
    )
