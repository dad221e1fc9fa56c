"""Demo tools and reference dossiers of the 2026 season.

Deterministic, idempotent and fast: tools are found again by (network, title of
their first version) and dossiers by (network, title); rows are written directly,
not through the services, so the demo sends no notification. About eighty tools
over the communities of both demo networks, at every status, with versions,
comments, suggestions, uses, a few small real files (a PDF, a PNG) and links to the
demo practice sheets; three dossiers.
"""

import random
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation

from entraide.communities.models import (
    FACILITATING_ROLES,
    CommunityKind,
    CommunityMembership,
)
from entraide.library.models import (
    CommentKind,
    Dossier,
    DossierItem,
    DossierItemKind,
    DossierScope,
    Licence,
    SuggestionStatus,
    Tool,
    ToolComment,
    ToolKind,
    ToolLanguage,
    ToolScope,
    ToolStatus,
    ToolTransition,
    ToolUse,
    ToolVersion,
)
from entraide.library.search import tool_search_text
from entraide.networks.models import Membership, Network, NetworkRole
from entraide.practices.models import AgeGroup, PracticeSheet, PracticeTheme

SEED = 2026
SEASON_START = datetime(2026, 1, 19, 15, 0, tzinfo=UTC)


@dataclass(frozen=True)
class ToolSpec:
    community: str  # slug; "" for the network's own tool (a project lead's)
    kind: str
    title: str
    theme: str
    description: str
    audience: tuple = ()
    age: str = ""
    language: str = ToolLanguage.FRENCH


K = ToolKind
E, M, F, P = "educator", "manager", "food_service_lead", "pedagogy_lead"

