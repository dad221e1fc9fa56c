"""A network whose pedagogy community is surveyed, and its people.

- ``lead``: the network's project lead;
- ``facilitator``: facilitates the pedagogy community « Pédagogie »;
- ``leads_a`` (3) and ``leads_b`` (3): pedagogy leads in the community, in sub-region
  A and B, with their organisation (a CPE);
- ``educator``: an educator in the community, sub-region A;
- ``network_member``: in the network, not in the community;
- ``outsider``: admin of another network.

``survey`` is ``factories.make_survey`` for the community, in preparation.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.networks.models import Membership, Organisation
from entraide.surveys.tests.factories import make_survey


@dataclass
class Surveys:
    network: object
    other_network: object
    subregion_a: object
    subregion_b: object
    community: object
    lead: object
    facilitator: object
    leads_a: list
    leads_b: list
    educator: object
    network_member: object
    outsider: object
    survey: object


@pytest.fixture
def surveys(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    subregion_a, subregion_b = network.subregions.order_by("name")
    community = Community.objects.create(
        network=network,
        slug="pedagogie",
        name="Communauté de pratique Pédagogie",
        kind="practice",
        visibility="network",
        join_policy="open",
    )
    cpe = {
        sub.pk: Organisation.objects.create(
            network=network, name=f"CPE {sub.name}", kind="cpe", subregion=sub
        )
        for sub in (subregion_a, subregion_b)
    }

    def person(
        key,
        first,
        last,
        *,
        subregion=None,
        job_role="",
        role="member",
        in_community=None,
    ):
        user = make_member(
            network,
            f"{key}@mcq.example",
            role=role,
            first_name=first,
            last_name=last,
            job_role=job_role,
        )
        if subregion is not None:
            Membership.objects.filter(user=user, network=network).update(
                subregion=subregion, organisation=cpe[subregion.pk]
            )
        if in_community:
            CommunityMembership.objects.create(
                community=community, user=user, role=in_community
            )
        return user

    lead = person("lead", "Nathalie", "Hébert", role="project_lead")
    facilitator = person(
        "facilitator",
        "Anne",
        "Côté",
        subregion=subregion_a,
        job_role="pedagogy_lead",
        in_community="facilitator",
    )
    leads_a = [
        person(
            f"cp-a{i}",
            f"Conseillère{i}",
            "Avenir",
            subregion=subregion_a,
            job_role="pedagogy_lead",
            in_community="member",
        )
        for i in range(3)
    ]
    leads_b = [
        person(
            f"cp-b{i}",
            f"Conseillère{i}",
            "Bois",
            subregion=subregion_b,
            job_role="pedagogy_lead",
            in_community="member",
        )
        for i in range(3)
    ]
    educator = person(
        "educator",
        "Julie",
        "Tremblay",
        subregion=subregion_a,
        job_role="educator",
        in_community="member",
    )
    network_member = person("network-member", "Sophie", "Bouchard")
    outsider = make_member(other, "admin@autre.example", role="admin")
    survey = make_survey(network, community=community, created_by=facilitator)
    return Surveys(
        network=network,
        other_network=other,
        subregion_a=subregion_a,
        subregion_b=subregion_b,
        community=community,
        lead=lead,
        facilitator=facilitator,
        leads_a=leads_a,
        leads_b=leads_b,
        educator=educator,
        network_member=network_member,
        outsider=outsider,
        survey=survey,
    )


@pytest.fixture
def open_survey(surveys):
    """``surveys.survey`` open for two weeks."""
    survey = surveys.survey
    survey.status = "open"
    survey.closes_at = timezone.now() + timedelta(days=14)
    survey.save()
    return survey
