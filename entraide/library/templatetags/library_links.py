"""Tools linked to a practice sheet or to agenda items, shown on their pages.

Readability is decided for ``request.user`` in the page's network by the
library's selectors: a members-only tool never shows to someone outside its
community.
"""

from django import template

from entraide.library import selectors_links
from entraide.library.permissions import viewer_for

register = template.Library()


def _viewer(context, network):
    """The library's view of the person, read once per request and network."""
    request = context.get("request")
    user = getattr(request, "user", None)
    cache = getattr(request, "_library_viewers", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._library_viewers = cache
    if network.pk not in cache:
        cache[network.pk] = viewer_for(user, network)
    return cache[network.pk]


@register.inclusion_tag("library/linked_tools.html", takes_context=True)
def linked_tools_for_practice(context, sheet):
    network = context.get("network") or sheet.network
    viewer = _viewer(context, network)
    return {
        "linked_tools": selectors_links.tools_linked_to_practice(viewer, sheet),
    }


@register.simple_tag(takes_context=True)
def tools_by_agenda_item(context, agenda_items):
    """{item id: [tools]} for every item of the list, in one query."""
    network = context.get("network")
    items = list(agenda_items or [])
    if network is None or not items:
        return {}
    viewer = _viewer(context, network)
    return selectors_links.tools_by_agenda_item(viewer, [item.pk for item in items])


@register.filter
def tools_for(tools_by_item, item):
    """The tools linked to ``item`` (an agenda item or its id)."""
    if not tools_by_item:
        return []
    return tools_by_item.get(getattr(item, "pk", item), [])
