"""Reads of the reports: the person as seen from a network, and the runs they may
see (another network's, or a kind not theirs, is a 404 like a missing one)."""

from django.db.models import QuerySet
from django.http import Http404

from entraide.practices.permissions import Viewer
from entraide.practices.selectors import viewer_in as inventory_viewer_in
from entraide.reports.models import ReportRun
from entraide.reports.permissions import allowed_kinds, can_view_run


def viewer_in(user, network_slug: str) -> Viewer:
    """The person as seen from the network; 404 for a network they are not in."""
    viewer = inventory_viewer_in(user, network_slug)
    if not viewer.is_member:
        raise Http404
    return viewer


def visible_runs(viewer: Viewer) -> QuerySet[ReportRun]:
    return (
        ReportRun.objects.filter(network=viewer.network, kind__in=allowed_kinds(viewer))
        .select_related("requested_by")
        .defer("error")
    )


def run_for(viewer: Viewer, pk: int) -> ReportRun:
    run = ReportRun.objects.filter(network=viewer.network, pk=pk).first()
    if run is None or not can_view_run(viewer, run):
        raise Http404
    run.network = viewer.network
    return run
