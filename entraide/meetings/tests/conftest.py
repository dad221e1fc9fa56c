"""A members-only community with a facilitator, educators and an outsider."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.meetings import services


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

    def session(self, **fields):
        fields.setdefault("title", "Les routines du matin")
        fields.setdefault("starts_at", timezone.now() + timedelta(days=7))
        fields.setdefault("duration_minutes", 90)
        return services.create_session(
            community=self.community, actor=self.facilitator, **fields
        )


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
        network=network,
        community=community,
        manager=manager,
        foreign_admin=foreign_admin,
        **people,
    )
