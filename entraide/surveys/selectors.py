"""Reads of surveys shared by several views; visibility decided here."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from entraide.communities.models import CommunityMembership
from entraide.networks.models import Membership, Network
from entraide.surveys import permissions as perms
from entraide.surveys.models import (
    Audience,
    Invitation,
    Mailing,
    MailingKind,
    Participation,
    Question,
    Section,
    Survey,
    SurveyStatus,
)


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


def audience_people(survey: Survey) -> QuerySet:
    """The active people a (non-public) survey asks, as one query.

    The same rule as ``permissions.in_audience``: the network's (or the community's)
    members, narrowed by job roles, sub-regions and organisation types.
    """
    User = get_user_model()
    if survey.audience == Audience.PUBLIC:
        return User.objects.none()
    memberships = Membership.objects.filter(
        network_id=survey.network_id, user=OuterRef("pk")
    )
    # No sub-region named means every sub-region: still the same one query.
    subregions = Survey.audience_subregions.through.objects.filter(
        survey_id=survey.pk
    ).values("subregion_id")
    memberships = memberships.filter(Q(subregion__in=subregions) | ~Exists(subregions))
    if survey.audience_organisation_kinds:
        memberships = memberships.filter(
            organisation__kind__in=survey.audience_organisation_kinds
        )
    people = User.objects.filter(is_active=True).filter(Exists(memberships))
    if survey.audience == Audience.COMMUNITY:
        people = people.filter(
            Exists(
                CommunityMembership.objects.filter(
                    community_id=survey.community_id,
                    community__archived_at__isnull=True,
                    user=OuterRef("pk"),
                )
            )
        )
    if survey.audience_job_roles:
        people = people.filter(job_role__in=survey.audience_job_roles)
    return people


def answered(survey: Survey) -> Exists:
    return Exists(Participation.objects.filter(survey=survey, user=OuterRef("pk")))


def mailing_recipients(survey: Survey, kind: str) -> QuerySet:
    """Who a new mailing of this kind would reach: invitations go to those of the
    audience never invited yet; reminders to those who have not answered. Nobody
    who has answered gets either."""
    people = audience_people(survey).exclude(answered(survey))
    if kind == MailingKind.INVITATION:
        people = people.exclude(
            Exists(
                Invitation.objects.filter(
                    mailing__survey=survey,
                    mailing__kind=MailingKind.INVITATION,
                    user=OuterRef("pk"),
                )
            )
        )
    return people


def response_rate(survey: Survey) -> dict:
    """Asked, answered and the rate (percent), in two queries; for a public
    survey only the number of responses."""
    responses = survey.responses.filter(submitted_on__isnull=False).count()
    if survey.audience == Audience.PUBLIC:
        return {"public": True, "responses": responses}
    counts = audience_people(survey).aggregate(
        asked=Count("pk"), answered=Count("pk", filter=Q(answered(survey)))
    )
    asked, done = counts["asked"], counts["answered"]
    return {
        "public": False,
        "responses": responses,
        "asked": asked,
        "answered": done,
        "waiting": asked - done,
        "percent": round(100 * done / asked) if asked else None,
    }


def mailings_with_counts(survey: Survey) -> list[Mailing]:
    """The survey's mailings, newest first, each with how many people it reaches
    and where their emails stand, in two queries."""
    from entraide.notifications.models import DeliveryStatus

    mailings = list(survey.mailings.select_related("created_by"))
    rows = (
        Invitation.objects.filter(mailing__survey=survey)
        .values_list("mailing_id", "notification__email_delivery__status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {}
    for mailing_id, status, count in rows:
        counts.setdefault(mailing_id, {})[status] = count
    for mailing in mailings:
        by_status = counts.get(mailing.pk, {})
        mailing.people = sum(by_status.values())
        mailing.sent = by_status.get(DeliveryStatus.SENT, 0)
        mailing.failed = by_status.get(DeliveryStatus.FAILED, 0)
        mailing.no_email = by_status.get(None, 0)
        mailing.waiting = (
            mailing.people - mailing.sent - mailing.failed - mailing.no_email
        )
    return mailings
