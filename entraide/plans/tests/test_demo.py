"""The demo plan is the source document in full, moved to 2026–2028, with
computed indicators reading the demo's real activity."""

import datetime
import re
from pathlib import Path

import pytest
import time_machine
from django.core import mail
from django.db.models import Q

from entraide.communities.models import SeatTerm
from entraide.core.demo.communities import load_communities
from entraide.core.demo.library import load_demo_library
from entraide.core.demo.loader import load_demo
from entraide.core.demo.meetings import load_demo_meetings
from entraide.core.demo.plans import MCQ_TITLE, PAN_TITLE, load_demo_plans
from entraide.core.demo.practices import load_demo_practices
from entraide.meetings.models import Session, SessionStatus
from entraide.plans.indicators import values_for
from entraide.plans.models import (
    Action,
    ActionStatus,
    FollowUpNote,
    Indicator,
    IndicatorKind,
    Plan,
    ScheduleKind,
    Target,
)

pytestmark = pytest.mark.django_db

SOURCE = Path("/work/shared/seeds/004_8887835b351e8754.txt")
LOADED_ON = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)

# Every action bullet of the source, as written there.
ACTIONS = (
    "Démarrage d’un comité régional Odyssée (deux représentantes par sous-région "
    "idéalement qui représentent les CPE et les CPE- BC)",
    "Organiser, planifier des rencontres de sous-région sous forme de déjeuner "
    "causerie ayant pour thème : Odyssée, cap sur l’enrichissement",
    "Effectuer le suivi de ces rencontres et faire ressortir les impacts dans chaque "
    "sous région et faire les suivis au niveau régional",
    "Rencontrer les équipes de travail qui en font la demande CPE et CPE-BC",
    "Mettre en commun et analyser les résultats au niveau provincial",
    "Soumettre à l’analyse de la recherche",
    "Compiler les outils recenser et produire un rapport pour le comité scientifique",
    "Participer à la production du rapport",
    "Présenter les résultats à la direction ainsi qu’aux membres",
    "Sonder les besoins, mettre en place et animer les communautés de pratique en "
    "pédagogie :",
    "pour les responsables de la pédagogie en CPE installation : tenir 3 à 4 "
    "rencontres par année",
    "pour les DG : travailler en collaboration pour instaurer une réflexion "
    "pédagogique dans les milieux",
    "pour les CPE et BC : trouver une façon de se rencontrer pour répondre le plus "
    "possible aux besoins des RSGMF",
    "pour les responsables de l’alimentation : informer, susciter la réflexion en "
    "lien avec Odyssée et le Programme éducatif en mettant en action différents "
    "moyens d’application",
    "Co-préparer, co-animer et faire les suivis des différentes activités lors des "
    "tables",
    "Voir à mettre en place des comités et les animer :",
    "Comité Odyssée (un par sous-région)",
    "Comité site internet du regroupement",
    "Travailler en collaboration avec les milieux pour favoriser la compréhension et "
    "l’implantation du Programme éducatif",
    "Élaborer un dossier de références sur les communautés de pratique",
    "Recevoir une formation de base (projet Odyssée) et en assurer la diffusion au "
    "sein du RCPE",
    "Approfondir et expérimenter le fonctionnement des communautés de pratique.",
    "Bâtir un document de référence (au besoin)",
    "Mettre en application le processus de recension dans les CPE et en faire "
    "l’analyse",
    "Proposer et choisir les stratégies de recension les plus pertinentes pour "
    "chacun des milieux et effectuer la collecte",
    "Travailler en collaboration étroite avec le comité provincial, participer aux "
    "rencontres et comités spécifiques (particulièrement celui de la recension et "
    "scientifique)",
    "Diffuser les résultats de façon continue à la direction et aux différents "
    "acteurs du RCPE par le biais du site internet",
    "Diffuser un communiqué une fois par mois qui informe les membres sur le projet "
    "Odyssée",
)

