"""The tools list as a reader sees it, and what a dossier shows to whom.

What each person finds is decided by ``selectors.readable_tools``; this module
adds the list's filters, search and order, and reads a dossier's items once,
leaving out silently what the reader may not read.
"""

from django.db.models import (
    F,
    Prefetch,
    Q,
    QuerySet,
    TextField,
)
from django.db.models.functions import Cast

from entraide.communities.models import Community
from entraide.library import permissions as perms
from entraide.library.forms.browse import Sort
from entraide.library.models import (
    Dossier,
    DossierItem,
    DossierItemKind,
    Tool,
)
from entraide.library.selectors import readable_tools
from entraide.practices.search import rank_by_title, search_filter
from entraide.practices.selectors_browse import published_practices, reader_for

TOOL_FILTERS = {
    "kind": "kind",
    "theme": "themes",
    "age": "age_group",
    "language": "language",
    "community": "community",
    "licence": "licence",
}


def listed_tools(viewer: perms.Viewer) -> QuerySet[Tool]:
    """The readable tools, with what a card shows."""
    return (
        readable_tools(viewer)
        .select_related("community", "published_version")
        .prefetch_related("themes")
    )


def tool_communities(viewer: perms.Viewer) -> QuerySet[Community]:
    """The communities of the tools the viewer may read (the community filter)."""
    return (
        Community.objects.filter(pk__in=readable_tools(viewer).values("community"))
        .order_by("name")
        .distinct()
    )


def filtered_tools(tools: QuerySet, filters: dict) -> tuple[QuerySet, str]:
    """The tools matching the valid filters, and the cleaned query."""
    for name, lookup in TOOL_FILTERS.items():
        value = filters.get(name)
        if value:
            tools = tools.filter(**{lookup: value})
    audience = filters.get("audience")
    if audience:
        # Stored as a JSON list; an empty list means « everyone ». Compared as text
        # so both databases answer alike.
        tools = tools.alias(
            audience_text=Cast("audience_job_roles", output_field=TextField())
        ).filter(Q(audience_text__contains=f'"{audience}"') | Q(audience_text="[]"))
    query = filters.get("q") or ""
    if query:
        tools = tools.filter(search_filter(query))
    return tools, query


def sorted_tools(tools: QuerySet, sort: str, query: str) -> QuerySet:
    newest = (F("published_at").desc(nulls_last=True), "-pk")
    if sort == Sort.TITLE:
        return tools.order_by("published_version__title", "pk")
    if sort == Sort.MOST_DOWNLOADED:
        return tools.order_by("-download_count", *newest)
    if sort == Sort.MOST_USED:
        return tools.order_by("-use_count", *newest)
    if query and sort != Sort.NEWEST:
        return rank_by_title(tools, query, "published_version__title").order_by(
            "-search_rank", *newest
        )
    return tools.order_by(*newest)


# --- Dossiers ------------------------------------------------------------------------


def dossier_items(dossier: Dossier) -> list[DossierItem]:
    """Every item in order, with its tool or practice (for the dossier's leads)."""
    return list(
        dossier.items.select_related(
            "tool__network",
            "tool__community",
            "tool__published_version",
            "practice__published_version",
        )
        .prefetch_related(Prefetch("tool__co_authors"))
        .order_by("position", "pk")
    )


def readable_items(viewer: perms.Viewer, items: list[DossierItem]) -> list:
    """The items the viewer may read: a tool or practice they may not read is
    left out, without a word."""
    practice_ids = [item.practice_id for item in items if item.practice_id]
    readable_practices = set()
    if practice_ids:
        reader = reader_for(viewer.user, viewer.network)
        readable_practices = set(
            published_practices(reader)
            .filter(pk__in=practice_ids)
            .values_list("pk", flat=True)
        )
    shown = []
    for item in items:
        if item.kind == DossierItemKind.TOOL:
            if perms.can_read_published(viewer, item.tool):
                shown.append(item)
        elif item.kind == DossierItemKind.PRACTICE:
            if item.practice_id in readable_practices:
                shown.append(item)
        else:
            shown.append(item)
    return shown
