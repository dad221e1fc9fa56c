"""A survey's results, cross-tabulation, CSV and themes."""

from django.http import Http404


def results(request, network, **kwargs):
    raise Http404


def results_csv(request, network, **kwargs):
    raise Http404


def themes_from_ranking(request, network, **kwargs):
    raise Http404
