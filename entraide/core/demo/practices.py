"""Demo practice sheets of the 2026 season: the inventory at every step.

Deterministic, idempotent and fast: zones, themes and criteria are found again by
(network, name), sheets by (network, title); rows are written directly, not
through the services, so the demo sends no notification. MCQ gets about sixty
sheets over every state and its eleven sub-regions — a dozen published, some of
them public — and the pan-Canadian network a handful.
"""

import random
from datetime import UTC, datetime, timedelta

from django.db import transaction

from entraide.communities.models import CommunityKind, CommunityMembership
from entraide.networks.models import Membership, Network, NetworkRole
from entraide.practices.models import (
    CONTENT_FIELDS,
    Criterion,
    Evaluation,
    EvaluationGrid,
    EvidenceLevel,
    InterventionZone,
    PracticeSheet,
    PracticeTheme,
    Scope,
    Score,
    SheetState,
    SheetTransition,
    SheetVersion,
    VersionKind,
)
from entraide.practices.search import fold

SEED = 2026
SEASON_START = datetime(2026, 1, 12, 14, 0, tzinfo=UTC)

ZONES = (
    ("Pratiques éducatives", "Ce qui se vit avec les enfants au quotidien."),
    ("Relations avec les familles", "L'accueil, la communication et le partenariat."),
    ("Gestion et gouvernance", "L'organisation du milieu et de son équipe."),
    ("Santé et bien-être", "Alimentation, sommeil, hygiène et sécurité."),
)
CRITERIA = (
    ("Pertinence", "Répond-elle à un besoin réel des milieux ?"),
    ("Transférabilité", "D'autres milieux peuvent-ils la reprendre ?"),
    ("Preuves d'effet", "Les effets sont-ils observés et documentés ?"),
    ("Cohérence avec le programme éducatif", "Accueillir la petite enfance."),
)

