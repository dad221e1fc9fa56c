"""A network with a food-service community building tools, and its people.

- ``facilitator``: facilitates the food-service community « Alimentation »;
- ``author`` and ``co_author``: members of that community;
- ``member``: another member of the community (comments, suggests);
- ``partner``: an observer/partner of the community;
- ``network_member``: in the network, not in the community;
- ``lead``: the network's project lead;
- ``outsider``: admin of another network.
"""

from dataclasses import dataclass

import pytest

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.practices.models import PracticeTheme

THEMES = (
    "Alimentation",
    "Routines et transitions",
    "Communication avec les familles",
    "Jeu extérieur",
)


@dataclass
class Library:
    network: object
    other_network: object
    community: object
    other_community: object
    themes: list
    facilitator: object
    author: object
    co_author: object
    member: object
    partner: object
    network_member: object
    lead: object
    outsider: object


@pytest.fixture
def library(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    themes = [
        PracticeTheme.objects.create(network=network, name=name, position=i)
        for i, name in enumerate(THEMES)
    ]
    community = Community.objects.create(
        network=network,
        slug="alimentation",
        name="Responsables de l'alimentation",
        kind="practice",
        visibility="network",
        join_policy="request",
    )
    other_community = Community.objects.create(
        network=network,
        slug="pedagogie",
        name="Conseillères pédagogiques",
        kind="practice",
        visibility="members",
        join_policy="request",
    )

    def person(key, first, last, role="member", in_community=None):
        user = make_member(
            network, f"{key}@mcq.example", first_name=first, last_name=last
        )
        if in_community:
            CommunityMembership.objects.create(
                community=community, user=user, role=in_community
            )
        return user

    facilitator = person("facilitator", "Anne", "Côté", in_community="facilitator")
    author = person("author", "Julie", "Tremblay", in_community="member")
    co_author = person("co-author", "Marc", "Pelletier", in_community="member")
    member = person("member", "Élise", "Gagnon", in_community="member")
    partner = person("partner", "Hélène", "Roy", in_community="observer")
    network_member = person("network-member", "Sophie", "Bouchard")
    lead = make_member(
        network,
        "lead@mcq.example",
        role="project_lead",
        first_name="Nathalie",
        last_name="Lavoie",
    )
    outsider = make_member(other, "admin@autre.example", role="admin")
    return Library(
        network=network,
        other_network=other,
        community=community,
        other_community=other_community,
        themes=themes,
        facilitator=facilitator,
        author=author,
        co_author=co_author,
        member=member,
        partner=partner,
        network_member=network_member,
        lead=lead,
        outsider=outsider,
    )
