"""Who may see and do what with a practice sheet, step by step.

A ``Viewer`` is a person as seen from one network: their membership there and
whether they sit on its regional or scientific committee, read once per request.
Every predicate takes the viewer and the sheet; views, templates and tests ask these
and nothing else.
"""

from dataclasses import dataclass

from entraide.communities.models import CommunityKind, CommunityMembership
from entraide.networks.models import MANAGING_ROLES, Membership, NetworkRole
from entraide.practices.models import Evaluation, PracticeSheet, Scope, SheetState

REVIEW_STATES = frozenset(SheetState.values) - {SheetState.DRAFT}
SCIENTIFIC_STATES = frozenset(
    {
        SheetState.SENT_TO_SCIENTIFIC,
        SheetState.EVALUATED,
        SheetState.FORMALISED,
        SheetState.PUBLISHED,
    }
)


@dataclass(frozen=True)
class Viewer:
    user: object
    network: object
    membership: Membership | None
    regional: bool = False
    scientific: bool = False

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def leads(self) -> bool:
        """Project lead or network admin: runs the inventory."""
        return self.membership is not None and self.membership.role in MANAGING_ROLES

    @property
    def oversees(self) -> bool:
        """Management follows the inventory (reads, never decides)."""
        return self.leads or (
            self.membership is not None
            and self.membership.role == NetworkRole.MANAGEMENT
        )


def viewer_for(user, network) -> Viewer:
    """The person as seen from ``network`` (two queries; none when anonymous)."""
    if user is None or not user.is_authenticated:
        return Viewer(user=None, network=network, membership=None)
    membership = Membership.objects.filter(user=user, network=network).first()
    kinds = set(
        CommunityMembership.objects.filter(
            user=user,
            community__network=network,
            community__archived_at__isnull=True,
            community__kind__in=(
                CommunityKind.REGIONAL_COMMITTEE,
                CommunityKind.SCIENTIFIC_COMMITTEE,
            ),
        ).values_list("community__kind", flat=True)
    )
    return Viewer(
        user=user,
        network=network,
        membership=membership,
        regional=membership is not None and CommunityKind.REGIONAL_COMMITTEE in kinds,
        scientific=membership is not None
        and CommunityKind.SCIENTIFIC_COMMITTEE in kinds,
    )


def is_author(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """The author or a co-author (``co_authors`` should be prefetched)."""
    if viewer.user is None:
        return False
    if sheet.author_id == viewer.user.pk:
        return True
    return any(person.pk == viewer.user.pk for person in sheet.co_authors.all())


def _same_network(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return viewer.network.pk == sheet.network_id and viewer.is_member


def can_create_sheet(viewer: Viewer) -> bool:
    return viewer.is_member


def can_view_sheet(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """The working page: authors always; drafts nobody else; then the committees
    and the network's leads, the scientific committee once it was sent to them."""
    if not _same_network(viewer, sheet):
        return False
    if is_author(viewer, sheet):
        return True
    if sheet.state == SheetState.DRAFT:
        return False
    if viewer.regional or viewer.oversees:
        return True
    return viewer.scientific and sheet.state in SCIENTIFIC_STATES


def can_edit_sheet(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return (
        _same_network(viewer, sheet)
        and is_author(viewer, sheet)
        and sheet.is_editable_by_author()
    )


def can_submit(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return can_edit_sheet(viewer, sheet)


def _decides_regionally(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """The regional committee or the project lead, never on one's own sheet."""
    return (
        _same_network(viewer, sheet)
        and (viewer.regional or viewer.leads)
        and not is_author(viewer, sheet)
    )


def can_review(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """Ask for changes, retain, or decline a submitted sheet."""
    return _decides_regionally(viewer, sheet) and sheet.state == SheetState.SUBMITTED


def can_view_regional_queue(viewer: Viewer) -> bool:
    """The regional committee's work queue: its members and the project leads."""
    return viewer.is_member and (viewer.regional or viewer.leads)


def can_send_to_scientific(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return _decides_regionally(viewer, sheet) and sheet.state == SheetState.RETAINED


def can_evaluate(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return (
        _same_network(viewer, sheet)
        and viewer.scientific
        and not is_author(viewer, sheet)
        and sheet.state == SheetState.SENT_TO_SCIENTIFIC
    )


def can_mark_evaluated(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return (
        _same_network(viewer, sheet)
        and (viewer.scientific or viewer.leads)
        and not is_author(viewer, sheet)
        and sheet.state == SheetState.SENT_TO_SCIENTIFIC
    )


def can_formalise(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """Edit the version to publish: after the evaluation, or straight from retained
    (the scientific committee analyses only some sheets)."""
    return _decides_regionally(viewer, sheet) and sheet.state in (
        SheetState.RETAINED,
        SheetState.EVALUATED,
        SheetState.FORMALISED,
    )


def can_publish(viewer: Viewer, sheet: PracticeSheet) -> bool:
    return (
        _same_network(viewer, sheet)
        and viewer.leads
        and sheet.state == SheetState.FORMALISED
    )


def can_revise(viewer: Viewer, sheet: PracticeSheet) -> bool:
    """A published sheet can be revised: a new formalised version, published again."""
    return (
        _same_network(viewer, sheet)
        and viewer.leads
        and sheet.state == SheetState.PUBLISHED
    )


def can_view_practice(viewer: Viewer, sheet: PracticeSheet, *, pooled=False) -> bool:
    """Reading a published practice: public for everyone; network scope for its
    members; provincial pooling also for members of the other networks that take
    part in it (``pooled``: the viewer's own network takes part)."""
    if not sheet.is_published():
        return False
    if sheet.scope == Scope.PUBLIC:
        return True
    if viewer.is_member and viewer.network.pk == sheet.network_id:
        return True
    return sheet.scope == Scope.PROVINCIAL and pooled and viewer.is_member


# --- Evaluation and the whole inventory ----------------------------------------


def can_manage_grid(viewer) -> bool:
    """The grid is the network's: its project leads set it."""
    return viewer.leads


def can_view_queue(viewer) -> bool:
    return viewer.is_member and (viewer.scientific or viewer.leads)


def can_see_scores(viewer, sheet, own: Evaluation | None) -> bool:
    """Others' individual scores: the project lead, and an evaluator once their
    own evaluation is submitted or they recused themselves (a project lead who
    sits on the committee waits too)."""
    if not can_view_sheet(viewer, sheet):
        return False
    submitted = own is not None and own.submitted_at is not None
    if can_evaluate(viewer, sheet) and not submitted:
        return False
    if viewer.leads and not is_author(viewer, sheet):
        return True
    return viewer.scientific and submitted


def can_see_summary(viewer, sheet, own: Evaluation | None) -> bool:
    """Averages hint at others' scores: an evaluator still to evaluate waits."""
    if can_evaluate(viewer, sheet) and (own is None or not own.submitted_at):
        return False
    return can_view_sheet(viewer, sheet)


def can_follow_inventory(viewer: Viewer) -> bool:
    """The committees and the project lead read the whole inventory."""
    return viewer.is_member and (viewer.regional or viewer.scientific or viewer.leads)
