"""The printable summary of a survey's results."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from entraide.surveys.tests.factories import THEMES
from entraide.surveys.tests.test_results_views import fill

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None,
        reason="poppler-utils (scripts/test-deps.sh)",
    ),
]


def pdf_url(survey):
    return reverse(
        "surveys:results_pdf", kwargs={"network": survey.network.slug, "pk": survey.pk}
    )


def run(*command, data: bytes) -> bytes:
    return subprocess.run(  # noqa: S603
        command, input=data, capture_output=True, check=True
    ).stdout


def test_the_summary_holds_the_numbers_and_its_first_page_is_drawn(
    client, surveys, tmp_path
):
    fill(surveys, 6)
    client.force_login(surveys.facilitator)
    response = client.get(pdf_url(surveys.survey))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    content = response.content
    assert content.startswith(b"%PDF")
    (tmp_path / "summary.pdf").write_bytes(content)
    text = run("pdftotext", "-layout", "-", "-", data=content).decode()
    assert "Résultats — Sondage des besoins 2026-2027" in text
    assert "6 réponses envoyées sur 8 personnes visées" in text
    assert "Participez-vous déjà à une communauté de pratique ?" in text
    assert THEMES[0] in text
    assert "Texte 5" in text
    assert "Sondage anonyme" in text
    # Page 1, drawn in grey levels at low resolution: far from all white.
    image = run(
        "pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-gray", "-", data=content
    )
    pixels = image.split(b"\n", 3)[3]
    dark = sum(1 for value in pixels if value < 200)
    assert dark > len(pixels) // 100


def test_the_summary_is_in_english_for_an_english_manager(client, surveys):
    fill(surveys, 2)
    surveys.facilitator.language = "en"
    surveys.facilitator.save(update_fields=["language"])
    client.force_login(surveys.facilitator)
    content = client.get(pdf_url(surveys.survey)).content
    text = run("pdftotext", "-layout", "-", "-", data=content).decode()
    assert "2 responses sent out of 8 people asked" in text


def test_the_summary_is_for_managers_only(client, surveys):
    client.force_login(surveys.educator)
    assert client.get(pdf_url(surveys.survey)).status_code == 404
    client.logout()
    assert client.get(pdf_url(surveys.survey)).status_code == 302