MCQ_TOOLS = (
    ToolSpec(
        "alimentation",
        K.TEMPLATE,
        "Gabarit de menu sur quatre semaines",
        "Alimentation",
        "Un gabarit pour planifier les dîners et les collations d'un mois, avec "
        "les groupes alimentaires et les allergies en un coup d'œil.",
        (F,),
    ),
    ToolSpec(
        "alimentation",
        K.TEMPLATE,
        "Menu d'hiver des poupons",
        "Alimentation",
        "Des purées et des textures adaptées aux poupons, semaine par semaine.",
        (F, E),
        AgeGroup.INFANTS,
    ),
    ToolSpec(
        "alimentation",
        K.CHECKLIST,
        "Aide-mémoire des allergies alimentaires",
        "Alimentation",
        "Les allergènes à surveiller, les étiquettes à lire et les gestes en cas "
        "de réaction.",
        (F, E, M),
    ),
    ToolSpec(
        "alimentation",
        K.POSTER,
        "Affiche du lavage des mains avant le repas",
        "Alimentation",
        "Six étapes illustrées, à la hauteur des enfants, près de l'évier.",
        (),
        AgeGroup.PRESCHOOL,
    ),
    ToolSpec(
        "alimentation",
        K.GUIDE,
        "Guide des collations nutritives à petit budget",
        "Alimentation",
        "Des idées de collations simples, économiques et appréciées des enfants.",
        (F,),
    ),
    ToolSpec(
        "alimentation",
        K.TRAINING,
        "Atelier : la néophobie alimentaire chez les trottineurs",
        "Alimentation",
        "Une présentation d'une heure pour l'équipe sur le refus des nouveaux "
        "aliments et les bonnes réponses à y donner.",
        (E, F),
        AgeGroup.TODDLERS,
    ),
    ToolSpec(
        "alimentation",
        K.TEMPLATE,
        "Fiche de commande hebdomadaire aux fournisseurs",
        "Alimentation",
        "Un tableau pour commander fruits, légumes et produits laitiers chaque "
        "semaine sans rien oublier.",
        (F, M),
    ),
    ToolSpec(
        "alimentation",
        K.VIDEO,
        "Vidéo : cuisiner avec les enfants de quatre ans",
        "Alimentation",
        "Huit minutes filmées dans un CPE de Drummondville : préparer une salade "
        "de fruits en petit groupe.",
        (E,),
        AgeGroup.PRESCHOOL,
    ),
    ToolSpec(
        "alimentation",
        K.CHECKLIST,
        "Liste de vérification de la salubrité en cuisine",
        "Alimentation",
        "Températures, entreposage et nettoyage : la tournée quotidienne.",
        (F,),
    ),
    ToolSpec(
        "pedagogie",
        K.OBSERVATION_GRID,
        "Grille d'observation du jeu extérieur",
        "Jeu extérieur",
        "Observer le jeu libre dehors : motricité, prise de risque, interactions.",
        (E, P),
    ),
    ToolSpec(
        "pedagogie",
        K.OBSERVATION_GRID,
        "Grille d'observation des transitions",
        "Routines et transitions",
        "Repérer les moments où l'attente pèse sur les enfants et ce qui aide.",
        (E, P),
    ),
    ToolSpec(
        "pedagogie",
        K.CHECKLIST,
        "Liste d'accueil d'une nouvelle éducatrice",
        "Rétention du personnel",
        "Tout ce qu'il faut prévoir pour la première semaine d'une nouvelle "
        "personne : visite, mentor, dossiers des enfants, routines.",
        (M, P),
    ),
    ToolSpec(
        "pedagogie",
        K.GUIDE,
        "Guide de communication avec les familles",
        "Communication avec les familles",
        "Le mot du jour, l'entretien annuel, les sujets délicats : des façons de "
        "dire et des exemples.",
        (E,),
    ),
    ToolSpec(
        "pedagogie",
        K.GUIDE,
        "Guide d'inclusion des enfants ayant des besoins particuliers",
        "Inclusion",
        "Adapter l'environnement, travailler avec les professionnels et soutenir "
        "la famille.",
        (E, P, M),
    ),
    ToolSpec(
        "pedagogie",
        K.POSTER,
        "Affiche des émotions en pictogrammes",
        "Inclusion",
        "Douze émotions illustrées pour aider les enfants à nommer ce qu'ils vivent.",
        (E,),
        AgeGroup.TODDLERS,
    ),
    ToolSpec(
        "pedagogie",
        K.TEMPLATE,
        "Gabarit de portrait périodique de l'enfant",
        "Communication avec les familles",
        "Un modèle de portrait à remplir deux fois par année et à partager avec "
        "les parents.",
        (E,),
        AgeGroup.PRESCHOOL,
    ),
    ToolSpec(
        "pedagogie",
        K.TRAINING,
        "Formation : l'intervention démocratique au quotidien",
        "Routines et transitions",
        "Trois modules courts avec des mises en situation pour l'équipe.",
        (E, P),
    ),
    ToolSpec(
        "pedagogie",
        K.CHECKLIST,
        "Aide-mémoire de la sortie au parc",
        "Jeu extérieur",
        "Le sac de sortie, les ratios, le trajet sécuritaire et le retour au calme.",
        (E,),
    ),
    ToolSpec(
        "pedagogie",
        K.OBSERVATION_GRID,
        "Grille d'observation du langage chez les trottineurs",
        "Inclusion",
        "Les repères du développement du langage de 18 mois à 3 ans.",
        (E, P),
        AgeGroup.TODDLERS,
    ),
    ToolSpec(
        "pedagogie",
        K.TEMPLATE,
        "Horaire illustré de la journée",
        "Routines et transitions",
        "Des cartes à imprimer pour afficher la journée à hauteur d'enfant.",
        (E,),
        AgeGroup.PRESCHOOL,
    ),
    ToolSpec(
        "pedagogie",
        K.GUIDE,
        "Guide d'aménagement d'une cour naturelle",
        "Jeu extérieur",
        "Des idées d'aménagement avec des matériaux naturels et peu coûteux.",
        (M, E),
    ),
    ToolSpec(
        "pedagogie",
        K.VIDEO,
        "Vidéo : la sieste en douceur",
        "Routines et transitions",
        "Une éducatrice montre sa routine de sieste avec des poupons.",
        (E,),
        AgeGroup.INFANTS,
    ),
    ToolSpec(
        "gestion-et-gouvernance",
        K.TEMPLATE,
        "Gabarit d'entrevue d'embauche",
        "Rétention du personnel",
        "Des questions d'entrevue ouvertes et une grille d'appréciation commune.",
        (M,),
    ),
    ToolSpec(
        "gestion-et-gouvernance",
        K.CHECKLIST,
        "Liste de l'intégration en emploi sur 90 jours",
        "Rétention du personnel",
        "Les rencontres de suivi, la formation et le jumelage des premiers mois.",
        (M,),
    ),
    ToolSpec(
        "gestion-et-gouvernance",
        K.GUIDE,
        "Guide de reconnaissance du personnel éducateur",
        "Rétention du personnel",
        "Des gestes simples de reconnaissance, au quotidien et une fois l'an.",
        (M,),
    ),
    ToolSpec(
        "gestion-et-gouvernance",
        K.TEMPLATE,
        "Gabarit du rapport annuel au conseil d'administration",
        "Rétention du personnel",
        "Une structure de rapport annuel claire pour le conseil et les familles.",
        (M,),
    ),
    ToolSpec(
        "gestion-et-gouvernance",
        K.TRAINING,
        "Atelier : mener un entretien de départ",
        "Rétention du personnel",
        "Comprendre pourquoi les personnes partent et en tirer des leçons.",
        (M,),
    ),
    ToolSpec(
        "directions-generales",
        K.GUIDE,
        "Guide de la planification budgétaire d'un CPE",
        "Rétention du personnel",
        "Les postes budgétaires, le calendrier et les pièges à éviter.",
        (M,),
    ),
    ToolSpec(
        "directions-generales",
        K.TEMPLATE,
        "Gabarit de politique d'accueil des familles",
        "Communication avec les familles",
        "Une politique d'accueil à adapter : première visite, intégration, "
        "communication.",
        (M,),
    ),
    ToolSpec(
        "directions-generales",
        K.CHECKLIST,
        "Aide-mémoire de la gestion d'une éclosion",
        "Alimentation",
        "Qui aviser, quoi désinfecter et comment informer les familles.",
        (M, F),
    ),
    ToolSpec(
        "bureaux-coordonnateurs",
        K.GUIDE,
        "Guide de démarrage d'un service de garde en milieu familial",
        "Inclusion",
        "Les étapes de la reconnaissance, l'aménagement et les premiers contrats.",
        ("home_provider",),
    ),
    ToolSpec(
        "bureaux-coordonnateurs",
        K.CHECKLIST,
        "Liste de vérification de la sécurité à domicile",
        "Jeu extérieur",
        "La tournée de sécurité d'un milieu familial, pièce par pièce.",
        ("home_provider",),
    ),
    ToolSpec(
        "bureaux-coordonnateurs",
        K.TEMPLATE,
        "Gabarit d'entente de services avec les parents",
        "Communication avec les familles",
        "Une entente claire : horaires, absences, repas, départs.",
        ("home_provider",),
    ),
    ToolSpec(
        "bureaux-coordonnateurs",
        K.OBSERVATION_GRID,
        "Grille d'observation en groupe multiâge",
        "Inclusion",
        "Observer les interactions entre petits et grands en milieu familial.",
        ("home_provider", E),
        AgeGroup.ALL,
    ),
    ToolSpec(
        "",
        K.GUIDE,
        "Guide de l'accueil d'un nouvel enfant",
        "Communication avec les familles",
        "L'intégration progressive, le premier entretien et le doudou de la maison.",
        (E, M),
    ),
    ToolSpec(
        "",
        K.POSTER,
        "Affiche : bienvenue aux familles",
        "Communication avec les familles",
        "Une affiche multilingue pour l'entrée du service de garde.",
        (),
        AgeGroup.ALL,
        ToolLanguage.BOTH,
    ),
    ToolSpec(
        "",
        K.OTHER,
        "Calendrier des journées thématiques 2026",
        "Routines et transitions",
        "Les journées à souligner avec les enfants, mois par mois.",
        (E,),
    ),
)

