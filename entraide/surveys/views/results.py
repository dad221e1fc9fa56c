"""A survey's results, cross-tabulation, CSV and themes."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from entraide.core.shortcuts import csv_response, show_service_errors, spreadsheet_cell
from entraide.meetings.models import FIRST_YEAR, LAST_YEAR
from entraide.practices.pdf import pdf_response, render_pdf
from entraide.surveys import analysis, charts, selectors
from entraide.surveys.forms.results import ThemesForm
from entraide.surveys.models import OTHER, Question, QuestionKind
from entraide.surveys.services import themes as theme_services


def _survey(request, network, pk):
    viewer = selectors.viewer_in(request, network)
    return viewer, selectors.survey_for(viewer, pk)


def _questions(survey):
    questions = []
    for section in selectors.survey_tree(survey):
        for question in section.questions.all():
            question.section_title = section.title
            questions.append(question)
    return questions


def _with_chart(result):
    question = result.question
    chart_id = f"q{question.pk}"
    if question.kind == QuestionKind.RANKING:
        result.chart = charts.bar_chart(
            result.rows,
            title=_("Score de classement par choix : %(question)s")
            % {"question": question.text},
            chart_id=chart_id,
        )
    elif result.rows:
        result.chart = charts.bar_chart(
            result.rows,
            title=_("Nombre de réponses par choix : %(question)s")
            % {"question": question.text},
            chart_id=chart_id,
        )
    else:
        result.chart = None
    return result


def _summary(survey, questions, answers) -> dict:
    """What the results page and its PDF both show above the questions."""
    sent = analysis.sent_responses(survey).count()
    audience = analysis.audience_size(survey)
    return {
        "sent": sent,
        "audience": audience,
        "rate": round(100 * sent / audience) if audience else None,
        "results": [
            _with_chart(r) for r in analysis.question_results(questions, answers)
        ],
        "min_group": analysis.MIN_GROUP,
        "other_key": OTHER,
    }


@login_required
@require_safe
def results(request, network, pk):
    viewer, survey = _survey(request, network, pk)
    questions = _questions(survey)
    answers = list(analysis.sent_answers(survey))
    by = request.GET.get("croiser", "")
    crosstab = None
    if by in analysis.CROSSINGS:
        crosstab = analysis.crosstab(survey, questions, answers, by)
    else:
        by = ""
    ranking_ids = [
        q.pk
        for q in questions
        if q.kind == QuestionKind.RANKING and survey.community_id
    ]
    return render(
        request,
        "surveys/results.html",
        {
            "network": viewer.network,
            "survey": survey,
            **_summary(survey, questions, answers),
            "crosstab": crosstab,
            "by": by,
            "ranking_ids": ranking_ids,
        },
    )


@login_required
@require_safe
def results_pdf(request, network, pk):
    """The results as a printable summary: each question's chart and its table."""
    viewer, survey = _survey(request, network, pk)
    questions = _questions(survey)
    answers = list(analysis.sent_answers(survey))
    context = {
        "network": viewer.network,
        "survey": survey,
        **_summary(survey, questions, answers),
        "printed_at": timezone.now(),
    }
    content = render_pdf("surveys/results_pdf.html", context, request=request)
    return pdf_response(content, f"sondage-{survey.pk}-resultats.pdf", inline=False)


def _cell(question, value, other_text) -> str:
    if value in (None, "", []):
        return ""
    if question.kind == QuestionKind.SINGLE:
        if isinstance(value, dict):
            return _("Autre : %(text)s") % {"text": value.get("other", "")}
        return str(value)
    if question.kind in (QuestionKind.MULTIPLE, QuestionKind.RANKING):
        if not isinstance(value, list):
            return str(value)
        labels = [
            (_("Autre : %(text)s") % {"text": other_text}) if v == OTHER else str(v)
            for v in value
        ]
        return (" > " if question.kind == QuestionKind.RANKING else "; ").join(labels)
    return str(value)


@login_required
@require_safe
def results_csv(request, network, pk):
    viewer, survey = _survey(request, network, pk)
    questions = _questions(survey)
    responses = (
        analysis.sent_responses(survey)
        .prefetch_related("answers")
        .order_by("submitted_on", "pk")
    )
    if not survey.is_anonymous:
        responses = responses.select_related("respondent")
    response = csv_response(f"sondage-{survey.pk}-resultats.csv")
    writer = csv.writer(response)
    header = [_("Réponse")]
    if not survey.is_anonymous:
        header.append(_("Personne"))
    header.append(_("Envoyée le"))
    header += [q.text for q in questions]
    writer.writerow([spreadsheet_cell(h) for h in header])
    for number, item in enumerate(responses, start=1):
        answers = {a.question_id: a for a in item.answers.all()}
        row = [str(number)]
        if not survey.is_anonymous:
            person = item.respondent
            row.append(person.get_full_name() if person else "")
        row.append(item.submitted_on.isoformat() if item.submitted_on else "")
        for question in questions:
            answer = answers.get(question.pk)
            row.append(
                _cell(question, answer.value, answer.other_text) if answer else ""
            )
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def themes_from_ranking(request, network, pk, question):
    viewer, survey = _survey(request, network, pk)
    question = (
        Question.objects.filter(survey=survey, pk=question, kind=QuestionKind.RANKING)
        .select_related("survey")
        .first()
    )
    if question is None:
        raise Http404
    if survey.community_id is None:
        raise PermissionDenied
    community = survey.community
    community.network = viewer.network
    default = theme_services.next_season(community)
    seasons = [
        s for s in (default - 1, default, default + 1) if FIRST_YEAR <= s < LAST_YEAR
    ]
    options = max(len(question.options or []), 1)
    form = ThemesForm(
        request.POST if request.method == "POST" else None,
        seasons=seasons,
        options=options,
        initial={"season": default, "count": options},
    )
    if request.method == "POST" and form.is_valid():
        season = form.cleaned_data["season"]
        try:
            created = theme_services.create_themes_from_ranking(
                survey=survey,
                question=question,
                season=season,
                count=form.cleaned_data["count"],
                actor=request.user,
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            label = f"{season}–{season + 1}"
            if created:
                messages.success(
                    request,
                    ngettext(
                        "%(count)s thème créé pour %(season)s.",
                        "%(count)s thèmes créés pour %(season)s.",
                        len(created),
                    )
                    % {"count": len(created), "season": label},
                )
            else:
                messages.info(
                    request,
                    _("Ces thèmes existaient déjà pour %(season)s.")
                    % {"season": label},
                )
            return redirect(
                reverse(
                    "meetings:programme_season",
                    kwargs={
                        "network": viewer.network.slug,
                        "community": community.slug,
                        "season": season,
                    },
                )
            )
    titles = theme_services.ranked_titles(question)
    return render(
        request,
        "surveys/themes_form.html",
        {
            "network": viewer.network,
            "survey": survey,
            "question": question,
            "community": community,
            "titles": titles,
            "form": form,
        },
    )