# Theme -> (zone index, age group, setting, [(title, summary)…])
THEMES = {
    "Routines et transitions": (
        0,
        "18m_3",
        "installation",
        [
            (
                "Chanson du rangement pour les trottineurs",
                "Une comptine annonce la fin du jeu et rend le rangement joyeux.",
            ),
            (
                "Pictogrammes de la journée à hauteur d'enfant",
                "Un horaire illustré aide les enfants à prévoir la suite.",
            ),
            (
                "Arrivée du matin en douceur",
                "Un coin d'accueil calme et un rituel court avec le parent.",
            ),
            (
                "Transition vers la sieste avec lumière tamisée",
                "Les éducatrices baissent la lumière et lisent une histoire courte.",
            ),
            (
                "Le train des lavages de mains",
                "Se laver les mains devient un jeu de petits wagons.",
            ),
            (
                "Minuterie visuelle avant le départ au parc",
                "Un sablier montre aux enfants le temps qui reste.",
            ),
            (
                "Habillage autonome pour l'hiver",
                "La méthode du manteau magique et des étapes illustrées.",
            ),
            (
                "Rituel de fin de journée en cercle",
                "Chaque enfant nomme un moment aimé de la journée.",
            ),
            (
                "Attente active entre deux activités",
                "Des jeux de doigts pour les moments d'attente.",
            ),
            (
                "Transition du poupon vers le groupe des trottineurs",
                "Des visites graduelles accompagnées de l'éducatrice de référence.",
            ),
        ],
    ),
    "Jeu extérieur": (
        0,
        "3_5",
        "both",
        [
            (
                "Jeu libre en forêt toute l'année",
                "Une sortie hebdomadaire au boisé, beau temps, mauvais temps.",
            ),
            (
                "Cuisine de boue au fond de la cour",
                "Des ustensiles récupérés pour un jeu symbolique dehors.",
            ),
            (
                "Parcours moteur avec des pneus et des planches",
                "Du matériel libre pour grimper, sauter et tenir en équilibre.",
            ),
            (
                "Jardinage avec les préscolaires",
                "Semer, arroser et récolter des fines herbes.",
            ),
            (
                "Chasse aux trésors de la nature",
                "Des cartes illustrées pour observer les saisons.",
            ),
            (
                "Glissade et jeux de neige encadrés",
                "Des règles co-construites avec les enfants.",
            ),
            (
                "Dîner pique-nique hebdomadaire",
                "Le repas pris dehors au printemps et à l'automne.",
            ),
            (
                "Bac à eau et ruisseau artificiel",
                "Explorer les transvasements et les courants.",
            ),
            (
                "Jeux risqués bien dosés",
                "Laisser les enfants évaluer eux-mêmes les petits risques.",
            ),
            (
                "Sorties au parc du quartier en milieu familial",
                "Un trajet sécuritaire et des repères dans le quartier.",
            ),
        ],
    ),
    "Inclusion": (
        0,
        "all",
        "installation",
        [
            (
                "Accueillir un enfant autiste au groupe",
                "Des repères visuels et un coin refuge préparé avec la famille.",
            ),
            (
                "Livres qui ressemblent à tous les enfants",
                "Une bibliothèque où chaque famille se reconnaît.",
            ),
            (
                "Signes simples pour communiquer avec les tout-petits",
                "Quelques signes du quotidien appris par toute l'équipe.",
            ),
            (
                "Plan d'accueil pour les familles nouvellement arrivées",
                "Une rencontre avec interprète et un pictogramme par routine.",
            ),
            (
                "Adapter le matériel moteur pour un enfant en fauteuil",
                "Des aménagements simples pour jouer avec les autres.",
            ),
            (
                "Collaboration avec le CLSC pour le soutien à l'inclusion",
                "Un corridor de services clair pour l'équipe.",
            ),
            (
                "Jeux coopératifs sans exclusion",
                "Des jeux où tout le monde gagne ensemble.",
            ),
            (
                "Coin calme pour réguler ses émotions",
                "Un espace doux et des outils sensoriels.",
            ),
            (
                "Mots de bienvenue dans les langues des familles",
                "Les familles enseignent un mot à l'équipe.",
            ),
            (
                "Observation partagée des besoins particuliers",
                "Une grille commune remplie avec la famille.",
            ),
        ],
    ),
    "Communication avec les familles": (
        1,
        "all",
        "both",
        [
            (
                "Journal de bord photo pour les parents",
                "Quelques photos par semaine, sans enfant d'un autre groupe.",
            ),
            (
                "Cinq minutes d'échange au départ",
                "Un moment court et chaleureux avec chaque parent.",
            ),
            (
                "Café-rencontre des familles au printemps",
                "Une rencontre informelle pour créer des liens.",
            ),
            (
                "Babillard des apprentissages",
                "Ce que les enfants ont exploré, montré aux familles.",
            ),
            (
                "Entretien annuel avec chaque famille",
                "Un portrait de l'enfant préparé ensemble.",
            ),
            (
                "Message hebdomadaire simple et traduit",
                "Un courriel court, en langage clair, traduit au besoin.",
            ),
            (
                "Prêt de livres aux familles",
                "Un sac à histoires qui voyage à la maison.",
            ),
            (
                "Accueil des pères et des grands-parents",
                "Des invitations adressées à toute la famille.",
            ),
            (
                "Aborder une difficulté avec un parent",
                "Une démarche en trois temps pour les conversations délicates.",
            ),
            (
                "Fête de fin d'année organisée avec les familles",
                "Les familles choisissent et préparent une activité.",
            ),
        ],
    ),
    "Alimentation": (
        3,
        "3_5",
        "installation",
        [
            (
                "Collation préparée par les enfants",
                "Les enfants coupent les fruits avec des couteaux adaptés.",
            ),
            (
                "Découverte d'un nouveau légume par mois",
                "Goûter, toucher, sentir sans obligation de manger.",
            ),
            (
                "Repas à la manière familiale",
                "Les enfants se servent eux-mêmes dans des plats communs.",
            ),
            (
                "Menu élaboré avec une nutritionniste",
                "Un menu de quatre semaines équilibré et local.",
            ),
            (
                "Réduire le gaspillage alimentaire au dîner",
                "Des petites portions et un deuxième service.",
            ),
            (
                "Potager et cuisine des récoltes",
                "Des récoltes du jardin transformées en collation.",
            ),
            (
                "Allergies alimentaires bien affichées",
                "Un système clair et discret pour toute l'équipe.",
            ),
            ("Eau offerte toute la journée", "Une station d'eau à hauteur d'enfant."),
            (
                "Ateliers de cuisine avec les parents",
                "Des recettes simples partagées entre familles.",
            ),
            (
                "Ambiance calme pendant les repas",
                "Moins de bruit, plus de conversations.",
            ),
        ],
    ),
    "Rétention du personnel": (
        2,
        "all",
        "installation",
        [
            (
                "Accueil et mentorat des nouvelles éducatrices",
                "Une marraine accompagne chaque nouvelle personne pendant trois mois.",
            ),
            (
                "Horaire flexible négocié en équipe",
                "Un calendrier partagé pour concilier travail et famille.",
            ),
            (
                "Reconnaissance mensuelle des bons coups",
                "Un tableau où l'équipe souligne les réussites.",
            ),
            (
                "Communauté de pratique entre collègues",
                "Une rencontre par mois pour partager des situations.",
            ),
            (
                "Pause réelle et salle du personnel accueillante",
                "Un vrai temps de repos protégé.",
            ),
            (
                "Formation continue choisie par l'équipe",
                "Un budget de formation décidé ensemble.",
            ),
            (
                "Rencontre de départ pour comprendre pourquoi on part",
                "Un entretien pour apprendre des départs.",
            ),
            (
                "Soutien de la direction lors des situations difficiles",
                "Un retour rapide après un événement difficile.",
            ),
            (
                "Parcours de progression pour les éducatrices",
                "Des responsabilités nouvelles reconnues.",
            ),
            (
                "Bien-être au travail : étirements et ergonomie",
                "Du mobilier adapté aux adultes aussi.",
            ),
        ],
    ),
}

