"""The plan as a table, its indicators and the management dashboard."""

from django.http import Http404


def plan_detail(request, network, plan=None, **kwargs):
    raise Http404


def dashboard(request, network, plan=None, **kwargs):
    raise Http404


def indicator_create(request, network, plan=None, **kwargs):
    raise Http404


def indicator_detail(request, network, plan=None, **kwargs):
    raise Http404


def indicator_edit(request, network, plan=None, **kwargs):
    raise Http404


def indicator_delete(request, network, plan=None, **kwargs):
    raise Http404


def measure_add(request, network, plan=None, **kwargs):
    raise Http404
