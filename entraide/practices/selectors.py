"""Reads of practice sheets, scoped to what a person may see.

Visibility is decided here and in ``permissions.py`` only: a sheet the person may
not see is answered like a missing one (404).
"""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from entraide.networks.models import Network
from entraide.practices.models import PracticeSheet, SheetState, SheetTransition
from entraide.practices.permissions import (
    SCIENTIFIC_STATES,
    Viewer,
    can_view_sheet,
    viewer_for,
)

# What the regional committee's queue may list: waiting for a decision, or
# retained and waiting to go to the scientific committee.
REGIONAL_QUEUE_STATES = (SheetState.SUBMITTED, SheetState.RETAINED)


def viewer_in(user, network_slug: str) -> Viewer:
    """The person as seen from the network ``network_slug`` (404 if no such one)."""
    network = get_object_or_404(Network, slug=network_slug)
    return viewer_for(user, network)


def _sheets(network) -> QuerySet[PracticeSheet]:
    return (
        PracticeSheet.objects.filter(network=network)
        .select_related(
            "network",
            "author",
            "current_version",
            "published_version",
            "zone",
            "subregion",
            "organisation",
        )
        .prefetch_related("co_authors", "themes")
    )


def sheet_for(viewer, *args) -> PracticeSheet:
    """The network's sheet ``pk`` if the person may see its working page, else 404.

    Called as ``sheet_for(viewer, pk)``, or ``sheet_for(user, network_slug, pk)``
    when the caller has no viewer yet.
    """
    if not isinstance(viewer, Viewer):
        user, network_slug, *args = (viewer, *args)
        viewer = viewer_in(user, network_slug)
    (pk,) = args
    sheet = _sheets(viewer.network).filter(pk=pk).first()
    if sheet is None or not can_view_sheet(viewer, sheet):
        raise Http404
    return sheet


def visible_sheets(viewer: Viewer) -> QuerySet[PracticeSheet]:
    """The sheets whose working page the person may open (same rule as
    ``can_view_sheet``)."""
    if not viewer.is_member:
        return PracticeSheet.objects.none()
    mine = Q(author=viewer.user) | Q(co_authors=viewer.user)
    if viewer.regional or viewer.oversees:
        others = ~Q(state=SheetState.DRAFT)
    elif viewer.scientific:
        others = Q(state__in=SCIENTIFIC_STATES)
    else:
        others = Q(pk__in=[])
    ids = PracticeSheet.objects.filter(network=viewer.network).filter(mine | others)
    return _sheets(viewer.network).filter(pk__in=ids.values("pk"))


def _queue(viewer: Viewer, states, *, subregion=None, age_group=None):
    sheets = (
        PracticeSheet.objects.filter(network=viewer.network, state__in=states)
        .select_related(
            "network", "author", "current_version", "subregion", "organisation"
        )
        .prefetch_related("co_authors")
    )
    if subregion:
        sheets = sheets.filter(subregion=subregion)
    if age_group:
        sheets = sheets.filter(age_group=age_group)
    return sheets


def regional_queue(
    viewer: Viewer, *, subregion=None, age_group=None, state=SheetState.SUBMITTED
) -> QuerySet[PracticeSheet]:
    """Sheets waiting for the regional committee, the oldest first; a
    representative sees those of their own sub-region before the others."""
    if state not in REGIONAL_QUEUE_STATES:
        state = SheetState.SUBMITTED
    sheets = _queue(viewer, (state,), subregion=subregion, age_group=age_group)
    own = viewer.membership.subregion_id if viewer.membership else None
    if own is not None:
        sheets = sheets.annotate(
            own_subregion=Case(
                When(subregion_id=own, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        ).order_by("own_subregion", "submitted_at", "pk")
    else:
        sheets = sheets.order_by("submitted_at", "pk")
    return sheets


def scientific_queue(
    viewer: Viewer, *, subregion=None, age_group=None
) -> QuerySet[PracticeSheet]:
    """Sheets sent to the scientific committee, the oldest first."""
    return _queue(
        viewer,
        (SheetState.SENT_TO_SCIENTIFIC,),
        subregion=subregion,
        age_group=age_group,
    ).order_by("submitted_at", "pk")


def history_of(sheet: PracticeSheet) -> QuerySet[SheetTransition]:
    """The sheet's steps, oldest first, with who made each."""
    return sheet.transitions.select_related("actor").order_by("created_at", "pk")
