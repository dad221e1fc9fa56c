"""The reports' PDFs: their text, and a first page that is drawn."""

import shutil
import subprocess

import pytest

from entraide.reports.models import ReportKind, ReportRun
from entraide.reports.services import build, request_report
from entraide.reports.tests.conftest import END, START

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None,
        reason="poppler-utils (scripts/test-deps.sh)",
    ),
]


def run(*command, data: bytes) -> bytes:
    return subprocess.run(  # noqa: S603
        command, input=data, capture_output=True, check=True
    ).stdout


def built(place, kind, actor=None):
    report = request_report(
        network=place.network,
        kind=kind,
        period_start=START,
        period_end=END,
        actor=actor or place.lead,
    )
    assert build(report.pk) == "done"
    report = ReportRun.objects.get(pk=report.pk)
    with report.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    return content


def text_of(content: bytes) -> str:
    return " ".join(
        run("pdftotext", "-layout", "-", "-", data=content).decode().split()
    )


def assert_first_page_drawn(content: bytes) -> None:
    """Page 1, drawn in grey levels at low resolution: far from all white."""
    image = run(
        "pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-gray", "-", data=content
    )
    pixels = image.split(b"\n", 3)[3]
    dark = sum(1 for value in pixels if value < 200)
    assert dark > len(pixels) // 100


def test_management_report_pdf(place):
    content = built(place, ReportKind.MANAGEMENT)
    text = text_of(content)
    assert "Rapport pour la direction" in text
    assert "Réseau Mauricie–Centre-du-Québec" in text
    assert "Du 1 janvier 2026 au 31 mars 2026" in text
    assert "Participation par communauté" in text
    assert "Pédagogie 3 2 3 4 60,0 %" in text
    assert "Sous-région A mcq 2 2 3 75,0 %" in text
    assert "Avancement du plan d'action" in text
    assert "Rencontres de la communauté Pédagogie" in text
    assert "Cible atteinte" in text
    assert_first_page_drawn(content)


def test_scientific_committee_report_pdf(place):
    content = built(place, ReportKind.SCIENTIFIC, actor=place.scientist)
    text = text_of(content)
    assert "Rapport pour le comité scientifique" in text
    assert "État de l'inventaire des pratiques" in text
    # Narrow columns wrap the title: its row reads « Jeu dehors en … Évaluée 2 1 4,00 ».
    assert "Jeu dehors en Sous-région B Évaluée 2 1 4,00" in text
    assert "Pertinence 1 3,50" in text
    assert_first_page_drawn(content)


def test_funders_report_pdf(place):
    content = built(place, ReportKind.FUNDERS)
    text = text_of(content)
    assert "Rapport pour les bailleurs de fonds" in text
    assert "Heures de rencontre" in text and "3,50" in text
    assert "Région mcq 3" in text
    assert "Éducatrice ou éducateur 2" in text
    assert "Outils publiés par type" in text
    assert_first_page_drawn(content)


def test_a_report_is_written_in_its_requesters_language(place):
    place.lead.language = "en"
    place.lead.save(update_fields=["language"])
    text = text_of(built(place, ReportKind.MANAGEMENT))
    assert "Done" in text and "Terminée" not in text
