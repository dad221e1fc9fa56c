"""Who may build, answer and read the results of a survey.

A ``Viewer`` is a person as seen from one network (two queries): their membership and
their role in each community there.

- Project leads and network admins build any survey of the network; facilitators build
  the surveys of the communities they facilitate.
- Those who build a survey see its results; results never name anyone in an anonymous
  survey, and groups under five are not shown there.
- A person may answer an open survey when they are in its audience: the community's
  members (or the network's) narrowed by job roles, sub-regions and organisation
  types; anyone, signed in or not, with a public survey's link.
"""

from dataclasses import dataclass, field

from entraide.communities.models import FACILITATING_ROLES, CommunityMembership
from entraide.networks.models import MANAGING_ROLES, Membership
from entraide.surveys.models import Audience, Survey, SurveyStatus


@dataclass(frozen=True)
class Viewer:
    user: object
    network: object
    membership: Membership | None
    roles: dict = field(default_factory=dict)

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def leads(self) -> bool:
        return self.membership is not None and self.membership.role in MANAGING_ROLES

    def facilitates(self, community_id) -> bool:
        return self.is_member and self.roles.get(community_id) in FACILITATING_ROLES

    def facilitated(self) -> list:
        return [pk for pk, role in self.roles.items() if role in FACILITATING_ROLES]


def viewer_for(user, network) -> Viewer:
    if user is None or not user.is_authenticated:
        return Viewer(user=None, network=network, membership=None)
    membership = (
        Membership.objects.filter(user=user, network=network)
        .select_related("organisation")
        .first()
    )
    if membership is None:
        return Viewer(user=user, network=network, membership=None)
    rows = CommunityMembership.objects.filter(
        user=user, community__network=network, community__archived_at__isnull=True
    ).values_list("community_id", "role")
    return Viewer(user=user, network=network, membership=membership, roles=dict(rows))


def can_create_survey(viewer: Viewer) -> bool:
    return viewer.leads or bool(viewer.facilitated())


def can_manage_survey(viewer: Viewer, survey: Survey) -> bool:
    """Build, open, close, duplicate, read results."""
    if survey.network_id != viewer.network.pk or not viewer.is_member:
        return False
    return viewer.leads or (
        survey.community_id is not None and viewer.facilitates(survey.community_id)
    )


def can_edit_questions(viewer: Viewer, survey: Survey) -> bool:
    """Questions change only before anyone answers: while in preparation."""
    return can_manage_survey(viewer, survey) and survey.status == SurveyStatus.DRAFT


def in_audience(viewer: Viewer, survey: Survey, subregion_ids=None) -> bool:
    """Whether the survey asks this person. ``subregion_ids`` is the survey's
    audience sub-regions (prefetched), to spare a query."""
    if survey.audience == Audience.PUBLIC:
        return True
    if not viewer.is_member or survey.network_id != viewer.network.pk:
        return False
    if (
        survey.audience == Audience.COMMUNITY
        and survey.community_id not in viewer.roles
    ):
        return False
    membership = viewer.membership
    if (
        survey.audience_job_roles
        and viewer.user.job_role not in survey.audience_job_roles
    ):
        return False
    if subregion_ids is None:
        subregion_ids = [s.pk for s in survey.audience_subregions.all()]
    if subregion_ids and membership.subregion_id not in subregion_ids:
        return False
    if survey.audience_organisation_kinds:
        kind = membership.organisation.kind if membership.organisation_id else None
        if kind not in survey.audience_organisation_kinds:
            return False
    return True


def can_answer(viewer: Viewer, survey: Survey, subregion_ids=None) -> bool:
    return survey.is_accepting() and in_audience(viewer, survey, subregion_ids)