PAN_CANADIAN_TOOLS = (
    ToolSpec(
        "cap-educatrices",
        K.TEMPLATE,
        "Gabarit de planification d'activités en français",
        "Inclusion",
        "Planifier des activités qui font vivre le français aux enfants de "
        "familles exogames.",
        (E,),
    ),
    ToolSpec(
        "cap-educatrices",
        K.GUIDE,
        "Guide de la construction identitaire francophone",
        "Inclusion",
        "Chansons, albums et rituels pour ancrer l'identité francophone.",
        (E,),
        AgeGroup.PRESCHOOL,
    ),
    ToolSpec(
        "cap-educatrices",
        K.OBSERVATION_GRID,
        "Grille d'observation de l'acquisition du français",
        "Inclusion",
        "Suivre les premiers mots et phrases en français, sans évaluer l'enfant.",
        (E,),
        AgeGroup.TODDLERS,
    ),
    ToolSpec(
        "cap-educatrices",
        K.POSTER,
        "Affiche des comptines de la journée",
        "Routines et transitions",
        "Une comptine pour chaque transition de la journée.",
        (E,),
    ),
    ToolSpec(
        "cap-educatrices",
        K.VIDEO,
        "Video: welcoming English-speaking parents",
        "Communication avec les familles",
        "How to welcome parents who do not speak French while keeping French "
        "the language of the centre.",
        (E,),
        "",
        ToolLanguage.ENGLISH,
    ),
    ToolSpec(
        "cap-educatrices",
        K.TRAINING,
        "Atelier : animer en milieu minoritaire",
        "Inclusion",
        "Un atelier de deux heures pour les nouvelles éducatrices.",
        (E,),
    ),
    ToolSpec(
        "cap-gestionnaires",
        K.GUIDE,
        "Guide du recrutement de personnel francophone",
        "Rétention du personnel",
        "Où trouver des candidates et des candidats, et comment les garder.",
        (M,),
    ),
    ToolSpec(
        "cap-gestionnaires",
        K.CHECKLIST,
        "Liste du démarrage d'un service de garde francophone",
        "Rétention du personnel",
        "Les étapes du démarrage : besoins, financement, locaux, permis.",
        (M,),
    ),
    ToolSpec(
        "cap-gestionnaires",
        K.TEMPLATE,
        "Gabarit de plan de rétention du personnel",
        "Rétention du personnel",
        "Un plan sur un an : diagnostic, actions, suivi.",
        (M,),
    ),
    ToolSpec(
        "cap-gestionnaires",
        K.TEMPLATE,
        "Staff retention plan template",
        "Rétention du personnel",
        "A one-year plan to keep qualified staff: review, actions, follow-up.",
        (M,),
        "",
        ToolLanguage.ENGLISH,
    ),
)

