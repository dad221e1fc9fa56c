"""Building a survey: settings, sections, questions, opening and closing."""

from django.http import Http404


def survey_list(request, network, **kwargs):
    raise Http404


def survey_create(request, network, **kwargs):
    raise Http404


def survey_detail(request, network, **kwargs):
    raise Http404


def survey_edit(request, network, **kwargs):
    raise Http404


def survey_duplicate(request, network, **kwargs):
    raise Http404


def survey_open(request, network, **kwargs):
    raise Http404


def survey_close(request, network, **kwargs):
    raise Http404


def section_create(request, network, **kwargs):
    raise Http404


def section_edit(request, network, **kwargs):
    raise Http404


def section_delete(request, network, **kwargs):
    raise Http404


def question_create(request, network, **kwargs):
    raise Http404


def question_edit(request, network, **kwargs):
    raise Http404


def question_delete(request, network, **kwargs):
    raise Http404