# How many MCQ sheets end up in each state (sixty in all).
STATE_PLAN = (
    (SheetState.DRAFT, 6),
    (SheetState.SUBMITTED, 8),
    (SheetState.NEEDS_CHANGES, 5),
    (SheetState.RETAINED, 7),
    (SheetState.NOT_RETAINED, 4),
    (SheetState.SENT_TO_SCIENTIFIC, 6),
    (SheetState.EVALUATED, 6),
    (SheetState.FORMALISED, 6),
    (SheetState.PUBLISHED, 12),
)
PAN_CANADIAN_PLAN = (
    (SheetState.DRAFT, 1),
    (SheetState.SUBMITTED, 1),
    (SheetState.RETAINED, 1),
    (SheetState.PUBLISHED, 3),
)
PATH = (
    SheetState.DRAFT,
    SheetState.SUBMITTED,
    SheetState.RETAINED,
    SheetState.SENT_TO_SCIENTIFIC,
    SheetState.EVALUATED,
    SheetState.FORMALISED,
    SheetState.PUBLISHED,
)
DETOURS = {
    SheetState.NEEDS_CHANGES: (SheetState.DRAFT, SheetState.SUBMITTED),
    SheetState.NOT_RETAINED: (SheetState.DRAFT, SheetState.SUBMITTED),
}
COMMENTS = {
    SheetState.NEEDS_CHANGES: "Merci ! Précisez les étapes et le matériel nécessaire.",
    SheetState.NOT_RETAINED: "Trop proche d'une fiche déjà retenue.",
    SheetState.RETAINED: "Retenue par le comité régional.",
    SheetState.PUBLISHED: "Publiée pour la recension.",
}
EVALUATED_STATES = (SheetState.EVALUATED, SheetState.FORMALISED, SheetState.PUBLISHED)
PUBLIC_SCOPES = (Scope.PUBLIC, Scope.PROVINCIAL, Scope.NETWORK)


