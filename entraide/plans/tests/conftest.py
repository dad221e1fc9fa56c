"""A network with a plan under way, the committees and the people who follow it.

- ``lead``: the network's project lead (builds the plan);
- ``management``: the network's management (reads the dashboard);
- ``rep_a`` and ``rep_b``: regional committee representatives holding today's seat
  for sub-region A and B;
- ``facilitator``: facilitates the pedagogy community, in charge of ``action``;
- ``responsible``: a member named in charge of ``action``;
- ``member``: a plain member of the network;
- ``outsider``: admin of another network.

``plan`` (active, 2026-07-01 to 2028-06-30) holds one mandate, one objective, one
target, one action (months, Sept. 2026 to May 2027) and one computed indicator
(sessions held by the pedagogy community, 3 to 4).
"""

import datetime
from dataclasses import dataclass

import pytest

from entraide.communities.models import Community, CommunityMembership, Seat, SeatTerm
from entraide.core.testing import make_member, make_network
from entraide.plans.tests.factories import make_plan


@dataclass
class Plans:
    network: object
    other_network: object
    subregion_a: object
    subregion_b: object
    pedagogy: object
    regional_committee: object
    lead: object
    management: object
    rep_a: object
    rep_b: object
    facilitator: object
    responsible: object
    member: object
    outsider: object
    plan: object
    mandate: object
    objective: object
    target: object
    action: object
    indicator: object


def seat(committee, subregion, holder, number=1):
    place = Seat.objects.create(community=committee, subregion=subregion, number=number)
    today = datetime.date.today()
    SeatTerm.objects.create(
        seat=place,
        holder=holder,
        starts_on=today - datetime.timedelta(days=365),
        ends_on=today + datetime.timedelta(days=365),
    )
    return place


@pytest.fixture
def plans(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    subregion_a, subregion_b = network.subregions.order_by("name")
    pedagogy = Community.objects.create(
        network=network,
        slug="pedagogie",
        name="Communauté de pratique Pédagogie",
        kind="practice",
        visibility="network",
        join_policy="open",
    )
    committee = Community.objects.create(
        network=network,
        slug="comite-regional",
        name="Comité régional",
        kind="regional_committee",
        visibility="members",
        join_policy="invitation",
        seats_per_subregion=2,
    )

    def person(key, first, last, role="member", **fields):
        return make_member(
            network,
            f"{key}@mcq.example",
            role=role,
            first_name=first,
            last_name=last,
            **fields,
        )

    lead = person("lead", "Nathalie", "Hébert", role="project_lead")
    management = person("direction", "Claire", "Dubois", role="management")
    rep_a = person("rep-a", "Sylvie", "Lemieux")
    rep_b = person("rep-b", "Karine", "Bélanger")
    for rep, subregion in ((rep_a, subregion_a), (rep_b, subregion_b)):
        CommunityMembership.objects.create(community=committee, user=rep, role="member")
        seat(committee, subregion, rep)
    facilitator = person("facilitator", "Anne", "Côté")
    CommunityMembership.objects.create(
        community=pedagogy, user=facilitator, role="facilitator"
    )
    responsible = person("responsible", "Julie", "Tremblay")
    member = person("member", "Élise", "Gagnon")
    outsider = make_member(other, "admin@autre.example", role="admin")
    built = make_plan(network, created_by=lead, community=pedagogy)
    built["action"].responsible_people.add(responsible)
    built["action"].responsible_communities.add(pedagogy)
    return Plans(
        network=network,
        other_network=other,
        subregion_a=subregion_a,
        subregion_b=subregion_b,
        pedagogy=pedagogy,
        regional_committee=committee,
        lead=lead,
        management=management,
        rep_a=rep_a,
        rep_b=rep_b,
        facilitator=facilitator,
        responsible=responsible,
        member=member,
        outsider=outsider,
        **built,
    )
