"""Working together on a tool: comments, suggestions, steps, uses, links."""

from django.http import Http404


def comment(request, **kwargs):
    raise Http404


def resolve_suggestion(request, **kwargs):
    raise Http404


def validate(request, **kwargs):
    raise Http404


def publish(request, **kwargs):
    raise Http404


def reopen(request, **kwargs):
    raise Http404


def archive(request, **kwargs):
    raise Http404


def restore(request, **kwargs):
    raise Http404


def report_use(request, **kwargs):
    raise Http404


def links(request, **kwargs):
    raise Http404


def detail_context(request, tool, viewer) -> dict:
    """What the tool page needs from this part."""
    return {}