# MCQ tools also come in a version for each age group: the title says which.
AGE_VARIANTS = (
    (AgeGroup.INFANTS, "poupons"),
    (AgeGroup.TODDLERS, "trottineurs"),
    (AgeGroup.PRESCHOOL, "préscolaires"),
)
VARIANT_OF = (
    "Grille d'observation du jeu extérieur",
    "Grille d'observation des transitions",
    "Aide-mémoire de la sortie au parc",
    "Horaire illustré de la journée",
    "Gabarit de portrait périodique de l'enfant",
    "Affiche du lavage des mains avant le repas",
    "Guide des collations nutritives à petit budget",
    "Affiche des émotions en pictogrammes",
    "Guide de communication avec les familles",
    "Aide-mémoire des allergies alimentaires",
    "Grille d'observation du langage chez les trottineurs",
    "Guide d'aménagement d'une cour naturelle",
    "Guide d'inclusion des enfants ayant des besoins particuliers",
)

# Status of each tool, in turn: most are published.
STATUS_CYCLE = (
    ToolStatus.PUBLISHED,
    ToolStatus.PUBLISHED,
    ToolStatus.IN_PROGRESS,
    ToolStatus.PUBLISHED,
    ToolStatus.VALIDATED,
    ToolStatus.PUBLISHED,
    ToolStatus.PUBLISHED,
    ToolStatus.IN_PROGRESS,
    ToolStatus.PUBLISHED,
    ToolStatus.ARCHIVED,
)
SCOPE_CYCLE = (
    ToolScope.NETWORK,
    ToolScope.PUBLIC,
    ToolScope.NETWORK,
    ToolScope.COMMUNITY,
)
LICENCE_CYCLE = (
    Licence.CC_BY,
    Licence.CC_BY_NC_SA,
    Licence.CC_BY,
    Licence.CC_BY_SA,
    Licence.CC_BY_NC,
    Licence.ALL_RIGHTS,
)
CHANGE_NOTES = (
    "",
    "Ajout d'exemples tirés des milieux de la communauté",
    "Corrections après la séance de co-construction",
    "Mise en page simplifiée et vocabulaire revu",
)
COMMENTS = (
    "Très utile! Nous l'avons essayé avec le groupe des grands.",
    "Pourrait-on ajouter une version à imprimer en noir et blanc?",
    "Merci pour ce travail, c'est clair et facile à adapter.",
)
SUGGESTIONS = (
    "Ajouter une ligne pour les allergies et les intolérances.",
    "Remplacer « parents » par « familles » partout dans le texte.",
    "Prévoir un encadré pour les milieux familiaux.",
)
USE_COMMENTS = (
    "Utilisé à la réunion d'équipe de septembre.",
    "Les enfants ont adoré.",
    "Adapté pour notre groupe multiâge.",
    "",
)

