"""A members-only community with a member, a facilitator, a peer and an outsider."""

from dataclasses import dataclass

import pytest

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network


@dataclass
class Place:
    network: object
    community: object
    educator: object
    peer: object
    facilitator: object
    outsider: object
    manager: object
    foreign_admin: object

    def kwargs(self, **extra) -> dict:
        return {
            "network": self.network.slug,
            "community": self.community.slug,
            **extra,
        }


@pytest.fixture
def place(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    community = Community.objects.create(
        network=network,
        slug="pedagogie",
        name="Pédagogie",
        visibility="members",
        join_policy="request",
    )
    people = {}
    for key, first, last in (
        ("educator", "Julie", "Tremblay"),
        ("peer", "Élise", "Gagnon"),
        ("facilitator", "Marc", "Côté"),
        ("outsider", "Nadia", "Roy"),
    ):
        people[key] = make_member(
            network, f"{key}@mcq.example", first_name=first, last_name=last
        )
    manager = make_member(network, "lead@mcq.example", role="project_lead")
    foreign_admin = make_member(other, "admin@autre.example", role="admin")
    for key, role in (
        ("educator", "member"),
        ("peer", "member"),
        ("facilitator", "facilitator"),
    ):
        CommunityMembership.objects.create(
            community=community, user=people[key], role=role
        )
    return Place(
        network, community, manager=manager, foreign_admin=foreign_admin, **people
    )
