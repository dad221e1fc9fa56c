"""The numbers of each report, against the hand-built network of conftest.py."""

import pytest

from entraide.reports.contents import compute
from entraide.reports.models import ReportKind
from entraide.reports.tests.conftest import END, START
from entraide.surveys.selectors import response_rate
from entraide.surveys.tests.factories import THEMES, make_survey
from entraide.surveys.tests.test_results_analysis import send

pytestmark = pytest.mark.django_db


def report(place, kind):
    contents = compute(place.network, kind, START, END)
    return contents, {table.key: table for table in contents.tables}


def by_label(table):
    return {row[0]: row[1:] for row in table.rows}


def figures(contents):
    return {label: value for label, value, _kind in contents.figures}


def test_management_participation_by_community(place):
    contents, tables = report(place, ReportKind.MANAGEMENT)
    rows = by_label(tables["communities"])
    assert rows == {
        "Comité scientifique": [1, 0, 0, 0, None],
        "Gestion": [2, 1, 1, 1, 50.0],
        "Pédagogie": [3, 2, 3, 4, 60.0],
    }
    found = figures(contents)
    assert found["Rencontres tenues"] == 3
    assert found["Personnes présentes au moins une fois"] == 4
    assert found["Taux de présence des personnes inscrites"] == 57.1


def test_management_participation_by_subregion(place):
    _contents, tables = report(place, ReportKind.MANAGEMENT)
    rows = by_label(tables["subregions"])
    assert rows == {
        "Sous-région A mcq": [2, 2, 3, 75.0],
        "Sous-région B mcq": [1, 1, 1, 0.0],
        "Sous-région non précisée": [6, 1, 1, 100.0],
    }


def test_management_plan_progress(place):
    contents, tables = report(place, ReportKind.MANAGEMENT)
    found = figures(contents)
    assert found["Avancement moyen des actions du plan"] == 50
    assert found["Actions en retard à la fin de la période"] == 1
    statuses = by_label(tables["plan"])
    assert statuses["Terminée"][0] == 1
    assert statuses["En cours"] == [1, 50]
    assert statuses["Pas commencée"][0] == 1
    assert statuses["Annulée"] == [0, None]
    [indicator] = tables["indicators"].rows
    assert indicator[0] == "Rencontres de la communauté Pédagogie"
    assert indicator[1] == 3
    assert indicator[2] == "3 à 4 rencontres"
    assert indicator[3] == "Cible atteinte"


def test_management_without_a_plan_says_so(place):
    contents = compute(
        place.network,
        ReportKind.MANAGEMENT,
        START.replace(year=2024),
        END.replace(year=2024),
    )
    plan = next(t for t in contents.tables if t.key == "plan")
    assert plan.rows == []
    assert plan.empty == "Aucun plan d'action en cours pendant cette période."


def test_scientific_inventory_states(place):
    contents, tables = report(place, ReportKind.SCIENTIFIC)
    rows = by_label(tables["states"])
    assert rows["Brouillon"] == [1, 0]
    assert rows["Soumise au comité régional"] == [1, 0]
    assert rows["Retenue"] == [1, 1]
    assert rows["Non retenue"] == [1, 0]
    assert rows["Au comité scientifique"] == [1, 0]
    assert rows["Évaluée"] == [1, 1]
    assert rows["Publiée"] == [0, 0]
    found = figures(contents)
    assert found["Fiches dans l'inventaire"] == 6
    assert found["Fiches soumises pendant la période"] == 1
    assert found["Fiches retenues par le comité régional"] == 3


def test_scientific_retained_sheets_with_their_evaluations(place):
    _contents, tables = report(place, ReportKind.SCIENTIFIC)
    rows = by_label(tables["retained"])
    assert rows == {
        "Accueil des familles": [
            "Sous-région A mcq",
            "Au comité scientifique",
            1,
            0,
            None,
        ],
        "Jeu dehors en hiver": ["Sous-région B mcq", "Évaluée", 2, 1, 4.0],
        "Routines apaisantes": ["Sous-région A mcq", "Retenue", 0, 0, None],
    }
    criteria = by_label(tables["criteria"])
    assert criteria == {"Pertinence": [1, 3.5], "Transférabilité": [1, 4.5]}


def test_funders_outcomes(place):
    contents, tables = report(place, ReportKind.FUNDERS)
    found = figures(contents)
    assert found["Communautés actives"] == 2
    assert found["Communautés ayant tenu une rencontre"] == 2
    assert found["Rencontres tenues"] == 3
    assert found["Heures de rencontre"] == 3.5
    assert found["Personnes présentes au moins une fois"] == 4
    assert found["Outils publiés"] == 2
    assert found["Pratiques publiées"] == 0
    assert found["Fiches de pratique recueillies"] == 1
    kinds = by_label(tables["kinds"])
    assert kinds["Communauté de pratique"] == [1, 2, 3]
    assert kinds["Communauté d'apprentissage professionnelle"] == [1, 1, 1]
    assert kinds["Comité scientifique"] == [1, 0, 0]
    assert by_label(tables["provinces"]) == {"Région mcq": [3], "Non précisée": [1]}
    roles = by_label(tables["job_roles"])
    assert roles["Éducatrice ou éducateur"] == [2]
    assert roles["Gestionnaire ou direction générale"] == [1]
    assert roles["Responsable d'un service de garde en milieu familial"] == [1]
    assert roles["Chercheuse ou chercheur"] == [0]
    tools = by_label(tables["tools"])
    assert tools["Gabarit"] == [1] and tools["Guide"] == [1]
    assert sum(row[0] for row in tools.values()) == 2


def test_funders_survey_highlights(place):
    from entraide.reports.tests.conftest import at

    survey = make_survey(
        place.network, status="open", opens_at=at(2026, 2, 1), title="Besoins 2026"
    )
    make_survey(
        place.network,
        status="closed",
        opens_at=at(2025, 1, 1),
        closes_at=at(2025, 2, 1),
        title="Ancien sondage",
    )
    for person, order in (
        (place.e1, THEMES),
        (place.e2, THEMES),
        (place.e3, THEMES[::-1]),
    ):
        send(survey, {"ranking": order}, person=person)
    _contents, tables = report(place, ReportKind.FUNDERS)
    [row] = tables["surveys"].rows
    asked = response_rate(survey)["asked"]
    assert row[:3] == ["Besoins 2026", 3, asked]
    assert row[3] == round(100 * 3 / asked)
    assert row[4] == " ; ".join(THEMES[:3])


def test_nothing_of_another_network_is_counted(place):
    """Network B holds the same activity as A (the exact counts of A above would
    double if B's leaked in); B's own reports name only B's places and sheets."""
    _contents, tables = report(place, ReportKind.MANAGEMENT)
    assert all("autre" not in row[0] for row in tables["subregions"].rows)
    other = compute(place.other_network, ReportKind.MANAGEMENT, START, END)
    subregions = next(t for t in other.tables if t.key == "subregions")
    assert [row[0] for row in subregions.rows] == [
        "Sous-région A autre",
        "Sous-région B autre",
        "Sous-région non précisée",
    ]
    scientific = compute(place.other_network, ReportKind.SCIENTIFIC, START, END)
    retained = next(t for t in scientific.tables if t.key == "retained")
    assert {row[1] for row in retained.rows} <= {
        "Sous-région A autre",
        "Sous-région B autre",
    }