def load_demo_practices(network_slugs) -> int:
    """Returns how many demo sheets exist in these networks."""
    total = 0
    plans = {"mcq": STATE_PLAN, "pancanadien": PAN_CANADIAN_PLAN}
    for network in Network.objects.filter(slug__in=list(network_slugs)).order_by("pk"):
        plan = plans.get(network.slug, PAN_CANADIAN_PLAN)
        with transaction.atomic():
            total += _load_network(network, plan)
    return total


def _named(model, network, names, **extra):
    existing = {row.name: row for row in model.objects.filter(network=network)}
    new = [
        model(network=network, name=name, position=i, **extra.get(name, {}))
        for i, name in enumerate(names)
        if name not in existing
    ]
    model.objects.bulk_create(new)
    found = {row.name: row for row in model.objects.filter(network=network)}
    return [found[name] for name in names]


def _grid(network):
    grid, _created = EvaluationGrid.objects.get_or_create(
        network=network,
        defaults={"low_label": "Peu satisfaisant", "high_label": "Exemplaire"},
    )
    existing = set(grid.criteria.values_list("name", flat=True))
    Criterion.objects.bulk_create(
        [
            Criterion(grid=grid, name=name, help_text=help_text, position=i)
            for i, (name, help_text) in enumerate(CRITERIA)
            if name not in existing
        ]
    )
    return list(grid.criteria.order_by("position", "pk"))


def _committee(network, kind):
    return [
        m.user
        for m in CommunityMembership.objects.filter(
            community__network=network, community__kind=kind
        )
        .select_related("user")
        .order_by("pk")
    ]


def _content(theme: str, title: str, summary: str, revised: bool) -> dict:
    lower = theme.lower()
    note = (
        " La version révisée précise le matériel et le rôle de chaque adulte."
        if revised
        else ""
    )
    return {
        "title": title,
        "summary": summary,
        "context_need": (
            f"Dans notre milieu, l'équipe voulait améliorer ses pratiques en matière "
            f"de {lower}. Les éducatrices observaient que certains moments de la "
            "journée étaient difficiles pour les enfants comme pour les adultes."
        ),
        "steps": (
            "1. Présenter l'idée à l'équipe et aux familles.\n"
            "2. Préparer le matériel et l'espace avec les enfants.\n"
            f"3. Essayer « {title} » pendant quatre semaines.\n"
            "4. Noter ce qui fonctionne à la réunion d'équipe et ajuster." + note
        ),
        "resources": (
            "Du matériel simple et peu coûteux, une heure de planification par "
            "mois et l'appui de la direction."
        ),
        "results": (
            "Les enfants participent davantage, les transitions sont plus calmes "
            "et les parents remarquent la différence à la maison."
        ),
        "observation_method": (
            "Observations notées par les éducatrices deux fois par semaine, "
            "courts échanges avec les familles et bilan en équipe."
        ),
    }


