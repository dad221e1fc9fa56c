"""The plan's timeline, exports and progress report."""

from django.http import Http404


def timeline(request, network, plan=None, **kwargs):
    raise Http404


def plan_csv(request, network, plan=None, **kwargs):
    raise Http404


def plan_pdf(request, network, plan=None, **kwargs):
    raise Http404


def report(request, network, plan=None, **kwargs):
    raise Http404


def report_pdf(request, network, plan=None, **kwargs):
    raise Http404


def report_csv(request, network, plan=None, **kwargs):
    raise Http404