DOSSIERS = {
    "mcq": (
        (
            "Dossier de références : alimentation",
            DossierScope.PUBLIC,
            "Les outils de la communauté des responsables de l'alimentation et les "
            "pratiques retenues par le réseau pour **bien nourrir les enfants** : "
            "planifier les menus, gérer les allergies, cuisiner avec eux.\n\n"
            "Chaque élément est présenté en quelques mots.",
            "Alimentation",
            (
                (
                    "Extenso — le centre de référence sur la nutrition",
                    "https://www.extenso.org/",
                ),
                (
                    "Naître et grandir : l'alimentation des enfants",
                    "https://naitreetgrandir.com/fr/",
                ),
            ),
        ),
        (
            "Accueillir un nouvel enfant",
            DossierScope.NETWORK,
            "L'arrivée d'un enfant se prépare avec sa famille. Ce dossier réunit le "
            "guide d'accueil, des gabarits pour communiquer avec les familles et des "
            "pratiques d'intégration progressive.",
            "Communication avec les familles",
            (
                (
                    "Ministère de la Famille — Accueillir la petite enfance",
                    "https://www.quebec.ca/famille-et-soutien-aux-personnes",
                ),
            ),
        ),
        (
            "Jouer dehors en toute saison",
            DossierScope.NETWORK,
            "Brouillon : des outils pour observer et soutenir le jeu extérieur.",
            "Jeu extérieur",
            (),
        ),
    ),
    "pancanadien": (
        (
            "Vivre en français au service de garde",
            DossierScope.PUBLIC,
            "Des outils des CAP virtuelles pour faire vivre le français aux enfants "
            "en milieu minoritaire.",
            "Inclusion",
            (),
        ),
    ),
}
# The last MCQ dossier stays a draft.
DRAFT_DOSSIERS = {"Jouer dehors en toute saison"}


def tiny_pdf(title: str) -> bytes:
    """A one-page PDF with the title, small but valid (offsets computed)."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 40 780 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length "
        + str(len(stream)).encode()
        + b" >>\nstream\n"
        + stream
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def tiny_png(rgb=(0, 109, 119), size: int = 16) -> bytes:
    """A small solid-colour PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    row = b"\x00" + bytes(rgb) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )


