"""Demo action plans: the Mauricie–Centre-du-Québec source plan in full, moved to
2026–2028, and a smaller plan for the pan-Canadian network.

Deterministic and idempotent: a plan is found again by (network, title) and left as
it is once loaded. Rows are written directly, not through the services, so the demo
sends no notification. Statuses follow « today » at load time: what has ended is
done (but for two actions left late), what runs is in progress, the rest waits.
Computed indicators count the demo's real sessions, sheets and tools.
"""

# The source's wording is kept whole inside deeply nested data: long lines allowed.
# ruff: noqa: E501

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from entraide.communities.models import Community, CommunityKind, SeatTerm
from entraide.core.timezones import zone
from entraide.networks.models import Membership, Network, NetworkRole
from entraide.plans.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    FollowUpNote,
    Indicator,
    IndicatorKind,
    IndicatorMeasure,
    Mandate,
    Objective,
    Plan,
    PlanStatus,
    ScheduleKind,
    Target,
    month_end,
)

D = datetime.date
MCQ_TITLE = "Plan d'action régional 2026-2028"
PAN_TITLE = "Plan d'action pancanadien 2026-2027"


@dataclass(frozen=True)
class Act:
    text: str
    kind: str = ScheduleKind.ONGOING
    start: datetime.date | None = None
    end: datetime.date | None = None
    note: str = ""  # the source's wording of the schedule, years moved
    communities: tuple[str, ...] = ()
    who: str = ""  # responsible_note
    late: bool = False
    deadline: datetime.date | None = None


@dataclass(frozen=True)
class Ind:
    name: str
    kind: str
    goal: tuple
    start: datetime.date
    end: datetime.date
    unit: str = ""
    community: str = ""
    subregion: str = ""
    measures: tuple = ()  # (date, value, source) for manual ones
    on_action: int | None = None  # index of the target's action it measures


@dataclass(frozen=True)
class Tgt:
    text: str
    actions: tuple[Act, ...]
    indicators: tuple[Ind, ...] = ()


@dataclass(frozen=True)
class Obj:
    title: str
    targets: tuple[Tgt, ...]
    description: str = ""


@dataclass(frozen=True)
class Mand:
    title: str
    objectives: tuple[Obj, ...]
    description: str = ""


@dataclass(frozen=True)
class PlanSpec:
    network: str
    title: str
    context: str
    start: datetime.date
    end: datetime.date
    mandates: tuple[Mand, ...] = field(default_factory=tuple)


def months(first: tuple[int, int], last: tuple[int, int], note: str, **kw) -> dict:
    return {
        "kind": ScheduleKind.MONTHS,
        "start": D(first[0], first[1], 1),
        "end": month_end(D(last[0], last[1], 1)),
        "note": note,
        **kw,
    }


SOUNDING = (
    "Sonder les besoins, mettre en place et animer les communautés de pratique en "
    "pédagogie : "
)
MOVES = "Mettre en place un plan régional qui favorise les communautés de pratique"
RECENSION_MEANS = (
    "Établir un calendrier de rencontres pour l'année avec des thèmes {themes}choisis. "
    "Remettre les fiches techniques de recension au {committee}."
)

PROJECT_ODYSSEE = (
    "Coordonner et réaliser les activités de professionnalisation des pratiques dans "
    "les services de garde du territoire et participer aux travaux provinciaux de mise "
    "en commun."
)
MANDAT_RCPE = (
    "Mettre en place et animer le volet « PÉDAGOGIE » de façon à permettre au RCPE "
    "d’assumer un leadership pédagogique auprès de ses membres et de leur offrir des "
    "services de soutien."
)

