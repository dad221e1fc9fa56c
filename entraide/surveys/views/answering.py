"""Answering a survey, signed in or through its public link.

One section per page (``?section=N``): each page is saved as it is left (in the
person's named ``Response``, or in the session for anonymous surveys and visitors);
« Envoyer » on the last page sends it all. A manager previewing a survey (in
preparation, or one that does not ask them) moves through the pages with nothing
saved.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from entraide.core.markdown import render_markdown
from entraide.surveys import permissions as perms
from entraide.surveys import selectors
from entraide.surveys.conditions import displayed_in_section
from entraide.surveys.forms.answering import SectionAnswerForm
from entraide.surveys.models import Participation, Response, SurveyStatus
from entraide.surveys.services import answering as services


@login_required
@require_safe
def to_answer(request, network):
    viewer = selectors.viewer_in(request, network)
    if not viewer.is_member:
        raise Http404
    surveys = selectors.open_surveys_for(viewer)
    pks = [s.pk for s in surveys]
    answered = set(
        Participation.objects.filter(user=request.user, survey__in=pks).values_list(
            "survey_id", flat=True
        )
    )
    started = set(
        Response.objects.filter(
            respondent=request.user, survey__in=pks, submitted_at__isnull=True
        ).values_list("survey_id", flat=True)
    )
    for survey in surveys:
        if survey.pk in answered:
            survey.answer_state = "answered"
        elif survey.pk in started or request.session.get(services.draft_key(survey)):
            survey.answer_state = "started"
        else:
            survey.answer_state = "todo"
    return render(
        request,
        "surveys/to_answer.html",
        {"network": viewer.network, "surveys": surveys},
    )


def _member_survey(request, network, pk):
    viewer = selectors.viewer_in(request, network)
    survey = selectors.survey_to_answer(viewer, pk)
    manages = perms.can_manage_survey(viewer, survey)
    if survey.status == SurveyStatus.DRAFT and not manages:
        raise Http404
    return viewer, survey, manages


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, network, pk):
    viewer, survey, manages = _member_survey(request, network, pk)
    preview = manages and (
        survey.status == SurveyStatus.DRAFT or not perms.in_audience(viewer, survey)
    )
    return _answer(
        request,
        viewer,
        survey,
        preview=preview,
        here=reverse("surveys:answer", kwargs={"network": network, "pk": pk}),
        thanks=reverse("surveys:thanks", kwargs={"network": network, "pk": pk}),
    )


@require_http_methods(["GET", "POST"])
def public_answer(request, network, token):
    survey = selectors.survey_by_token(token)
    if survey.network.slug != network:
        raise Http404
    viewer = perms.viewer_for(request.user, survey.network)
    kwargs = {"network": network, "token": token}
    return _answer(
        request,
        viewer,
        survey,
        preview=False,
        here=reverse("surveys:public_answer", kwargs=kwargs),
        thanks=reverse("surveys:public_thanks", kwargs=kwargs),
    )


def _closed(request, survey, reason):
    return render(
        request,
        "surveys/closed.html",
        {"network": survey.network, "survey": survey, "reason": reason},
    )


def _answer(request, viewer, survey, *, preview, here, thanks):
    user = request.user if request.user.is_authenticated else None
    session = request.session
    if not preview:
        if not survey.is_accepting():
            reason = "not_yet" if _not_yet(survey) else "closed"
            return _closed(request, survey, reason)
        if services.has_answered(
            survey=survey, user=user, session=session
        ) and not services.can_edit_sent(survey=survey, user=user):
            return _closed(request, survey, "answered")
    sections = selectors.survey_tree(survey)
    questions = [q for s in sections for q in s.questions.all()]
    answers = (
        {}
        if preview
        else services.read_answers(survey=survey, user=user, session=session)
    )
    pages = [
        (
            section,
            displayed_in_section(list(section.questions.all()), questions, answers),
        )
        for section in sections
    ]
    pages = [(s, qs) for s, qs in pages if qs] or pages[:1]
    if not pages:
        return _closed(request, survey, "empty")
    number = _page_number(request, len(pages))
    section, shown = pages[number - 1]
    last = number == len(pages)
    action = request.POST.get("action", "next")
    if request.method == "POST":
        form = SectionAnswerForm(
            request.POST,
            questions=shown,
            all_questions=questions,
            answers=answers,
            check_required=action != "previous",
        )
        if form.is_valid():
            if not preview:
                services.save_section(
                    survey=survey, user=user, session=session, values=form.values
                )
            if action == "previous":
                return redirect(f"{here}?section={max(number - 1, 1)}")
            if not last:
                return redirect(f"{here}?section={number + 1}")
            if preview:
                messages.info(request, _("Aperçu terminé : rien n'a été enregistré."))
                return redirect(f"{here}?section=1")
            return _send(request, viewer, survey, sections, questions, here, thanks)
    else:
        form = SectionAnswerForm(
            questions=shown, all_questions=questions, answers=answers
        )
    return render(
        request,
        "surveys/answer.html",
        {
            "network": survey.network,
            "survey": survey,
            "section": section,
            "blocks": form.blocks(),
            "form": form,
            "number": number,
            "total": len(pages),
            "first": number == 1,
            "last": last,
            "preview": preview,
            "here": here,
            "welcome": render_markdown(survey.welcome) if number == 1 else "",
            "editing": not preview
            and services.has_answered(survey=survey, user=user, session=session),
        },
    )


def _not_yet(survey) -> bool:
    return bool(
        survey.status == SurveyStatus.OPEN
        and survey.opens_at
        and timezone.now() < survey.opens_at
    )


def _page_number(request, total: int) -> int:
    try:
        number = int(request.GET.get("section", 1))
    except (TypeError, ValueError):
        number = 1
    return min(max(number, 1), total)


def _send(request, viewer, survey, sections, questions, here, thanks):
    user = request.user if request.user.is_authenticated else None
    answers = services.read_answers(survey=survey, user=user, session=request.session)
    missing = services.missing_required(questions, answers)
    if missing:
        page = _page_of(sections, questions, answers, missing[0])
        messages.error(
            request, _("Répondez aux questions obligatoires avant d'envoyer.")
        )
        return redirect(f"{here}?section={page}")
    try:
        services.send_response(
            survey=survey,
            questions=questions,
            user=user,
            membership=viewer.membership,
            session=request.session,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(here)
    return redirect(thanks)


def _page_of(sections, questions, answers, question) -> int:
    pages = [
        displayed_in_section(list(s.questions.all()), questions, answers)
        for s in sections
    ]
    pages = [qs for qs in pages if qs]
    for number, shown in enumerate(pages, start=1):
        if question in shown:
            return number
    return 1


@login_required
@require_safe
def thanks(request, network, pk):
    _viewer, survey, _manages = _member_survey(request, network, pk)
    return _thanks(request, survey)


@require_safe
def public_thanks(request, network, token):
    survey = selectors.survey_by_token(token)
    if survey.network.slug != network:
        raise Http404
    return _thanks(request, survey)


def _thanks(request, survey):
    return render(
        request,
        "surveys/thanks.html",
        {
            "network": survey.network,
            "survey": survey,
            "thank_you": render_markdown(survey.thank_you),
        },
    )
