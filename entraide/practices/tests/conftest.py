"""A network with its committees, zones and themes, and the people of a sheet's life.

- ``author``: an educator of sub-region A; ``peer``: another member;
- ``rep``: a regional committee representative of sub-region A; ``rep_b``: one of B;
- ``evaluator`` and ``evaluator2``: members of the scientific committee;
- ``lead``: the network's project lead; ``outsider``: admin of another network.
"""

from dataclasses import dataclass

import pytest

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.practices.models import (
    Criterion,
    EvaluationGrid,
    InterventionZone,
    PracticeTheme,
)


@dataclass
class Inventory:
    network: object
    other_network: object
    subregion: object
    subregion_b: object
    zones: list
    themes: list
    regional_committee: object
    scientific_committee: object
    grid: object
    author: object
    peer: object
    rep: object
    rep_b: object
    evaluator: object
    evaluator2: object
    lead: object
    outsider: object


ZONES = (
    "Pratiques éducatives",
    "Relations avec les familles",
    "Gestion et gouvernance",
    "Santé et bien-être",
)
THEMES = (
    "Routines et transitions",
    "Jeu extérieur",
    "Inclusion",
    "Communication avec les familles",
    "Alimentation",
    "Rétention du personnel",
)
CRITERIA = (
    "Pertinence",
    "Transférabilité",
    "Preuves d'effet",
    "Cohérence avec le programme éducatif",
)


@pytest.fixture
def inventory(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    sub_a, sub_b = list(network.subregions.order_by("name"))
    zones = [
        InterventionZone.objects.create(network=network, name=name, position=i)
        for i, name in enumerate(ZONES)
    ]
    themes = [
        PracticeTheme.objects.create(network=network, name=name, position=i)
        for i, name in enumerate(THEMES)
    ]
    grid = EvaluationGrid.objects.create(
        network=network, low_label="Faible", high_label="Excellent"
    )
    for i, name in enumerate(CRITERIA):
        Criterion.objects.create(grid=grid, name=name, position=i)
    regional = Community.objects.create(
        network=network,
        slug="comite-regional",
        name="Comité régional Odyssée",
        kind="regional_committee",
        visibility="members",
        join_policy="invitation",
        seats_per_subregion=2,
    )
    scientific = Community.objects.create(
        network=network,
        slug="comite-scientifique",
        name="Comité scientifique",
        kind="scientific_committee",
        visibility="members",
        join_policy="invitation",
    )

    def person(key, first, last):
        return make_member(
            network, f"{key}@mcq.example", first_name=first, last_name=last
        )

    author = person("author", "Julie", "Tremblay")
    peer = person("peer", "Élise", "Gagnon")
    rep = person("rep", "Sylvie", "Lemieux")
    rep_b = person("rep-b", "Marie", "Dubé")
    evaluator = person("evaluator", "Louis", "Bergeron")
    evaluator2 = person("evaluator2", "Chantal", "Ouellet")
    lead = make_member(
        network, "lead@mcq.example", role="project_lead", first_name="Nathalie"
    )
    outsider = make_member(other, "admin@autre.example", role="admin")
    placed = ((author, sub_a), (peer, sub_b), (rep, sub_a), (rep_b, sub_b))
    for user, subregion in placed:
        user.memberships.filter(network=network).update(subregion=subregion)
    for user in (rep, rep_b):
        CommunityMembership.objects.create(community=regional, user=user)
    for user in (evaluator, evaluator2):
        CommunityMembership.objects.create(community=scientific, user=user)
    return Inventory(
        network=network,
        other_network=other,
        subregion=sub_a,
        subregion_b=sub_b,
        zones=zones,
        themes=themes,
        regional_committee=regional,
        scientific_committee=scientific,
        grid=grid,
        author=author,
        peer=peer,
        rep=rep,
        rep_b=rep_b,
        evaluator=evaluator,
        evaluator2=evaluator2,
        lead=lead,
        outsider=outsider,
    )
