"""Demo discussion threads in the demo communities: deterministic, idempotent, fast.

Threads are found again by (community, title), so a second run changes nothing.
Rows are written directly, not through the services: demo data sends no
notification and no mail. Without communities (or members), nothing happens.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.db import transaction

from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityMembership,
)
from entraide.discussions.models import Follow, HelpfulMark, Reply, Thread

START = datetime(2026, 9, 8, 14, 0, tzinfo=UTC)  # this season's "rentrée"


@dataclass(frozen=True)
class DemoThread:
    kind: str
    title: str
    body: str
    replies: tuple[str, ...] = ()


PEDAGOGY = (
    DemoThread(
        "question",
        "Routine du matin : comment accueillir les enfants qui pleurent au départ ?",
        "Depuis la rentrée, trois enfants de mon groupe des 18 mois pleurent "
        "longtemps au départ du parent. Quelles routines d'accueil fonctionnent "
        "chez vous?",
        (
            "Nous avons une **chanson d'accueil** et un tableau de photos des "
            "familles à hauteur d'enfant. Ça aide beaucoup.",
            "Proposez au parent un rituel court et toujours le même : un câlin, "
            "un signe par la fenêtre, puis on part.",
        ),
    ),
    DemoThread(
        "question",
        "Transitions entre les activités : vos astuces?",
        "Le rangement avant le dîner devient chaotique. Comment annoncez-vous les "
        "transitions aux 3-4 ans?",
        (
            "Un minuteur visuel et une comptine de rangement : les enfants savent "
            "ce qui s'en vient.",
        ),
    ),
    DemoThread(
        "sharing",
        "Jeu extérieur en hiver : notre parcours de neige",
        "Nous avons construit un parcours moteur dans la neige avec des pelles, "
        "des cerceaux et des seaux colorés. Les enfants adorent!\n\n"
        "- 20 minutes d'habillage\n- 45 minutes de jeu\n- chocolat chaud au retour",
        ("Merci du partage, on l'essaie la semaine prochaine.",),
    ),
    DemoThread(
        "announcement",
        "Prochaine rencontre : les transitions, le 15 octobre",
        "La prochaine rencontre virtuelle porte sur les transitions. Apportez une "
        "situation vécue à partager!",
    ),
)
FOOD = (
    DemoThread(
        "question",
        "Planification des menus : intégrer les légumineuses",
        "Comment présentez-vous les légumineuses aux tout-petits sans qu'elles "
        "reviennent intactes dans l'assiette?",
        (
            "Les boulettes de lentilles et le houmous en trempette sont très "
            "populaires chez nous.",
            "Cuisiner avec les enfants une fois par semaine change tout.",
        ),
    ),
    DemoThread(
        "sharing",
        "Notre cycle de menus de quatre semaines",
        "Je partage notre cycle de menus d'automne, conforme au Guide alimentaire.",
    ),
)
MANAGEMENT = (
    DemoThread(
        "question",
        "Rétention du personnel qualifié : qu'est-ce qui fonctionne?",
        "Nous avons perdu quatre éducatrices qualifiées cette année. Quelles "
        "mesures ont aidé à retenir votre personnel?",
        (
            "L'horaire stable et une journée pédagogique payée par trimestre ont "
            "fait une vraie différence.",
            "Le mentorat des nouvelles par une éducatrice d'expérience.",
        ),
    ),
    DemoThread(
        "announcement",
        "Formation sur la gestion des horaires",
        "Une formation gratuite sur la gestion des horaires est offerte en "
        "novembre. Inscriptions auprès de la chargée de projet.",
    ),
)


def _threads_for(community) -> tuple[DemoThread, ...]:
    text = f"{community.slug} {community.name}".lower()
    if "aliment" in text or "nutrition" in text:
        return FOOD
    if "gestion" in text or "gouvernance" in text or "direction" in text:
        return MANAGEMENT
    return PEDAGOGY


def load_demo_discussions(network_slugs) -> int:
    """Put demo threads in each community with members of these networks.

    Returns how many demo threads exist there; 0 when there are no communities yet.
    """
    total = 0
    communities = Community.objects.filter(network__slug__in=list(network_slugs))
    for community in communities.order_by("pk"):
        members = list(
            CommunityMembership.objects.filter(community=community)
            .select_related("user")
            .order_by("pk")
        )
        if len(members) < 2:
            continue
        with transaction.atomic():
            total += _load_community(community, members)
    return total


def _load_community(community, members) -> int:
    people = [m.user for m in members]
    facilitator = next(
        (m.user for m in members if m.role in FACILITATING_ROLES), people[0]
    )
    specs = _threads_for(community)
    existing = {
        t.title: t
        for t in Thread.objects.filter(
            community=community, title__in=[s.title for s in specs]
        )
    }
    for index, spec in enumerate(specs):
        if spec.title in existing:
            continue
        when = START + timedelta(days=3 * index, hours=index)
        author = (
            facilitator
            if spec.kind == "announcement"
            else people[(index + 1) % len(people)]
        )
        thread = Thread.objects.create(
            community=community,
            author=author,
            kind=spec.kind,
            title=spec.title,
            body=spec.body,
            last_activity_at=when,
            is_pinned=spec.kind == "announcement",
        )
        Follow.objects.get_or_create(thread=thread, user=author)
        last = when
        for number, body in enumerate(spec.replies):
            replier = people[(index + number + 2) % len(people)]
            if replier == author:
                replier = people[(index + number + 3) % len(people)]
            reply = Reply.objects.create(thread=thread, author=replier, body=body)
            last = when + timedelta(hours=5 * (number + 1))
            Reply.objects.filter(pk=reply.pk).update(created_at=last)
            Follow.objects.get_or_create(thread=thread, user=replier)
            if number == 0 and replier != author:
                HelpfulMark.objects.get_or_create(reply=reply, user=author)
                Reply.objects.filter(pk=reply.pk).update(helpful_count=1)
        Thread.objects.filter(pk=thread.pk).update(
            created_at=when, last_activity_at=last, reply_count=len(spec.replies)
        )
    return len(specs)
