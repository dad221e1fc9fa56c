"""Three networks, their people and a small French corpus of everything that can
be found, written directly (no service, no mail) and then indexed.

- network A (``mcq``) and B (``autre``) take part in provincial pooling, C
  (``seul``) does not;
- in A: ``member`` (plain member), ``lead`` (project lead), ``ped`` and ``ped2``
  (members of the members-only community « Pédagogie »), ``gestion`` (member of
  the network-wide « Gestion »); ``admin_b`` is B's admin, ``admin_c`` C's.
"""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.utils import timezone

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.discussions.models import Thread
from entraide.library.tests.factories import make_tool
from entraide.meetings.models import Session
from entraide.practices.tests.access_browse import published_sheet
from entraide.search.selectors import searcher_for
from entraide.search.services import rebuild


@dataclass
class Corpus:
    a: object
    b: object
    c: object
    people: dict
    pedagogie: object
    gestion: object
    objects: dict = field(default_factory=dict)

    def searcher(self, key, network=None):
        user = self.people.get(key) if key else None
        return searcher_for(user, network or self.a)


def community(network, slug, name, visibility, **fields):
    return Community.objects.create(
        network=network,
        slug=slug,
        name=name,
        visibility=visibility,
        join_policy="open",
        **fields,
    )


def thread(community_, author, title, body):
    return Thread.objects.create(
        community=community_,
        author=author,
        kind="question",
        title=title,
        body=body,
        last_activity_at=timezone.now(),
    )


def session(community_, title, description=""):
    return Session.objects.create(
        community=community_,
        title=title,
        description=description,
        starts_at=timezone.now() + timedelta(days=10),
    )


@pytest.fixture
def corpus(db):
    a = make_network("mcq")
    b = make_network("autre", "Réseau Autre")
    c = make_network("seul", "Réseau Seul")
    for network in (a, b):
        network.shares_provincial_pooling = True
        network.save()
    people = {
        "member": make_member(a, "membre@a.example", first_name="Mireille"),
        "lead": make_member(a, "lead@a.example", role="project_lead"),
        "ped": make_member(a, "ped@a.example", first_name="Paule", last_name="Lavoie"),
        "ped2": make_member(
            a,
            "ped2@a.example",
            first_name="Josée",
            last_name="Tremblay",
            job_role="educator",
        ),
        "gestion": make_member(
            a,
            "gestion@a.example",
            first_name="Gaston",
            last_name="Bélanger",
            profile_visibility="network",
        ),
        "admin_b": make_member(b, "admin@b.example", role="admin"),
        "admin_c": make_member(c, "admin@c.example", role="admin"),
    }
    pedagogie = community(
        a,
        "pedagogie",
        "Pédagogie et jeu",
        "members",
        mandate="Échanger sur les pratiques éducatives des éducatrices.",
    )
    gestion = community(
        a, "gestion", "Gestion des installations", "network", mandate="Gouvernance."
    )
    for key, target in (("ped", pedagogie), ("ped2", pedagogie), ("gestion", gestion)):
        CommunityMembership.objects.create(
            community=target, user=people[key], role="member"
        )
    corpus = Corpus(a, b, c, people, pedagogie, gestion)
    objects = corpus.objects
    objects["secret_thread"] = thread(
        pedagogie,
        people["ped"],
        "Morsures à la pouponnière",
        "Comment réagir quand un tout-petit mord ses amis ?",
    )
    objects["network_thread"] = thread(
        gestion,
        people["gestion"],
        "Recrutement d'éducatrices qualifiées",
        "Quelles pratiques pour retenir le personnel éducateur ?",
    )
    objects["session"] = session(
        pedagogie, "Rencontre sur les morsures", "Suivi des pratiques éducatives."
    )
    objects["practice_title"] = published_sheet(
        a,
        "Le jeu extérieur en hiver",
        scope="network",
        summary="Sortir tous les jours avec les enfants.",
    )
    objects["practice_body"] = published_sheet(
        a,
        "Routines du matin",
        scope="public",
        summary="Accueillir les familles ; un court jeu extérieur avant la collation.",
    )
    objects["practice_educatrices"] = published_sheet(
        a,
        "Soutenir les éducatrices débutantes",
        scope="network",
        summary="Un mentorat entre éducatrices expérimentées et nouvelles.",
    )
    objects["practice_draft"] = published_sheet(
        a, "Brouillon sur les morsures", state="draft"
    )
    objects["b_network"] = published_sheet(
        b, "Alimentation saine réseau B", scope="network"
    )
    objects["b_pooled"] = published_sheet(
        b, "Alimentation mise en commun", scope="provincial"
    )
    objects["b_public"] = published_sheet(b, "Alimentation publique", scope="public")
    objects["c_public"] = published_sheet(c, "Alimentation du réseau seul")
    objects["tool_public"] = make_tool(
        a,
        "Grille d'observation du jeu",
        status="published",
        scope="public",
        body="Observer les pratiques de jeu libre.",
    )
    objects["tool_community"] = make_tool(
        a,
        "Gabarit de menu de la pouponnière",
        community=pedagogie,
        status="published",
        scope="community",
    )
    objects["tool_draft"] = make_tool(a, "Gabarit de menu en cours")
    rebuild()
    return corpus
