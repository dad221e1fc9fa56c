"""Reference dossiers: ordered, introduced collections."""

from django.http import Http404


def dossier_list(request, **kwargs):
    raise Http404


def dossier_create(request, **kwargs):
    raise Http404


def dossier_detail(request, **kwargs):
    raise Http404


def dossier_edit(request, **kwargs):
    raise Http404


def item_add(request, **kwargs):
    raise Http404


def item_remove(request, **kwargs):
    raise Http404


def item_move(request, **kwargs):
    raise Http404