def _body(spec: ToolSpec, title: str, number: int) -> str:
    lower = spec.theme.lower()
    lines = [
        f"# {title}",
        "",
        spec.description,
        "",
        "## Pour qui",
        "",
        "Les équipes des services de garde éducatifs à l'enfance qui veulent "
        f"travailler la question de {lower}.",
        "",
        "## Comment l'utiliser",
        "",
        "1. Lire l'outil en équipe et choisir ce qui convient à votre milieu.",
        "2. L'essayer pendant deux à quatre semaines.",
        "3. Noter ce qui fonctionne et en parler à la prochaine rencontre.",
    ]
    if spec.kind == ToolKind.TEMPLATE:
        lines += [
            "",
            "| Jour | Matin | Midi | Après-midi |",
            "|------|-------|------|------------|",
            "| Lundi | | | |",
            "| Mardi | | | |",
            "| Mercredi | | | |",
        ]
    elif spec.kind in (ToolKind.CHECKLIST, ToolKind.OBSERVATION_GRID):
        lines += [
            "",
            "- [ ] Le matériel est prêt et à la portée des enfants",
            "- [ ] Chaque adulte connaît son rôle",
            "- [ ] Les observations sont notées le jour même",
        ]
    if number > 1:
        lines += [
            "",
            "## Ce qui a changé",
            "",
            "Des exemples des milieux de la communauté ont été ajoutés.",
        ]
    return "\n".join(lines)


def _specs(network_slug: str) -> list[tuple[ToolSpec, str, str]]:
    """(spec, title, age group) of every demo tool of the network."""
    if network_slug == "pancanadien":
        return [(spec, spec.title, spec.age) for spec in PAN_CANADIAN_TOOLS]
    if network_slug != "mcq":
        return []
    found = [(spec, spec.title, spec.age) for spec in MCQ_TOOLS]
    by_title = {spec.title: spec for spec in MCQ_TOOLS}
    for title in VARIANT_OF:
        spec = by_title[title]
        for age, word in AGE_VARIANTS:
            if age != spec.age:
                found.append((spec, f"{title} — version {word}", age))
    return found


def load_demo_library(network_slugs) -> int:
    """Returns how many demo tools exist in these networks."""
    total = 0
    for network in Network.objects.filter(slug__in=list(network_slugs)).order_by("pk"):
        with transaction.atomic(), translation.override("fr"):
            total += _load_network(network)
            _dossiers(network)
    return total


@dataclass
class _People:
    leads: list
    members: list
    by_community: dict  # slug -> (community, [facilitators], [members])


def _people(network) -> _People:
    memberships = list(
        Membership.objects.filter(network=network).select_related("user").order_by("pk")
    )
    leads = [
        m.user
        for m in memberships
        if m.role in (NetworkRole.PROJECT_LEAD, NetworkRole.ADMIN)
    ] or [m.user for m in memberships[:1]]
    by_community = {}
    rows = (
        CommunityMembership.objects.filter(community__network=network)
        .exclude(community__kind__in=(CommunityKind.REGIONAL_COMMITTEE,))
        .select_related("community", "user")
        .order_by("pk")
    )
    for row in rows:
        community, facilitators, members = by_community.setdefault(
            row.community.slug, (row.community, [], [])
        )
        (facilitators if row.role in FACILITATING_ROLES else members).append(row.user)
    return _People(
        leads=leads, members=[m.user for m in memberships], by_community=by_community
    )


def _load_network(network) -> int:
    specs = _specs(network.slug)
    if not specs:
        return Tool.objects.filter(network=network).count()
    rng = random.Random(f"{SEED}-library-{network.slug}")
    people = _people(network)
    if not people.members:
        return 0
    themes = {t.name: t for t in PracticeTheme.objects.filter(network=network)}
    sheets_by_theme = {}
    for sheet in PracticeSheet.objects.filter(
        network=network, published_version__isnull=False
    ).prefetch_related("themes"):
        for theme in sheet.themes.all():
            sheets_by_theme.setdefault(theme.name, []).append(sheet)
    existing = set(
        ToolVersion.objects.filter(tool__network=network, number=1).values_list(
            "title", flat=True
        )
    )
    for index, (spec, title, age) in enumerate(specs):
        if title in existing:
            continue
        _write_tool(
            network, spec, title, age, index, rng, people, themes, sheets_by_theme
        )
    return Tool.objects.filter(network=network).count()


