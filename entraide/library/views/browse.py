"""The tools catalogue: filters, French-aware search, sorting.

Anyone may browse a network's tools; what each person finds is decided once, in
``selectors.readable_tools``. A wrong filter value is shown on its field and
ignored, so a shared or hand-typed address never fails.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import filters_query_string
from entraide.library import permissions as perms
from entraide.library.forms.browse import ToolFilterForm
from entraide.library.selectors import viewer_in
from entraide.library.selectors_browse import (
    filtered_tools,
    listed_tools,
    sorted_tools,
    tool_communities,
)

PER_PAGE = 20


@require_safe
def tool_list(request, network):
    viewer = viewer_in(request, network)
    form = ToolFilterForm(
        request.GET or None,
        network=viewer.network,
        communities=tool_communities(viewer),
    )
    filters = form.filters() if request.GET else {}
    tools, query = filtered_tools(listed_tools(viewer), filters)
    tools = sorted_tools(tools, filters.get("sort") or "", query)
    page = Paginator(tools, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/list.html",
        {
            "network": viewer.network,
            "form": form,
            "page": page,
            "tools": page.object_list,
            "query": query,
            # The other filters stay folded on a phone unless one is in use.
            "narrowed": bool(form.errors)
            or any(value for name, value in filters.items() if name != "q"),
            "query_string": filters_query_string(request),
            "is_member": viewer.is_member,
            "can_create": perms.can_create_tool(viewer),
            "can_manage_dossiers": perms.can_manage_dossiers(viewer),
        },
    )
