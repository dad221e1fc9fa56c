"""Building the plan, updating actions and writing follow-ups."""

from django.http import Http404


def plan_list(request, network, plan=None, **kwargs):
    raise Http404


def plan_create(request, network, plan=None, **kwargs):
    raise Http404


def plan_edit(request, network, plan=None, **kwargs):
    raise Http404


def mandate_create(request, network, plan=None, **kwargs):
    raise Http404


def mandate_edit(request, network, plan=None, **kwargs):
    raise Http404


def mandate_delete(request, network, plan=None, **kwargs):
    raise Http404


def objective_create(request, network, plan=None, **kwargs):
    raise Http404


def objective_edit(request, network, plan=None, **kwargs):
    raise Http404


def objective_delete(request, network, plan=None, **kwargs):
    raise Http404


def target_create(request, network, plan=None, **kwargs):
    raise Http404


def target_edit(request, network, plan=None, **kwargs):
    raise Http404


def target_delete(request, network, plan=None, **kwargs):
    raise Http404


def action_create(request, network, plan=None, **kwargs):
    raise Http404


def action_detail(request, network, plan=None, **kwargs):
    raise Http404


def action_edit(request, network, plan=None, **kwargs):
    raise Http404


def action_delete(request, network, plan=None, **kwargs):
    raise Http404


def action_progress(request, network, plan=None, **kwargs):
    raise Http404


def follow_up_create(request, network, plan=None, **kwargs):
    raise Http404


def follow_up_edit(request, network, plan=None, **kwargs):
    raise Http404