# Every « Cible », paragraph by paragraph.
TARGETS = (
    "Les CPE sont conscientisés à l’importance de contribuer de façon massive aux "
    "activités visant la professionnalisation et la promotion de la qualité.",
    "Le RCPE possède une vision élargie des différents outils, pratiques, produits et "
    "services offerts par les RCPE des autres régions vs les 4 zones d’intervention "
    "du projet.",
    "Quelques-unes de ces pratiques ont été soumises à l’analyse de la recherche.",
    "Les résultats sont diffusés.",
    "Les communautés de pratique instaurées ont permis aux CPE de partager leur "
    "expertise, leurs outils.",
    "Elles ont permis aux CPE de réfléchir et de contribuer à la définition de "
    "visions communes et de partager des outils ou de participer à leur élaboration.",
    "Au RCPE, débuter une réflexion sur les communautés de pratique avec les "
    "différents groupes de travail",
    "Accompagner les participantes aux différentes propositions de communautés de "
    "pratique et mettre à leur disposition les outils nécessaires afin de développer "
    "des compétences et de les transmettre dans leur équipe respective.",
    "Le processus de recension a permis d’identifier les meilleures pratiques sur le "
    "territoire du RCPE et ce, dans les 4 zones d’intervention.",
    "Certaines pratiques ont été évaluées par la recherche et formalisées au besoin.",
    "La diffusion de ces pratiques se concrétise à travers les activités du "
    "Regroupement : tables, formation, outils…",
)