def _write_tool(network, spec, title, age, index, rng, people, themes, sheets_by_theme):
    community, facilitators, members = people.by_community.get(
        spec.community, (None, [], [])
    )
    if community is None:
        facilitators, members = people.leads, people.leads
    facilitators = facilitators or people.leads
    members = members or facilitators
    author = members[index % len(members)]
    status = STATUS_CYCLE[index % len(STATUS_CYCLE)]
    reopened = status == ToolStatus.IN_PROGRESS and index % 4 == 3
    versions_count = 1 + (index % 3)
    start = SEASON_START + timedelta(days=index * 2, hours=index % 5)
    moments = [start + timedelta(days=6 * n) for n in range(versions_count + 3)]
    ever_published = status in (ToolStatus.PUBLISHED, ToolStatus.ARCHIVED) or reopened
    scope = SCOPE_CYCLE[index % len(SCOPE_CYCLE)] if ever_published else ""
    if community is None and scope == ToolScope.COMMUNITY:
        scope = ToolScope.NETWORK
    lead = people.leads[index % len(people.leads)]
    tool = Tool.objects.create(
        network=network,
        community=community,
        created_by=author,
        kind=spec.kind,
        audience_job_roles=list(spec.audience),
        age_group=age,
        language=spec.language,
        licence=LICENCE_CYCLE[index % len(LICENCE_CYCLE)],
        status=status,
        scope=scope,
        download_count=rng.randint(3, 240) if ever_published else 0,
    )
    co_authors = [p for p in members if p.pk != author.pk][: 1 + index % 2]
    tool.co_authors.set(co_authors)
    writers = [author, *co_authors]
    versions = []
    for number in range(1, versions_count + 1):
        version = ToolVersion(
            tool=tool,
            number=number,
            created_by=writers[(number - 1) % len(writers)],
            change_note=CHANGE_NOTES[(number - 1) % len(CHANGE_NOTES)]
            if number > 1
            else "",
            title=title,
            description=spec.description,
            body=_body(spec, title, number),
            video_url=(
                f"https://video.example.org/entraide/{network.slug}-{index}"
                if spec.kind == ToolKind.VIDEO
                else ""
            ),
        )
        if number == 1 and index % 5 == 0:
            _attach(version, spec, title, index)
        elif number > 1 and versions[-1].file:
            previous = versions[-1]
            version.file = previous.file.name
            version.file_name = previous.file_name
            version.file_type = previous.file_type
            version.file_size = previous.file_size
        version.save()
        versions.append(version)
    for version, moment in zip(versions, moments, strict=False):
        ToolVersion.objects.filter(pk=version.pk).update(created_at=moment)
    tool.current_version = versions[-1]
    transitions = []
    after = moments[len(versions)]
    if status != ToolStatus.IN_PROGRESS or reopened:
        transitions.append(
            (facilitators[0], ToolStatus.IN_PROGRESS, ToolStatus.VALIDATED, "", "")
        )
    if ever_published:
        readers_version = (
            versions[-2] if reopened and len(versions) > 1 else versions[-1]
        )
        tool.published_version = readers_version
        tool.published_at = after + timedelta(days=2)
        tool.validated_at = after
        transitions.append(
            (
                lead,
                ToolStatus.VALIDATED,
                ToolStatus.PUBLISHED,
                scope,
                "Publié pour le réseau : merci à la communauté!",
            )
        )
    elif status == ToolStatus.VALIDATED:
        tool.validated_at = after
    if reopened:
        transitions.append(
            (
                facilitators[0],
                ToolStatus.PUBLISHED,
                ToolStatus.IN_PROGRESS,
                "",
                "Une nouvelle version est en préparation.",
            )
        )
    if status == ToolStatus.ARCHIVED:
        transitions.append(
            (
                facilitators[0],
                ToolStatus.PUBLISHED,
                ToolStatus.ARCHIVED,
                "",
                "Remplacé par un outil plus récent.",
            )
        )
    for step, (actor, before, to, step_scope, comment) in enumerate(transitions):
        row = ToolTransition.objects.create(
            tool=tool,
            actor=actor,
            from_status=before,
            to_status=to,
            scope=step_scope,
            comment=comment,
        )
        ToolTransition.objects.filter(pk=row.pk).update(
            created_at=after + timedelta(days=2 * step)
        )
    _conversation(tool, versions, index, members, writers, facilitators, after)
    uses = 0
    if tool.published_version_id:
        readers = [p for p in people.members if p.pk not in {w.pk for w in writers}]
        for person in rng.sample(readers, min(len(readers), index % 5)):
            ToolUse.objects.create(
                tool=tool,
                user=person,
                comment=USE_COMMENTS[uses % len(USE_COMMENTS)],
            )
            uses += 1
    tool.use_count = uses
    tool.themes.set([themes[spec.theme]] if spec.theme in themes else [])
    linked = sheets_by_theme.get(spec.theme, [])[: index % 3]
    tool.practices.set(linked)
    tool.search_text = tool_search_text(tool)
    tool.save()
    Tool.objects.filter(pk=tool.pk).update(created_at=start, updated_at=moments[-1])


