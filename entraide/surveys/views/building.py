"""Building a survey: settings, sections, questions, opening and closing.

Every page is for those who manage the survey (``selectors.survey_for``: 404 for
the others); sections and questions change only in preparation (403 after).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from entraide.core.shortcuts import require, show_service_errors
from entraide.surveys import permissions as perms
from entraide.surveys import selectors
from entraide.surveys.forms.building import (
    DuplicateForm,
    QuestionForm,
    SectionForm,
    SurveyForm,
)
from entraide.surveys.models import Audience
from entraide.surveys.services import building as services
from entraide.surveys.views.mailing import mailing_context

SURVEYS_PER_PAGE = 20


def _member(request, network):
    viewer = selectors.viewer_in(request, network)
    if not viewer.is_member:
        raise Http404
    return viewer


def _managed(request, network, pk):
    viewer = selectors.viewer_in(request, network)
    return viewer, selectors.survey_for(viewer, pk)


def _call(form, call):
    try:
        return call()
    except ValidationError as error:
        show_service_errors(form, error)
        return None


# --- Surveys ----------------------------------------------------------------------


@login_required
@require_safe
def survey_list(request, network):
    viewer = _member(request, network)
    page = Paginator(
        selectors.managed_surveys(viewer).order_by("-created_at", "-pk"),
        SURVEYS_PER_PAGE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "surveys/survey_list.html",
        {
            "network": viewer.network,
            "page": page,
            "surveys": page.object_list,
            "can_create": perms.can_create_survey(viewer),
        },
    )


@login_required
def survey_create(request, network):
    viewer = _member(request, network)
    require(perms.can_create_survey(viewer))
    form = SurveyForm(request.POST or None, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        survey = _call(
            form,
            lambda: services.create_survey(
                network=viewer.network,
                actor=request.user,
                template=form.cleaned_data.get("template") or "",
                **form.service_fields(),
            ),
        )
        if survey is not None:
            messages.success(request, _("Le sondage est créé, en préparation."))
            return redirect(survey.get_absolute_url())
    return render(
        request,
        "surveys/survey_form.html",
        {"network": viewer.network, "form": form, "survey": None},
    )


@login_required
def survey_edit(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    form = SurveyForm(request.POST or None, viewer=viewer, survey=survey)
    if request.method == "POST" and form.is_valid():
        saved = _call(
            form,
            lambda: services.update_survey(
                survey=survey, actor=request.user, **form.service_fields()
            ),
        )
        if saved is not None:
            messages.success(request, _("Les réglages du sondage sont enregistrés."))
            return redirect(survey.get_absolute_url())
    return render(
        request,
        "surveys/survey_form.html",
        {"network": viewer.network, "form": form, "survey": survey},
    )


def _condition_words(question, by_pk) -> str:
    target = by_pk.get(question.condition_question_id)
    if target is None:
        return ""
    return _("Affichée si « %(question)s » vaut « %(value)s »") % {
        "question": target.text,
        "value": question.condition_value,
    }


@login_required
@require_safe
def survey_detail(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    sections = selectors.survey_tree(survey)
    by_pk = {q.pk: q for s in sections for q in s.questions.all()}
    for question in by_pk.values():
        question.condition_words = _condition_words(question, by_pk)
    public_url = ""
    if survey.audience == Audience.PUBLIC:
        public_url = request.build_absolute_uri(
            reverse(
                "surveys:public_answer",
                kwargs={"network": viewer.network.slug, "token": survey.public_token},
            )
        )
    invitations = mailing_context(survey)
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "network": viewer.network,
            "survey": survey,
            "sections": sections,
            "question_count": len(by_pk),
            "subregions": list(survey.audience_subregions.order_by("name")),
            "can_edit_questions": perms.can_edit_questions(viewer, survey),
            "public_url": public_url,
            **invitations,
            "response_count": invitations["rate"]["responses"],
        },
    )


@login_required
def survey_duplicate(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    form = DuplicateForm(
        request.POST or None,
        initial={"title": _("%(title)s (copie)") % {"title": survey.title}},
    )
    if request.method == "POST" and form.is_valid():
        copy = _call(
            form,
            lambda: services.duplicate_survey(
                survey=survey, actor=request.user, title=form.cleaned_data["title"]
            ),
        )
        if copy is not None:
            messages.success(request, _("La copie est créée, en préparation."))
            return redirect(copy.get_absolute_url())
    return render(
        request,
        "surveys/duplicate_form.html",
        {"network": viewer.network, "survey": survey, "form": form},
    )


@login_required
@require_POST
def survey_open(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    try:
        services.open_survey(survey=survey, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Le sondage est ouvert aux réponses."))
    return redirect(survey.get_absolute_url())


@login_required
@require_POST
def survey_close(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    try:
        services.close_survey(survey=survey, actor=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Le sondage est fermé."))
    return redirect(survey.get_absolute_url())


# --- Sections ---------------------------------------------------------------------


def _editable(request, network, pk):
    viewer, survey = _managed(request, network, pk)
    require(perms.can_edit_questions(viewer, survey))
    return viewer, survey


def _section_page(request, viewer, survey, form, heading):
    return render(
        request,
        "surveys/section_form.html",
        {
            "network": viewer.network,
            "survey": survey,
            "form": form,
            "heading": heading,
        },
    )


@login_required
def section_create(request, network, pk):
    viewer, survey = _editable(request, network, pk)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        section = _call(
            form, lambda: services.create_section(survey=survey, **form.cleaned_data)
        )
        if section is not None:
            messages.success(request, _("La section est ajoutée."))
            return redirect(f"{survey.get_absolute_url()}#section-{section.pk}")
    return _section_page(request, viewer, survey, form, _("Nouvelle section"))


@login_required
def section_edit(request, network, pk, section):
    viewer, survey = _editable(request, network, pk)
    section = selectors.section_in(survey, section)
    form = SectionForm(
        request.POST or None,
        initial={"title": section.title, "description": section.description},
    )
    if request.method == "POST" and form.is_valid():
        saved = _call(
            form,
            lambda: services.update_section(section=section, **form.cleaned_data),
        )
        if saved is not None:
            messages.success(request, _("La section est enregistrée."))
            return redirect(f"{survey.get_absolute_url()}#section-{section.pk}")
    return _section_page(request, viewer, survey, form, _("Modifier la section"))


@login_required
def section_delete(request, network, pk, section):
    viewer, survey = _editable(request, network, pk)
    section = selectors.section_in(survey, section)
    if request.method == "POST":
        services.delete_section(section=section)
        messages.success(request, _("La section est supprimée."))
        return redirect(survey.get_absolute_url())
    count = section.questions.count()
    return render(
        request,
        "surveys/confirm_delete.html",
        {
            "network": viewer.network,
            "survey": survey,
            "heading": _("Supprimer la section"),
            "question": _("Supprimer la section « %(title)s » ?")
            % {"title": section.title},
            "question_count": count,
            "is_section": True,
        },
    )


# --- Questions --------------------------------------------------------------------


def _question_page(request, viewer, survey, section, form, heading):
    return render(
        request,
        "surveys/question_form.html",
        {
            "network": viewer.network,
            "survey": survey,
            "section": section,
            "form": form,
            "heading": heading,
        },
    )


@login_required
def question_create(request, network, pk, section):
    viewer, survey = _editable(request, network, pk)
    section = selectors.section_in(survey, section)
    form = QuestionForm(
        request.POST or None,
        candidates=services.condition_candidates(survey, section=section),
    )
    if request.method == "POST" and form.is_valid():
        question = _call(
            form,
            lambda: services.create_question(section=section, **form.service_fields()),
        )
        if question is not None:
            messages.success(request, _("La question est ajoutée."))
            return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")
    return _question_page(
        request, viewer, survey, section, form, _("Nouvelle question")
    )


@login_required
def question_edit(request, network, pk, question):
    viewer, survey = _editable(request, network, pk)
    question = selectors.question_in(survey, question)
    form = QuestionForm(
        request.POST or None,
        question=question,
        candidates=services.condition_candidates(
            survey, section=question.section, question=question
        ),
    )
    if request.method == "POST" and form.is_valid():
        saved = _call(
            form,
            lambda: services.update_question(
                question=question, **form.service_fields()
            ),
        )
        if saved is not None:
            messages.success(request, _("La question est enregistrée."))
            return redirect(f"{survey.get_absolute_url()}#question-{question.pk}")
    return _question_page(
        request, viewer, survey, question.section, form, _("Modifier la question")
    )


@login_required
def question_delete(request, network, pk, question):
    viewer, survey = _editable(request, network, pk)
    question = selectors.question_in(survey, question)
    if request.method == "POST":
        services.delete_question(question=question)
        messages.success(request, _("La question est supprimée."))
        return redirect(survey.get_absolute_url())
    return render(
        request,
        "surveys/confirm_delete.html",
        {
            "network": viewer.network,
            "survey": survey,
            "heading": _("Supprimer la question"),
            "question": _("Supprimer la question « %(text)s » ?")
            % {"text": question.text},
            "dependent_count": question.dependents.count(),
            "is_section": False,
        },
    )
