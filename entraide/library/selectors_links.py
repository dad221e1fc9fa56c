"""Reads of the links between tools, practice sheets and agenda items, both ways.

Readability is decided by the library's selectors and the practices' catalogue:
a person sees a tool linked to a sheet or an agenda item only if they may read it
(its published version) or work on it.
"""

from django.db.models import Case, F, Q, QuerySet, When

from entraide.library import permissions as perms
from entraide.library.models import Tool
from entraide.library.selectors import readable_tools, working_tools
from entraide.meetings.models import AgendaItem, AgendaStatus
from entraide.practices.models import PracticeSheet
from entraide.practices.selectors_browse import published_practices, reader_for

AGENDA_CHOICES_MAX = 100
PRACTICE_CHOICES_MAX = 50


def visible_tools(viewer: perms.Viewer) -> QuerySet[Tool]:
    """Tools the viewer may see, each with ``link_title``: the working title for
    those who work on it, the published one for readers (one query when used)."""
    if viewer.leads:
        working = Q(network=viewer.network)
    else:
        working = Q(pk__in=working_tools(viewer).values("pk"))
    readable = Q(pk__in=readable_tools(viewer).values("pk"))
    return (
        Tool.objects.filter(working | readable)
        .annotate(
            link_title=Case(
                When(working, then=F("current_version__title")),
                default=F("published_version__title"),
            )
        )
        .select_related("network")
    )


def tools_linked_to_practice(viewer: perms.Viewer, sheet) -> list[Tool]:
    return list(visible_tools(viewer).filter(practices=sheet).order_by("link_title"))


def tools_by_agenda_item(viewer: perms.Viewer, item_ids) -> dict[int, list[Tool]]:
    """{agenda item id: [tools]} for all the items at once (one query)."""
    item_ids = [pk for pk in item_ids if pk is not None]
    if not item_ids:
        return {}
    tools = (
        visible_tools(viewer)
        .filter(agenda_items__in=item_ids)
        .annotate(item_id=F("agenda_items__pk"))
        .order_by("item_id", "link_title", "pk")
    )
    grouped: dict[int, list[Tool]] = {}
    for tool in tools:
        grouped.setdefault(tool.item_id, []).append(tool)
    return grouped


def linkable_practices(viewer: perms.Viewer) -> QuerySet[PracticeSheet]:
    """Practice sheets the viewer may read in the network's catalogue."""
    user = viewer.user
    return published_practices(reader_for(user, viewer.network))


def linkable_agenda_items(tool: Tool) -> QuerySet[AgendaItem]:
    """Points on the agenda of the sessions of the tool's community."""
    if tool.community_id is None:
        return AgendaItem.objects.none()
    return AgendaItem.objects.filter(
        session__community=tool.community_id, status=AgendaStatus.ACCEPTED
    ).select_related("session")


def linked_practices(viewer: perms.Viewer, tool: Tool) -> list[PracticeSheet]:
    """The tool's linked sheets the viewer may read."""
    return list(
        linkable_practices(viewer)
        .filter(tools=tool)
        .order_by("published_version__title", "pk")
    )


def linked_agenda_items(tool: Tool) -> list[AgendaItem]:
    return list(
        tool.agenda_items.select_related("session__community__network").order_by(
            "-session__starts_at", "position", "pk"
        )
    )