def _attach(version, spec, title, index):
    if spec.kind == ToolKind.POSTER:
        content, name, kind = tiny_png(), "affiche.png", "image/png"
    else:
        content, name, kind = tiny_pdf(title), "outil.pdf", "application/pdf"
    version.file.save(name, ContentFile(content), save=False)
    version.file_name = f"{index:02d}-{name}"
    version.file_type = kind
    version.file_size = len(content)


def _conversation(tool, versions, index, members, writers, facilitators, after):
    if index % 3 == 2:
        return
    others = [p for p in members if p.pk not in {w.pk for w in writers}] or members
    ToolComment.objects.create(
        tool=tool,
        author=others[index % len(others)],
        kind=CommentKind.COMMENT,
        body=COMMENTS[index % len(COMMENTS)],
        version=versions[0],
    )
    outcome = (
        SuggestionStatus.OPEN,
        SuggestionStatus.ACCEPTED,
        SuggestionStatus.DECLINED,
    )[index % 3]
    resolved = outcome != SuggestionStatus.OPEN
    ToolComment.objects.create(
        tool=tool,
        author=others[(index + 1) % len(others)],
        kind=CommentKind.SUGGESTION,
        body=SUGGESTIONS[index % len(SUGGESTIONS)],
        version=versions[-1],
        suggestion_status=outcome,
        resolved_by=writers[0] if resolved else None,
        resolved_at=after if resolved else None,
    )


def _dossiers(network) -> None:
    specs = DOSSIERS.get(network.slug, ())
    if not specs:
        return
    people = _people(network)
    tools = list(
        Tool.objects.filter(network=network, published_version__isnull=False)
        .exclude(status=ToolStatus.ARCHIVED)
        .prefetch_related("themes")
        .order_by("pk")
    )
    sheets = list(
        PracticeSheet.objects.filter(network=network, published_version__isnull=False)
        .prefetch_related("themes")
        .order_by("pk")
    )
    for title, scope, introduction, theme, links in specs:
        dossier, created = Dossier.objects.get_or_create(
            network=network,
            title=title,
            defaults={
                "scope": scope,
                "introduction": introduction,
                "is_published": title not in DRAFT_DOSSIERS,
                "created_by": people.leads[0],
            },
        )
        if not created:
            continue
        items = [
            DossierItem(
                kind=DossierItemKind.TOOL,
                tool=tool,
                note=tool.published_version.description[:200]
                if tool.published_version
                else "",
            )
            for tool in tools
            if any(t.name == theme for t in tool.themes.all())
        ][:6]
        themed = [s for s in sheets if any(t.name == theme for t in s.themes.all())]
        items += [
            DossierItem(
                kind=DossierItemKind.PRACTICE,
                practice=sheet,
                note="Une pratique publiée par le réseau, à lire avec ces outils.",
            )
            for sheet in (themed or sheets)[:3]
        ]
        items += [
            DossierItem(
                kind=DossierItemKind.LINK,
                url=url,
                title=link_title,
                note="Une ressource externe fiable pour aller plus loin.",
            )
            for link_title, url in links
        ]
        for position, item in enumerate(items):
            item.dossier = dossier
            item.position = position
        DossierItem.objects.bulk_create(items)
