"""Writing a tool: new tool, edit, versions, differences, file downloads."""

from django.http import Http404


def my_tools(request, **kwargs):
    raise Http404


def tool_create(request, **kwargs):
    raise Http404


def tool_detail(request, **kwargs):
    raise Http404


def tool_edit(request, **kwargs):
    raise Http404


def co_authors(request, **kwargs):
    raise Http404


def version_list(request, **kwargs):
    raise Http404


def version_diff(request, **kwargs):
    raise Http404


def version_file(request, **kwargs):
    raise Http404


def tool_file(request, **kwargs):
    raise Http404


def community_tools(request, **kwargs):
    raise Http404
