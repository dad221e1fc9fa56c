"""The tools catalogue: filters, French-aware search, sorting."""

from django.http import Http404


def tool_list(request, **kwargs):
    raise Http404