def _load_network(network, plan) -> int:
    rng = random.Random(f"{SEED}-{network.slug}")
    zones = _named(
        InterventionZone,
        network,
        [name for name, _d in ZONES],
        **{name: {"description": d} for name, d in ZONES},
    )
    themes = _named(PracticeTheme, network, list(THEMES))
    criteria = _grid(network)
    subregions = list(
        network.subregions.order_by("region__position", "position", "name")
    )
    members = list(
        Membership.objects.filter(network=network)
        .select_related("user", "organisation")
        .order_by("pk")
    )
    if not members:
        return 0
    leads = [m.user for m in members if m.role == NetworkRole.PROJECT_LEAD] or [
        members[0].user
    ]
    regional = _committee(network, CommunityKind.REGIONAL_COMMITTEE) or leads
    scientific = _committee(network, CommunityKind.SCIENTIFIC_COMMITTEE) or leads
    authors_by_subregion = {}
    for m in members:
        if m.role == NetworkRole.MEMBER and m.subregion_id:
            authors_by_subregion.setdefault(m.subregion_id, []).append(m)
    catalogue = [
        (theme, title, summary)
        for theme, (_z, _a, _s, items) in THEMES.items()
        for title, summary in items
    ]
    states = [state for state, count in plan for _i in range(count)]
    picks = rng.sample(range(len(catalogue)), len(states))
    existing = set(
        SheetVersion.objects.filter(sheet__network=network, number=1).values_list(
            "title", flat=True
        )
    )
    planned = []
    published_seen = 0
    for index, (state, pick) in enumerate(zip(states, picks, strict=True)):
        theme_name, title, summary = catalogue[pick]
        if title in existing:
            continue
        subregion = subregions[index % len(subregions)] if subregions else None
        candidates = authors_by_subregion.get(subregion.pk if subregion else None)
        author = rng.choice(candidates or members)
        scope = ""
        if state == SheetState.PUBLISHED:
            scope = PUBLIC_SCOPES[published_seen % len(PUBLIC_SCOPES)]
            published_seen += 1
        planned.append((state, theme_name, title, summary, subregion, author, scope))
    if not planned:
        return PracticeSheet.objects.filter(network=network).count()
    _write(network, planned, rng, zones, themes, criteria, regional, scientific, leads)
    return PracticeSheet.objects.filter(network=network).count()


def _journey(state) -> list[str]:
    if state in DETOURS:
        return [*DETOURS[state], state]
    return list(PATH[: PATH.index(state) + 1])


