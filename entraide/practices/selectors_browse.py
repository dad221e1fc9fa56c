"""Published practices as a reader may see them, and the committee's reads.

A network's catalogue holds its own published sheets (every scope for its members,
provincial pooling also for members of another network taking part, public for
everyone) and, for its members when the network takes part in provincial pooling,
the sheets other taking-part networks pooled or made public. Decided here, once,
for the list, the practice page and its PDF.
"""

from dataclasses import dataclass

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from entraide.networks.models import Membership, Network
from entraide.practices.models import (
    Evaluation,
    PracticeSheet,
    Scope,
    SheetState,
    SheetTransition,
)
from entraide.practices.permissions import Viewer, viewer_for

POOLED_SCOPES = (Scope.PROVINCIAL, Scope.PUBLIC)
RETAINED_OR_LATER = (
    SheetState.RETAINED,
    SheetState.SENT_TO_SCIENTIFIC,
    SheetState.EVALUATED,
    SheetState.FORMALISED,
    SheetState.PUBLISHED,
)


@dataclass(frozen=True)
class Reader:
    """A person reading network ``viewer.network``'s catalogue."""

    viewer: Viewer
    # Member of some network that takes part in provincial pooling.
    pools: bool

    @property
    def network(self) -> Network:
        return self.viewer.network


def network_by_slug(slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


def reader_for(user, network: Network) -> Reader:
    viewer = viewer_for(user, network)
    if viewer.is_member:
        pools = network.shares_provincial_pooling
    elif user is not None and user.is_authenticated:
        pools = Membership.objects.filter(
            user=user, network__shares_provincial_pooling=True
        ).exists()
    else:
        pools = False
    return Reader(viewer=viewer, pools=pools)


def _visible(reader: Reader) -> Q:
    network = reader.network
    if reader.viewer.is_member:
        own = Q(network=network)
    elif reader.pools and network.shares_provincial_pooling:
        own = Q(network=network, scope__in=POOLED_SCOPES)
    else:
        own = Q(network=network, scope=Scope.PUBLIC)
    if reader.viewer.is_member and reader.pools:
        own |= Q(network__shares_provincial_pooling=True, scope__in=POOLED_SCOPES)
    return own


def submitted_evaluations():
    rows = (
        Evaluation.objects.filter(sheet=OuterRef("pk"), submitted_at__isnull=False)
        .order_by()
        .values("sheet")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def published_practices(reader: Reader) -> QuerySet[PracticeSheet]:
    """What ``reader`` may read in this catalogue, ready for a list: a sheet under
    revision stays readable in its last published version."""
    return (
        PracticeSheet.objects.filter(_visible(reader), published_version__isnull=False)
        .select_related(
            "network", "published_version", "subregion", "zone", "organisation"
        )
        .prefetch_related("themes")
        .annotate(evaluation_count=submitted_evaluations())
    )


def practice_for(reader: Reader, pk: int) -> PracticeSheet:
    """One readable practice with its provenance, or 404 (missing or not yours)."""
    sheet = (
        published_practices(reader)
        .select_related("author")
        .prefetch_related(
            "co_authors",
            Prefetch(
                "transitions",
                queryset=SheetTransition.objects.order_by("created_at", "pk"),
            ),
        )
        .filter(pk=pk)
        .first()
    )
    if sheet is None:
        raise Http404
    return sheet


def inventory(network: Network) -> QuerySet[PracticeSheet]:
    """Every sheet of the network, for the committees' export (drafts included)."""
    return (
        PracticeSheet.objects.filter(network=network)
        .select_related("current_version", "published_version", "subregion", "zone")
        .prefetch_related("themes")
        .order_by("pk")
    )


def retained_sheets(network: Network) -> QuerySet[PracticeSheet]:
    return (
        inventory(network)
        .filter(state__in=RETAINED_OR_LATER)
        .select_related("organisation", "author")
        .prefetch_related("co_authors")
    )
