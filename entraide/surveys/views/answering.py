"""Answering a survey, signed in or through its public link."""

from django.http import Http404


def to_answer(request, network, **kwargs):
    raise Http404


def answer(request, network, **kwargs):
    raise Http404


def thanks(request, network, **kwargs):
    raise Http404


def public_answer(request, network, **kwargs):
    raise Http404


def public_thanks(request, network, **kwargs):
    raise Http404