OBJECTIVES = (
    "Promouvoir le Projet Odyssée au sein du réseau et la relation étroite avec les "
    "objectifs du RCPE",
    "Recenser les outils et pratiques du RCPE",
    "Mettre en place des communautés de pratique",
    "Recenser et promouvoir les bonnes pratiques et pratiques exemplaires sur le "
    "territoire du RCPE.",
)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def source():
    return flat(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture
def demo():
    with time_machine.travel(LOADED_ON, tick=False):
        slugs = [s.slug for s in load_demo()]
        load_communities()
        load_demo_meetings(slugs)
        load_demo_practices(slugs)
        load_demo_library(slugs)
        count = load_demo_plans(slugs)
        yield slugs, count


def test_source_texts_of_this_test_are_the_documents_own(source):
    for text in ACTIONS + TARGETS + OBJECTIVES:
        assert flat(text) in source, text


def test_every_action_target_and_objective_of_the_source_is_in_the_demo_plan(demo):
    plan = Plan.objects.get(network__slug="mcq", title=MCQ_TITLE)
    actions = [flat(d) for d in plan.actions.values_list("description", flat=True)]
    targets = [
        flat(t)
        for t in Target.objects.filter(objective__mandate__plan=plan).values_list(
            "expected_result", flat=True
        )
    ]
    objectives = [
        flat(o.title) for m in plan.mandates.all() for o in m.objectives.all()
    ]
    for text in ACTIONS:
        assert any(flat(text) in a for a in actions), text
    for text in TARGETS:
        assert any(flat(text) in t for t in targets), text
    for title in OBJECTIVES:
        assert flat(title) in objectives
    assert "Projet Odyssée" in plan.context and "PÉDAGOGIE" in plan.context
    titles = list(plan.mandates.values_list("title", flat=True))
    assert titles[0] == "Projet Odyssée"
    assert "PÉDAGOGIE" in titles[1]
    assert titles[2].startswith("Structure et plan de travail")


def test_periods_are_moved_to_2026_2028(demo):
    plan = Plan.objects.get(network__slug="mcq", title=MCQ_TITLE)
    assert plan.period_start.year == 2026 and plan.period_end.year == 2028
    dated = plan.actions.exclude(starts_on=None)
    pairs = dated.values_list("starts_on", "ends_on")
    years = {day.year for pair in pairs for day in pair if day}
    assert years <= {2026, 2027, 2028}
    notes = " ".join(plan.actions.values_list("schedule_note", flat=True))
    assert not re.search(r"200\d", notes)

    def schedule(start):
        action = plan.actions.filter(description__startswith=start).first()
        return action.schedule_kind, action.starts_on, action.ends_on

    assert schedule("Démarrage d’un comité") == (
        ScheduleKind.MONTHS,
        datetime.date(2026, 8, 1),
        datetime.date(2026, 9, 30),
    )
    assert schedule("Rencontrer les équipes")[0] == ScheduleKind.ONGOING
    assert schedule("Soumettre à l’analyse") == (
        ScheduleKind.ONGOING,
        datetime.date(2027, 5, 1),
        None,
    )
    assert schedule("Présenter les résultats")[0] == ScheduleKind.MOMENT
    assert plan.actions.get(
        description__startswith="Présenter les résultats"
    ).schedule_note == ("Dès sortie des résultats")
    assert schedule("Sonder les besoins")[1:] == (
        datetime.date(2026, 9, 1),
        datetime.date(2027, 5, 31),
    )
    assert schedule("Mettre en application le processus")[1:] == (
        datetime.date(2026, 9, 1),
        datetime.date(2028, 6, 30),
    )
    meetings = plan.actions.filter(description__startswith="Rencontre de l’équipe")
    assert sorted(meetings.values_list("starts_on", flat=True)) == [
        datetime.date(2026, 9, 4),
        datetime.date(2026, 11, 21),
        datetime.date(2027, 2, 13),
    ]


def test_statuses_follow_the_day_it_was_loaded(demo):
    plan = Plan.objects.get(network__slug="mcq", title=MCQ_TITLE)
    today = LOADED_ON.date()
    statuses = set(plan.actions.values_list("status", flat=True))
    assert {ActionStatus.DONE, ActionStatus.IN_PROGRESS, ActionStatus.NOT_STARTED} <= (
        statuses
    )
    late = [a for a in plan.actions.all() if a.is_late(today)]
    assert 1 <= len(late) <= 2
    assert (
        plan.actions.filter(
            Q(responsible_people__isnull=False)
            | Q(responsible_communities__isnull=False)
        )
        .distinct()
        .count()
        == plan.actions.count()
    )


def test_computed_indicators_read_the_demos_activity(demo):
    plan = Plan.objects.get(network__slug="mcq", title=MCQ_TITLE)
    indicators = list(plan.indicators.select_related("community"))
    # The survey response rate comes with the demo surveys (surveys/tests/test_demo).
    assert {i.kind for i in indicators} == set(IndicatorKind.values) - {
        IndicatorKind.SURVEY_RESPONSE_RATE
    }
    readings = values_for(indicators, network=plan.network, today=LOADED_ON.date())
    pedagogy = next(
        i
        for i in indicators
        if i.kind == IndicatorKind.SESSIONS_HELD and i.community.slug == "pedagogie"
    )
    held = Session.objects.filter(
        community=pedagogy.community,
        status=SessionStatus.HELD,
        starts_at__date__gte=pedagogy.period_start,
        starts_at__date__lte=pedagogy.period_end,
    ).count()
    assert held > 0
    assert readings[pedagogy.pk].value == held
    for kind in (
        IndicatorKind.PARTICIPANTS,
        IndicatorKind.SHEETS_GATHERED,
        IndicatorKind.TOOLS_PUBLISHED,
    ):
        assert any(readings[i.pk].value for i in indicators if i.kind == kind), kind
    manual = [i for i in indicators if i.kind == IndicatorKind.MANUAL]
    assert all(readings[i.pk].value is not None for i in manual)


def test_follow_ups_are_written_by_representatives_in_their_own_sub_region(demo):
    notes = list(FollowUpNote.objects.filter(action__plan__title=MCQ_TITLE))
    assert 2 <= len(notes) <= 3
    for note in notes:
        assert SeatTerm.objects.filter(
            holder=note.author, seat__subregion=note.subregion
        ).exists()


def test_demo_plans_load_once_and_send_nothing(demo):
    slugs, count = demo
    assert count == 2
    assert Plan.objects.filter(network__slug="pancanadien", title=PAN_TITLE).exists()
    before = (Action.objects.count(), Indicator.objects.count())
    with time_machine.travel(LOADED_ON, tick=False):
        assert load_demo_plans(slugs) == 2
    assert (Action.objects.count(), Indicator.objects.count()) == before
    assert mail.outbox == []
