"""Reads of surveys shared by several views; visibility decided here."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from entraide.networks.models import Network
from entraide.surveys import permissions as perms
from entraide.surveys.models import Question, Section, Survey, SurveyStatus


def viewer_in(request, network_slug: str) -> perms.Viewer:
    """Anyone: a public survey is answered without a membership."""
    network = Network.objects.filter(slug=network_slug).first()
    if network is None:
        raise Http404
    return perms.viewer_for(request.user, network)


def managed_surveys(viewer: perms.Viewer) -> QuerySet[Survey]:
    """Surveys the viewer builds: all of the network's for its leads, their
    communities' for facilitators."""
    if not viewer.is_member:
        return Survey.objects.none()
    surveys = Survey.objects.filter(network=viewer.network)
    if not viewer.leads:
        surveys = surveys.filter(community__in=viewer.facilitated())
    return surveys.select_related("community").annotate(
        response_count=Count(
            "responses", filter=Q(responses__submitted_on__isnull=False)
        )
    )


def open_surveys_for(viewer: perms.Viewer) -> list[Survey]:
    """Open surveys that ask this person (for « Sondages à remplir »)."""
    if not viewer.is_member:
        return []
    candidates = (
        Survey.objects.filter(network=viewer.network, status=SurveyStatus.OPEN)
        .filter(Q(community__isnull=True) | Q(community__in=list(viewer.roles)))
        .select_related("community")
        .prefetch_related("audience_subregions")
    )
    return [s for s in candidates if perms.can_answer(viewer, s)]


def survey_for(viewer: perms.Viewer, pk: int) -> Survey:
    """A survey the viewer manages, or 404 (missing or not yours)."""
    survey = (
        Survey.objects.filter(network=viewer.network, pk=pk)
        .select_related("community", "network")
        .first()
    )
    if survey is None or not perms.can_manage_survey(viewer, survey):
        raise Http404
    return survey


def survey_to_answer(viewer: perms.Viewer, pk: int) -> Survey:
    """A survey the viewer is asked to answer, or 404."""
    survey = (
        Survey.objects.filter(network=viewer.network, pk=pk)
        .select_related("community", "network")
        .prefetch_related("audience_subregions")
        .first()
    )
    if survey is None or not (
        perms.in_audience(viewer, survey) or perms.can_manage_survey(viewer, survey)
    ):
        raise Http404
    return survey


def survey_by_token(token: str) -> Survey:
    survey = (
        Survey.objects.filter(public_token=token, audience="public")
        .select_related("network", "community")
        .first()
    )
    if survey is None or survey.status == SurveyStatus.DRAFT:
        raise Http404
    return survey


def survey_tree(survey: Survey) -> list[Section]:
    """Sections with their questions in order, in two queries."""
    questions = Question.objects.order_by("position", "pk")
    sections = list(
        Section.objects.filter(survey=survey).prefetch_related(
            Prefetch("questions", queryset=questions)
        )
    )
    for section in sections:
        section.survey = survey
        for question in section.questions.all():
            question.survey = survey
    return sections


def section_in(survey: Survey, pk: int) -> Section:
    """One section of the survey, or 404."""
    section = Section.objects.filter(survey=survey, pk=pk).first()
    if section is None:
        raise Http404
    section.survey = survey
    return section


def question_in(survey: Survey, pk: int) -> Question:
    question = (
        Question.objects.filter(survey=survey, pk=pk).select_related("section").first()
    )
    if question is None:
        raise Http404
    question.survey = survey
    question.section.survey = survey
    return question
