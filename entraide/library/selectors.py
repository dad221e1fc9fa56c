"""Reads of tools and dossiers shared by several views; visibility decided here."""

from django.db.models import Q, QuerySet
from django.http import Http404

from entraide.library import permissions as perms
from entraide.library.models import Dossier, Tool, ToolScope, ToolStatus
from entraide.networks.models import Network


def network_by_slug(slug: str) -> Network:
    """Any network: public tools and dossiers are read without a membership."""
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


def viewer_in(request, network_slug: str) -> perms.Viewer:
    return perms.viewer_for(request.user, network_by_slug(network_slug))


def tool_for(viewer: perms.Viewer, pk: int) -> Tool:
    """One tool the viewer may see, ready for its page, or 404 (missing or not
    yours: the same answer)."""
    tool = (
        Tool.objects.filter(network=viewer.network, pk=pk)
        .select_related(
            "network", "community", "created_by", "current_version", "published_version"
        )
        .prefetch_related("co_authors", "themes")
        .first()
    )
    if tool is None or not perms.can_view_tool(viewer, tool):
        raise Http404
    return tool


def readable_tools(viewer: perms.Viewer) -> QuerySet[Tool]:
    """Tools of the viewer's network whose published version they may read."""
    readable = Q(published_version__isnull=False) & ~Q(status=ToolStatus.ARCHIVED)
    if viewer.leads:
        scope = Q()
    elif viewer.is_member:
        scope = Q(scope__in=(ToolScope.NETWORK, ToolScope.PUBLIC)) | Q(
            scope=ToolScope.COMMUNITY, community__in=list(viewer.roles)
        )
    else:
        scope = Q(scope=ToolScope.PUBLIC)
    return Tool.objects.filter(readable & scope, network=viewer.network)


def working_tools(viewer: perms.Viewer) -> QuerySet[Tool]:
    """Tools the viewer works on: their communities' tools and those they
    co-author, every status."""
    if not viewer.is_member:
        return Tool.objects.none()
    mine = (
        Q(community__in=list(viewer.roles))
        | Q(created_by=viewer.user)
        | Q(co_authors=viewer.user)
    )
    return Tool.objects.filter(mine, network=viewer.network).distinct()


def dossier_for(viewer: perms.Viewer, pk: int) -> Dossier:
    dossier = Dossier.objects.filter(network=viewer.network, pk=pk).first()
    if dossier is None or not perms.can_view_dossier(viewer, dossier):
        raise Http404
    return dossier


def visible_dossiers(viewer: perms.Viewer) -> QuerySet[Dossier]:
    dossiers = Dossier.objects.filter(network=viewer.network)
    if viewer.leads:
        return dossiers
    if viewer.is_member:
        return dossiers.filter(is_published=True)
    return dossiers.filter(is_published=True, scope="public")
