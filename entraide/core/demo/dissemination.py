"""Demo public sites: each network's about and contact texts and a few news posts,
one of them published this month (the month's communiqué picks it up) and one
still a draft.

Deterministic and idempotent: a post is found again by (network, slug), the texts
by network; rows are written directly, not through the services. Dates are set
relative to the day the demo is loaded, in the network's time zone.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from entraide.core.timezones import zone
from entraide.dissemination.models import NewsPost, NewsStatus, PublicSite
from entraide.networks.models import Membership, Network, NetworkRole


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    summary: str
    body: str
    # None: this month; a number: that many days before the demo is loaded;
    # "draft": not published.
    when: object


SITES = {
    "mcq": {
        "description": "Le réseau des services de garde éducatifs de la Mauricie et "
        "du Centre-du-Québec : communautés de pratique, pratiques reconnues et "
        "outils bâtis ensemble.",
        "about": "## Notre mission\n\n"
        "Le Réseau Mauricie–Centre-du-Québec rassemble les CPE, les bureaux "
        "coordonnateurs de la garde en milieu familial et leurs partenaires pour "
        "**soutenir la qualité éducative** auprès des tout-petits.\n\n"
        "## Ce que nous faisons\n\n"
        "- des communautés de pratique qui se rencontrent chaque mois en ligne;\n"
        "- la recension des bonnes pratiques, revues par le comité régional et le "
        "comité scientifique;\n"
        "- des outils co-construits, libres d'utilisation.\n",
        "contact": "**Réseau Mauricie–Centre-du-Québec**  \n"
        "1500, rue Royale, bureau 200  \n"
        "Trois-Rivières (Québec) G9A 4J9\n\n"
        "Du lundi au vendredi, de 8 h 30 à 16 h 30.",
        "contact_email": "info@mcq.demo.entraide.ca",
    },
    "pancanadien": {
        "description": "Le réseau pancanadien des intervenantes et intervenants "
        "francophones de la petite enfance, de St. John's à Vancouver.",
        "about": "## Qui sommes-nous?\n\n"
        "Le Réseau pancanadien francophone de la petite enfance relie les "
        "services éducatifs en français **dans toutes les provinces et tous les "
        "territoires**. Ses communautés de pratique se rencontrent en ligne, à "
        "l'heure de chacun.\n",
        "contact": "Écrivez-nous : nous répondons en français ou en anglais sous "
        "deux jours ouvrables.",
        "contact_email": "bonjour@pancanadien.demo.entraide.ca",
    },
}

POSTS = {
    "mcq": [
        Post(
            "colloque-regional-inscriptions-ouvertes",
            "Colloque régional : les inscriptions sont ouvertes",
            "Une journée pour partager nos pratiques, le 14 mai à Trois-Rivières.",
            "Le **colloque régional** aura lieu le 14 mai à Trois-Rivières. Au "
            "programme : ateliers sur l'éveil à la lecture, la motricité libre et "
            "l'accueil des familles nouvellement arrivées.\n\n"
            "Les places sont limitées : inscrivez votre équipe avant le 15 avril.",
            None,
        ),
        Post(
            "cinq-nouvelles-pratiques-publiees",
            "Cinq nouvelles pratiques publiées",
            "Le comité scientifique a évalué cinq fiches de pratiques cet automne.",
            "Cinq pratiques recensées dans nos sous-régions sont maintenant "
            "publiques, dont *la collation préparée par les enfants* et *le "
            "coin calme au retour du dîner*. Merci aux équipes qui les ont "
            "documentées!",
            35,
        ),
        Post(
            "bienvenue-aux-responsables-en-milieu-familial",
            "Bienvenue aux responsables en milieu familial",
            "Une nouvelle communauté de pratique pour les RSG de la région.",
            "Les responsables d'un service de garde en milieu familial ont "
            "maintenant leur propre communauté de pratique. Première rencontre "
            "virtuelle : un mardi soir par mois, à 19 h.",
            70,
        ),
        Post(
            "bilan-de-lannee",
            "Bilan de l'année (brouillon)",
            "",
            "À compléter avec les chiffres de participation.",
            "draft",
        ),
    ],
    "pancanadien": [
        Post(
            "rencontre-nationale-en-ligne",
            "Rencontre nationale en ligne",
            "Une rencontre à une heure qui convient de Terre-Neuve au Pacifique.",
            "Notre rencontre nationale se tient en ligne ce mois-ci, à 13 h "
            "(heure du Pacifique), soit 17 h 30 à St. John's. **Tout le monde est "
            "bienvenu.**",
            None,
        ),
        Post(
            "trousse-daccueil-des-familles",
            "Une trousse d'accueil des familles",
            "Un outil bilingue co-construit par trois provinces.",
            "La trousse d'accueil des familles est maintenant publiée dans la "
            "boîte à outils. Elle existe en français et en anglais.",
            40,
        ),
    ],
}


def _published_at(network: Network, when, now):
    if when is None:
        local = timezone.localtime(now, zone(network.time_zone))
        month_start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        return month_start + (local - month_start) / 2
    return now - timedelta(days=when)


def _author(network: Network):
    membership = (
        Membership.objects.filter(network=network, role=NetworkRole.PROJECT_LEAD)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    return membership.user if membership else None


def _load_network(network: Network, now) -> int:
    texts = SITES.get(network.slug)
    if texts is not None:
        PublicSite.objects.get_or_create(network=network, defaults=texts)
    have = set(NewsPost.objects.filter(network=network).values_list("slug", flat=True))
    author = _author(network)
    for post in POSTS.get(network.slug, []):
        if post.slug in have:
            continue
        draft = post.when == "draft"
        NewsPost.objects.create(
            network=network,
            slug=post.slug,
            title=post.title,
            summary=post.summary,
            body=post.body,
            author=author,
            status=NewsStatus.DRAFT if draft else NewsStatus.PUBLISHED,
            published_at=None if draft else _published_at(network, post.when, now),
        )
    return NewsPost.objects.filter(
        network=network, slug__in=[p.slug for p in POSTS.get(network.slug, [])]
    ).count()


def load_demo_dissemination(network_slugs) -> int:
    """Returns how many demo news posts exist in these networks."""
    now = timezone.now()
    total = 0
    for network in Network.objects.filter(slug__in=list(network_slugs)).order_by("pk"):
        with transaction.atomic():
            total += _load_network(network, now)
    return total