def _write(network, planned, rng, zones, themes, criteria, regional, scientific, leads):
    theme_by_name = {t.name: t for t in themes}
    sheets, journeys = [], []
    for state, theme_name, title, summary, subregion, author, scope in planned:
        zone_index, age, setting, _items = THEMES[theme_name]
        created = SEASON_START + timedelta(
            days=rng.randrange(0, 120), hours=rng.randrange(0, 8)
        )
        moments = [created]
        for _step in _journey(state)[1:]:
            moments.append(moments[-1] + timedelta(days=rng.randrange(4, 30)))
        sheet = PracticeSheet(
            network=network,
            author=author.user,
            organisation=author.organisation,
            subregion=subregion,
            zone=zones[zone_index],
            age_group=age,
            setting=setting if rng.random() < 0.8 else "both",
            contact_name=author.user.get_full_name(),
            contact_email=author.user.email,
            state=state,
            scope=scope,
            evidence_level=(
                rng.choice(
                    [
                        EvidenceLevel.OBSERVED,
                        EvidenceLevel.DOCUMENTED,
                        EvidenceLevel.EVALUATED,
                    ]
                )
                if state in EVALUATED_STATES
                else EvidenceLevel.NONE
            ),
            submitted_at=moments[1] if len(moments) > 1 else None,
            published_at=moments[-1] if state == SheetState.PUBLISHED else None,
        )
        sheets.append(sheet)
        journeys.append((state, theme_name, title, summary, moments))
    PracticeSheet.objects.bulk_create(sheets)
    versions, transitions, links = [], [], []
    for sheet, (state, theme_name, title, summary, moments) in zip(
        sheets, journeys, strict=True
    ):
        sheet.created_at = moments[0]
        sheet.updated_at = moments[-1]
        revised = state in (SheetState.NEEDS_CHANGES, *EVALUATED_STATES[1:]) or (
            rng.random() < 0.3 and state != SheetState.DRAFT
        )
        first = SheetVersion(
            sheet=sheet,
            number=1,
            created_by=sheet.author,
            **_content(theme_name, title, summary, False),
        )
        sheet_versions = [first]
        if revised:
            formalised = state in (SheetState.FORMALISED, SheetState.PUBLISHED)
            sheet_versions.append(
                SheetVersion(
                    sheet=sheet,
                    number=2,
                    kind=VersionKind.FORMALISED if formalised else VersionKind.AUTHOR,
                    created_by=leads[0] if formalised else sheet.author,
                    change_note="Version formalisée" if formalised else "Précisions",
                    **_content(theme_name, title, summary, True),
                )
            )
        versions.append(sheet_versions)
        links.append(
            PracticeSheet.themes.through(
                practicesheet=sheet, practicetheme=theme_by_name[theme_name]
            )
        )
        if rng.random() < 0.35:
            other = rng.choice(list(theme_by_name.values()))
            if other.name != theme_name:
                links.append(
                    PracticeSheet.themes.through(
                        practicesheet=sheet, practicetheme=other
                    )
                )
        journey = _journey(state)
        for step, (before, after) in enumerate(zip(journey, journey[1:], strict=False)):
            actor = sheet.author
            if after in (
                SheetState.RETAINED,
                SheetState.NOT_RETAINED,
                SheetState.NEEDS_CHANGES,
                SheetState.SENT_TO_SCIENTIFIC,
            ):
                actor = regional[step % len(regional)]
            elif after == SheetState.EVALUATED:
                actor = scientific[0]
            elif after in (SheetState.FORMALISED, SheetState.PUBLISHED):
                actor = leads[0]
            transitions.append(
                SheetTransition(
                    sheet=sheet,
                    actor=actor,
                    from_state=before,
                    to_state=after,
                    comment=COMMENTS.get(after, ""),
                    created_at=moments[step + 1],
                )
            )
    flat = [v for group in versions for v in group]
    SheetVersion.objects.bulk_create(flat)
    for version, sheet in ((v, v.sheet) for v in flat):
        version.created_at = sheet.created_at + timedelta(days=version.number - 1)
    SheetVersion.objects.bulk_update(flat, ["created_at"])
    PracticeSheet.themes.through.objects.bulk_create(links, ignore_conflicts=True)
    SheetTransition.objects.bulk_create(transitions)
    SheetTransition.objects.bulk_update(transitions, ["created_at"])
    theme_names = {}
    for link in links:
        theme_names.setdefault(link.practicesheet_id, []).append(
            link.practicetheme.name
        )
    zone_names = {z.pk: z.name for z in zones}
    for sheet, group in zip(sheets, versions, strict=True):
        sheet.current_version = group[-1]
        if sheet.state == SheetState.PUBLISHED:
            sheet.published_version = group[-1]
        parts = [getattr(group[-1], name) for name in CONTENT_FIELDS]
        parts += theme_names.get(sheet.pk, []) + [zone_names[sheet.zone_id]]
        sheet.search_text = fold(" ".join(parts))
    PracticeSheet.objects.bulk_update(
        sheets,
        [
            "current_version",
            "published_version",
            "search_text",
            "created_at",
            "updated_at",
        ],
    )
    _evaluations(sheets, rng, criteria, scientific)


def _evaluations(sheets, rng, criteria, scientific):
    evaluations, planned_scores = [], []
    for sheet in sheets:
        if sheet.state not in EVALUATED_STATES:
            continue
        when = sheet.updated_at - timedelta(days=3)
        for evaluator in scientific[:3]:
            if evaluator.pk == sheet.author_id:
                continue
            evaluation = Evaluation(
                sheet=sheet,
                evaluator=evaluator,
                comment="Pratique claire, facile à reprendre dans d'autres milieux.",
                submitted_at=when,
            )
            evaluations.append(evaluation)
            planned_scores.append(
                (evaluation, [rng.randint(3, 5) for _criterion in criteria])
            )
    Evaluation.objects.bulk_create(evaluations)
    Score.objects.bulk_create(
        [
            Score(evaluation=evaluation, criterion=criterion, value=value)
            for evaluation, values in planned_scores
            for criterion, value in zip(criteria, values, strict=True)
        ]
    )