MCQ = PlanSpec(
    network="mcq",
    title=MCQ_TITLE,
    context=(
        "Plan d’action région Mauricie et Centre du Québec\n"
        "Plan de travail : Nathalie Hébert\n"
        f"Projet Odyssée : {PROJECT_ODYSSEE}\n"
        f"Mandat RCPE : {MANDAT_RCPE}"
    ),
    start=D(2026, 8, 1),
    end=D(2028, 6, 30),
    mandates=(
        Mand(
            title="Projet Odyssée",
            description=PROJECT_ODYSSEE,
            objectives=(
                Obj(
                    title="Promouvoir le Projet Odyssée au sein du réseau et la relation "
                    "étroite avec les objectifs du RCPE",
                    targets=(
                        Tgt(
                            text="Les CPE sont conscientisés à l’importance de contribuer "
                            "de façon massive aux activités visant la "
                            "professionnalisation et la promotion de la qualité.",
                            actions=(
                                Act(
                                    "Démarrage d’un comité régional Odyssée (deux "
                                    "représentantes par sous-région idéalement qui "
                                    "représentent les CPE et les CPE- BC)",
                                    communities=("comite-regional-odyssee",),
                                    **months((2026, 8), (2026, 9), "Août-sept. 2026"),
                                ),
                                Act(
                                    "Organiser, planifier des rencontres de sous-région "
                                    "sous forme de déjeuner causerie ayant pour thème : "
                                    "Odyssée, cap sur l’enrichissement",
                                    who="Chargée de projet et CRO",
                                    late=True,
                                    **months((2026, 8), (2026, 9), "Août-sept. 2026"),
                                ),
                                Act(
                                    "Effectuer le suivi de ces rencontres et faire "
                                    "ressortir les impacts dans chaque sous région et "
                                    "faire les suivis au niveau régional",
                                    note="En continu",
                                    communities=("comite-regional-odyssee",),
                                ),
                                Act(
                                    "Rencontrer les équipes de travail qui en font la "
                                    "demande CPE et CPE-BC",
                                    note="En continu",
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Participantes aux rencontres de sous-région",
                                    IndicatorKind.PARTICIPANTS,
                                    (40, None),
                                    D(2026, 8, 1),
                                    D(2027, 6, 30),
                                    unit="personnes",
                                ),
                            ),
                        ),
                    ),
                ),
                Obj(
                    title="Recenser les outils et pratiques du RCPE",
                    targets=(
                        Tgt(
                            text="Le RCPE possède une vision élargie des différents "
                            "outils, pratiques, produits et services offerts par les "
                            "RCPE des autres régions vs les 4 zones d’intervention du "
                            "projet.\n\nQuelques-unes de ces pratiques ont été soumises "
                            "à l’analyse de la recherche.\n\nLes résultats sont "
                            "diffusés.",
                            actions=(
                                *(
                                    Act(
                                        text,
                                        start=D(2027, 5, 1),
                                        note="À partir de mai-juin 2027",
                                        communities=communities,
                                    )
                                    for text, communities in (
                                        (
                                            "Mettre en commun et analyser les "
                                            "résultats au niveau provincial",
                                            (),
                                        ),
                                        (
                                            "Soumettre à l’analyse de la recherche",
                                            ("comite-scientifique",),
                                        ),
                                        (
                                            "Compiler les outils recenser et produire "
                                            "un rapport pour le comité scientifique",
                                            (),
                                        ),
                                    )
                                ),
                                Act(
                                    "Participer à la production du rapport",
                                    kind=ScheduleKind.MOMENT,
                                    note="Dès sortie des résultats",
                                ),
                                Act(
                                    "Présenter les résultats à la direction ainsi "
                                    "qu’aux membres",
                                    kind=ScheduleKind.MOMENT,
                                    note="Dès sortie des résultats",
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Outils publiés dans la bibliothèque",
                                    IndicatorKind.TOOLS_PUBLISHED,
                                    (20, None),
                                    D(2026, 1, 1),
                                    D(2027, 6, 30),
                                    unit="outils",
                                ),
                            ),
                        ),
                    ),
                ),
                Obj(
                    title="Recenser et promouvoir les bonnes pratiques et pratiques "
                    "exemplaires sur le territoire du RCPE.",
                    targets=(
                        Tgt(
                            text="Le processus de recension a permis d’identifier les "
                            "meilleures pratiques sur le territoire du RCPE et ce, dans "
                            "les 4 zones d’intervention.\n\nCertaines pratiques ont été "
                            "évaluées par la recherche et formalisées au besoin.\n\nLa "
                            "diffusion de ces pratiques se concrétise à travers les "
                            "activités du Regroupement : tables, formation, outils…",
                            actions=(
                                *(
                                    Act(
                                        text,
                                        **months(
                                            (2026, 9),
                                            (2028, 6),
                                            "À partir de septembre 2026 à juin 2028",
                                        ),
                                    )
                                    for text in (
                                        "Mettre en application le processus de "
                                        "recension dans les CPE et en faire l’analyse",
                                        "Proposer et choisir les stratégies de "
                                        "recension les plus pertinentes pour chacun "
                                        "des milieux et effectuer la collecte",
                                        "Travailler en collaboration étroite avec le "
                                        "comité provincial, participer aux rencontres "
                                        "et comités spécifiques (particulièrement "
                                        "celui de la recension et scientifique)",
                                        "Diffuser les résultats de façon continue à la "
                                        "direction et aux différents acteurs du RCPE "
                                        "par le biais du site internet",
                                    )
                                ),
                                Act(
                                    "Diffuser un communiqué une fois par mois qui "
                                    "informe les membres sur le projet Odyssée",
                                    **months(
                                        (2026, 9), (2027, 6), "De sept. à juin 2027"
                                    ),
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Fiches de pratique recueillies (réseau)",
                                    IndicatorKind.SHEETS_GATHERED,
                                    (30, None),
                                    D(2026, 1, 1),
                                    D(2027, 6, 30),
                                    unit="fiches",
                                ),
                                Ind(
                                    "Fiches recueillies — Trois-Rivières",
                                    IndicatorKind.SHEETS_GATHERED,
                                    (8, None),
                                    D(2026, 1, 1),
                                    D(2027, 6, 30),
                                    unit="fiches",
                                    subregion="Trois-Rivières",
                                ),
                                Ind(
                                    "Fiches recueillies — Shawinigan",
                                    IndicatorKind.SHEETS_GATHERED,
                                    (6, None),
                                    D(2026, 1, 1),
                                    D(2027, 6, 30),
                                    unit="fiches",
                                    subregion="Shawinigan",
                                ),
                                Ind(
                                    "Communiqués mensuels diffusés",
                                    IndicatorKind.MANUAL,
                                    (10, None),
                                    D(2026, 9, 1),
                                    D(2027, 6, 30),
                                    unit="communiqués",
                                    measures=(
                                        (D(2026, 10, 1), 1, "Liste d'envoi"),
                                        (D(2026, 11, 1), 2, "Liste d'envoi"),
                                        (D(2026, 12, 1), 3, "Liste d'envoi"),
                                    ),
                                    on_action=4,
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Mand(
            title="Mandat RCPE — volet « PÉDAGOGIE »",
            description=MANDAT_RCPE,
            objectives=(
                Obj(
                    title="Mettre en place des communautés de pratique",
                    targets=(
                        Tgt(
                            text="Les communautés de pratique instaurées ont permis aux "
                            "CPE de partager leur expertise, leurs outils.\n\nElles ont "
                            "permis aux CPE de réfléchir et de contribuer à la "
                            "définition de visions communes et de partager des outils "
                            "ou de participer à leur élaboration.",
                            actions=(
                                Act(
                                    SOUNDING + "pour les responsables de la pédagogie "
                                    "en CPE installation : tenir 3 à 4 rencontres par "
                                    "année",
                                    communities=("pedagogie",),
                                    **months(
                                        (2026, 9), (2027, 5), "De sept. à mai 2027"
                                    ),
                                ),
                                Act(
                                    SOUNDING + "pour les DG : travailler en "
                                    "collaboration pour instaurer une réflexion "
                                    "pédagogique dans les milieux",
                                    communities=("directions-generales",),
                                    **months(
                                        (2026, 10), (2027, 5), "De oct. à mai 2027"
                                    ),
                                ),
                                Act(
                                    SOUNDING + "pour les CPE et BC : trouver une façon "
                                    "de se rencontrer pour répondre le plus possible aux "
                                    "besoins des RSGMF",
                                    communities=("bureaux-coordonnateurs",),
                                    **months(
                                        (2026, 9), (2027, 5), "De sept. à mai 2027"
                                    ),
                                ),
                                Act(
                                    SOUNDING
                                    + "pour les responsables de l’alimentation "
                                    ": informer, susciter la réflexion en lien avec "
                                    "Odyssée et le Programme éducatif en mettant en "
                                    "action différents moyens d’application",
                                    communities=("alimentation",),
                                    **months(
                                        (2026, 10), (2027, 5), "De oct. à mai 2027"
                                    ),
                                ),
                                Act(
                                    "Co-préparer, co-animer et faire les suivis des "
                                    "différentes activités lors des tables",
                                    note="En continu",
                                ),
                                Act(
                                    "Voir à mettre en place des comités et les animer : "
                                    "Comité Odyssée (un par sous-région)",
                                    note="En continu",
                                    communities=("comite-regional-odyssee",),
                                ),
                                Act(
                                    "Voir à mettre en place des comités et les animer : "
                                    "Comité site internet du regroupement",
                                    note="En continu",
                                    communities=("comite-site-internet",),
                                ),
                                Act(
                                    "Travailler en collaboration avec les milieux pour "
                                    "favoriser la compréhension et l’implantation du "
                                    "Programme éducatif",
                                    note="En continu",
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Rencontres de la communauté Pédagogie",
                                    IndicatorKind.SESSIONS_HELD,
                                    (3, 4),
                                    D(2026, 9, 1),
                                    D(2027, 5, 31),
                                    unit="rencontres",
                                    community="pedagogie",
                                    on_action=0,
                                ),
                                Ind(
                                    "Rencontres du groupe des directions générales",
                                    IndicatorKind.SESSIONS_HELD,
                                    (3, 4),
                                    D(2026, 10, 1),
                                    D(2027, 5, 31),
                                    unit="rencontres",
                                    community="directions-generales",
                                    on_action=1,
                                ),
                            ),
                        ),
                        Tgt(
                            text="Au RCPE, débuter une réflexion sur les communautés de "
                            "pratique avec les différents groupes de travail\n"
                            "Accompagner les participantes aux différentes propositions "
                            "de communautés de pratique et mettre à leur disposition "
                            "les outils nécessaires afin de développer des compétences "
                            "et de les transmettre dans leur équipe respective.",
                            actions=tuple(
                                Act(text, note="En continu")
                                for text in (
                                    "Élaborer un dossier de références sur les "
                                    "communautés de pratique",
                                    "Recevoir une formation de base (projet Odyssée) et "
                                    "en assurer la diffusion au sein du RCPE",
                                    "Approfondir et expérimenter le fonctionnement des "
                                    "communautés de pratique.",
                                    "Bâtir un document de référence (au besoin)",
                                )
                            ),
                        ),
                    ),
                ),
            ),
        ),
        Mand(
            title="Structure et plan de travail Mauricie-Centre-du-Québec",
            objectives=(
                Obj(
                    title="Chargée de projet / Équipe projet (ÉP)",
                    description="Mandat : Orientation, production d’outils, transfert "
                    "des connaissances",
                    targets=(
                        Tgt(
                            text=f"Moyens : {MOVES}, recension sur les thèmes choisis "
                            "par la région\nNombre de rencontre à prévoir (avec "
                            "l’équipe de projet) : 3X 2 jours",
                            actions=tuple(
                                Act(
                                    f"Rencontre de l’équipe de projet ({label})",
                                    kind=ScheduleKind.DATES,
                                    start=first,
                                    end=first + datetime.timedelta(days=1),
                                    note=label,
                                )
                                for first, label in (
                                    (D(2026, 9, 4), "4-5 septembre 2026"),
                                    (D(2026, 11, 21), "21-22 novembre 2026"),
                                    (D(2027, 2, 13), "13-14 février 2027"),
                                )
                            ),
                            indicators=(
                                Ind(
                                    "Rencontres de 2 jours avec l’équipe de projet",
                                    IndicatorKind.MANUAL,
                                    (3, None),
                                    D(2026, 9, 1),
                                    D(2027, 2, 28),
                                    unit="rencontres",
                                    measures=(
                                        (D(2026, 9, 5), 1, "Compte rendu de l’ÉP"),
                                        (D(2026, 11, 22), 2, "Compte rendu de l’ÉP"),
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
                Obj(
                    title="Comité régional Odyssée (CRO)",
                    description="Mandat : Faire les ponts entre la chargée de projet et "
                    "les communautés de pratique, mobilisation des membres de chaque "
                    "sous-région",
                    targets=(
                        Tgt(
                            text="Moyens : Rencontres avec la chargée de projet et "
                            "transfert des connaissances\nNombre de rencontre à "
                            "prévoir : 4 rencontres /an",
                            actions=(
                                Act(
                                    "Octobre : pour informer et structurer le processus "
                                    "de communauté de pratique",
                                    who="Chargée de projet et CRO",
                                    communities=("comite-regional-odyssee",),
                                    **months((2026, 10), (2026, 10), "Octobre 2026"),
                                ),
                                Act(
                                    "Novembre : identification –recension",
                                    who="CP et chargée de projet et CRO",
                                    communities=("comite-regional-odyssee",),
                                    **months((2026, 11), (2026, 11), "Novembre 2026"),
                                ),
                                Act(
                                    "Janvier : analyse",
                                    communities=("comite-regional-odyssee",),
                                    **months((2027, 1), (2027, 1), "Janvier 2027"),
                                ),
                                Act(
                                    "Janvier : structure de retour des analyses",
                                    communities=("comite-regional-odyssee",),
                                    **months((2027, 1), (2027, 1), "Janvier 2027"),
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Rencontres du Comité régional Odyssée",
                                    IndicatorKind.SESSIONS_HELD,
                                    (4, None),
                                    D(2026, 9, 1),
                                    D(2027, 6, 30),
                                    unit="rencontres",
                                    community="comite-regional-odyssee",
                                ),
                            ),
                        ),
                    ),
                ),
                *(
                    Obj(
                        title=f"Communauté de pratique : {name}",
                        description=f"Mandat : {mandate}",
                        targets=(
                            Tgt(
                                text="Moyens : "
                                + RECENSION_MEANS.format(
                                    themes=themes, committee=committee
                                )
                                + "\nNombre de rencontre à prévoir : 3/an",
                                actions=(
                                    Act(
                                        "Sept. octobre : information du processus "
                                        "d’analyse et présentation des thèmes",
                                        communities=(slug,),
                                        **months(
                                            (2026, 9), (2026, 10), "Sept. octobre 2026"
                                        ),
                                    ),
                                    Act(
                                        "Octobre ou début novembre : identification et "
                                        "recension avec le thème choisi",
                                        communities=(slug,),
                                        **months(
                                            (2026, 10),
                                            (2026, 11),
                                            "Octobre ou début novembre 2026",
                                        ),
                                    ),
                                    Act(
                                        "Février : analyse du rapport CS",
                                        communities=(slug,),
                                        **months((2027, 2), (2027, 2), "Février 2027"),
                                    ),
                                ),
                                indicators=(
                                    Ind(
                                        f"Rencontres de la communauté {short}",
                                        IndicatorKind.SESSIONS_HELD,
                                        (3, None),
                                        D(2026, 9, 1),
                                        D(2027, 5, 31),
                                        unit="rencontres",
                                        community=slug,
                                    ),
                                    Ind(
                                        f"Personnes présentes — communauté {short}",
                                        IndicatorKind.PARTICIPANTS,
                                        (15, None),
                                        D(2026, 9, 1),
                                        D(2027, 5, 31),
                                        unit="personnes",
                                        community=slug,
                                    ),
                                ),
                            ),
                        ),
                    )
                    for name, short, slug, mandate, themes, committee in (
                        (
                            "Gestion et gouvernance (CPG)",
                            "Gestion et gouvernance",
                            "gestion-et-gouvernance",
                            "partage d’expertise, échanges, recension par sous-région",
                            "",
                            "Comité régional Odyssée",
                        ),
                        (
                            "Pédagogie (CPP)",
                            "Pédagogie",
                            "pedagogie",
                            "partage d’expertise, échanges, recension",
                            "pédagogiques ",
                            "comité régionale Odyssée",
                        ),
                    )
                ),
            ),
        ),
    ),
)

PAN = PlanSpec(
    network="pancanadien",
    title=PAN_TITLE,
    context="Soutenir les communautés de pratique virtuelles de la francophonie "
    "canadienne en petite enfance.",
    start=D(2026, 9, 1),
    end=D(2027, 6, 30),
    mandates=(
        Mand(
            title="Animer les communautés de pratique virtuelles",
            objectives=(
                Obj(
                    title="Tenir les rencontres des CAP virtuelles",
                    targets=(
                        Tgt(
                            text="Les éducatrices et les gestionnaires de toutes les "
                            "provinces se rencontrent en ligne au moins trois fois.",
                            actions=(
                                Act(
                                    "Tenir les rencontres de la CAP des éducatrices",
                                    communities=("cap-educatrices",),
                                    **months((2026, 9), (2027, 5), "De sept. à mai"),
                                ),
                                Act(
                                    "Tenir les rencontres de la CAP des gestionnaires",
                                    communities=("cap-gestionnaires",),
                                    **months((2026, 9), (2027, 5), "De sept. à mai"),
                                ),
                                Act(
                                    "Publier le bilan de l'année",
                                    kind=ScheduleKind.MOMENT,
                                    note="Après la dernière rencontre",
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Rencontres de la CAP des éducatrices",
                                    IndicatorKind.SESSIONS_HELD,
                                    (3, None),
                                    D(2026, 9, 1),
                                    D(2027, 5, 31),
                                    unit="rencontres",
                                    community="cap-educatrices",
                                    on_action=0,
                                ),
                            ),
                        ),
                    ),
                ),
                Obj(
                    title="Partager les outils des provinces",
                    targets=(
                        Tgt(
                            text="Chaque province a publié au moins un outil.",
                            actions=(
                                Act(
                                    "Recueillir et publier les outils des membres",
                                    note="En continu",
                                ),
                            ),
                            indicators=(
                                Ind(
                                    "Outils publiés",
                                    IndicatorKind.TOOLS_PUBLISHED,
                                    (10, None),
                                    D(2026, 1, 1),
                                    D(2027, 6, 30),
                                    unit="outils",
                                ),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    ),
)

SPECS = (MCQ, PAN)

FOLLOW_UPS = (
    (
        "Déjeuner causerie tenu avec les CPE de la sous-région; les équipes veulent "
        "une suite en janvier.",
        "Trois nouvelles personnes ont rejoint la communauté Pédagogie.",
    ),
    (
        "Les CPE-BC ont demandé une rencontre en soirée; à planifier avec la chargée "
        "de projet.",
        "Les RSG se sentent mieux informées du projet Odyssée.",
    ),
    (
        "Deux CPE ont remis leurs premières fiches de recension.",
        "",
    ),
)


def _status(act: Act, today: datetime.date, plan_start: datetime.date):
    """(status, progress) realistic for ``today``."""
    if act.kind == ScheduleKind.MOMENT:
        return ActionStatus.NOT_STARTED, 0
    start = act.start or plan_start
    if start > today:
        return ActionStatus.NOT_STARTED, 0
    if act.kind == ScheduleKind.ONGOING or act.end is None:
        return ActionStatus.IN_PROGRESS, 40
    if act.end < today:
        return (ActionStatus.IN_PROGRESS, 60) if act.late else (ActionStatus.DONE, 100)
    elapsed = (today - start).days / max((act.end - start).days, 1)
    return ActionStatus.IN_PROGRESS, max(10, min(90, round(elapsed * 100 / 10) * 10))


def _load_plan(spec: PlanSpec, network: Network, today: datetime.date) -> Plan | None:
    if Plan.objects.filter(network=network, title=spec.title).exists():
        return None
    lead = (
        Membership.objects.filter(network=network, role=NetworkRole.PROJECT_LEAD)
        .select_related("user")
        .order_by("pk")
        .first()
        or Membership.objects.filter(network=network, role=NetworkRole.ADMIN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    lead = lead.user if lead else None
    communities = {c.slug: c for c in Community.objects.filter(network=network)}
    subregions = {s.name: s for s in network.subregions.all()}
    tz = zone(network.time_zone)
    plan = Plan.objects.create(
        network=network,
        title=spec.title,
        context=spec.context,
        period_start=spec.start,
        period_end=spec.end,
        status=PlanStatus.ACTIVE,
        created_by=lead,
    )
    updates, measures = [], []
    for m_pos, mand in enumerate(spec.mandates):
        mandate = Mandate.objects.create(
            plan=plan, title=mand.title, description=mand.description, position=m_pos
        )
        for o_pos, obj in enumerate(mand.objectives):
            objective = Objective.objects.create(
                mandate=mandate,
                title=obj.title,
                description=obj.description,
                position=o_pos,
            )
            for t_pos, tgt in enumerate(obj.targets):
                target = Target.objects.create(
                    objective=objective, expected_result=tgt.text, position=t_pos
                )
                actions = []
                for a_pos, act in enumerate(tgt.actions):
                    status, progress = _status(act, today, spec.start)
                    action = Action.objects.create(
                        plan=plan,
                        target=target,
                        description=act.text,
                        responsible_note=act.who,
                        schedule_kind=act.kind,
                        starts_on=act.start,
                        ends_on=act.end,
                        schedule_note=act.note,
                        deadline=act.deadline,
                        status=status,
                        progress=progress,
                        position=a_pos,
                    )
                    if lead and not act.communities:
                        action.responsible_people.add(lead)
                    action.responsible_communities.set(
                        [communities[s] for s in act.communities if s in communities]
                    )
                    if status != ActionStatus.NOT_STARTED:
                        begun = max(act.start or spec.start, spec.start)
                        updates.append(
                            ActionUpdate(
                                action=action,
                                actor=lead,
                                from_status=ActionStatus.NOT_STARTED,
                                to_status=ActionStatus.IN_PROGRESS,
                                to_progress=min(progress, 30),
                                created_at=datetime.datetime.combine(
                                    begun, datetime.time(10), tz
                                ),
                            )
                        )
                    if status == ActionStatus.DONE:
                        updates.append(
                            ActionUpdate(
                                action=action,
                                actor=lead,
                                from_status=ActionStatus.IN_PROGRESS,
                                to_status=ActionStatus.DONE,
                                from_progress=min(progress, 30),
                                to_progress=100,
                                comment="Réalisé comme prévu.",
                                created_at=datetime.datetime.combine(
                                    act.end, datetime.time(16), tz
                                ),
                            )
                        )
                    actions.append(action)
                for i_pos, ind in enumerate(tgt.indicators):
                    indicator = Indicator.objects.create(
                        plan=plan,
                        target=target,
                        action=actions[ind.on_action]
                        if ind.on_action is not None
                        else None,
                        name=ind.name,
                        kind=ind.kind,
                        community=communities.get(ind.community),
                        subregion=subregions.get(ind.subregion),
                        period_start=ind.start,
                        period_end=ind.end,
                        unit=ind.unit,
                        baseline=Decimal(0),
                        goal_min=Decimal(ind.goal[0]),
                        goal_max=Decimal(ind.goal[1]) if ind.goal[1] else None,
                        position=i_pos,
                    )
                    measures += [
                        IndicatorMeasure(
                            indicator=indicator,
                            value=Decimal(value),
                            measured_on=day,
                            source=source,
                            recorded_by=lead,
                        )
                        for day, value, source in ind.measures
                        if day <= today
                    ]
    ActionUpdate.objects.bulk_create(updates)
    IndicatorMeasure.objects.bulk_create(measures)
    _follow_ups(plan, today)
    return plan


def _follow_ups(plan: Plan, today: datetime.date) -> None:
    """A few notes by the regional committee's representatives, each in the
    sub-region of the seat they hold."""
    terms = list(
        SeatTerm.objects.filter(
            seat__community__network=plan.network,
            seat__community__kind=CommunityKind.REGIONAL_COMMITTEE,
            starts_on__lte=today,
            ends_on__gte=today,
        )
        .select_related("seat__subregion", "holder")
        .order_by("seat__subregion__name", "pk")
    )
    seen, chosen = set(), []
    for term in terms:
        if term.seat.subregion_id not in seen:
            seen.add(term.seat.subregion_id)
            chosen.append(term)
    followed = list(
        plan.actions.exclude(status=ActionStatus.NOT_STARTED).order_by("pk")[:2]
    )
    if not followed:
        return
    for i, (term, (text, impacts)) in enumerate(zip(chosen, FOLLOW_UPS, strict=False)):
        note = FollowUpNote.objects.create(
            action=followed[i % len(followed)],
            subregion=term.seat.subregion,
            author=term.holder,
            text=text,
            impacts=impacts,
        )
        written = timezone.now() - datetime.timedelta(days=7 * (i + 1))
        FollowUpNote.objects.filter(pk=note.pk).update(
            created_at=written, updated_at=written
        )


def load_demo_plans(network_slugs) -> int:
    """Returns how many demo plans exist in these networks."""
    slugs = list(network_slugs)
    networks = {n.slug: n for n in Network.objects.filter(slug__in=slugs)}
    for spec in SPECS:
        network = networks.get(spec.network)
        if network is None:
            continue
        today = timezone.localdate(timezone=zone(network.time_zone))
        with transaction.atomic():
            _load_plan(spec, network, today)
    return Plan.objects.filter(
        network__in=networks.values(), title__in=[s.title for s in SPECS]
    ).count()
