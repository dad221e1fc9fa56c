"""PDFs of practices carry their accents: a page is turned back into text."""

import shutil
import subprocess

import pytest
from django.urls import reverse

from entraide.practices.tests.access_browse import published_sheet

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (scripts/test-deps.sh)"
)


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "fiche.pdf"
    path.write_bytes(content)
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


def test_sheet_pdf_renders_accents(client, inventory, tmp_path):
    sheet = published_sheet(
        inventory.network,
        "Éducatrices et éveil musical",
        summary="Les éducatrices chantent à l'arrivée, même en hiver.",
        subregion=inventory.subregion,
    )
    response = client.get(
        reverse(
            "practices:practice_pdf",
            kwargs={"network": inventory.network.slug, "pk": sheet.pk},
        )
    )
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    assert "Éducatrices et éveil musical" in text
    assert "à l'arrivée, même en hiver" in text
    assert "Sous-région" in text


def test_retained_compilation_lists_retained_sheets_with_their_summary(
    client, inventory, tmp_path
):
    published_sheet(inventory.network, "Éducatrices retenues", state="retained")
    published_sheet(inventory.network, "Brouillon caché", state="draft")
    client.force_login(inventory.rep)
    response = client.get(
        reverse("practices:retained_pdf", kwargs={"network": inventory.network.slug})
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = pdf_text(response.content, tmp_path)
    assert "Éducatrices retenues" in text
    assert "Brouillon caché" not in text
    assert "pas été évaluée" in text
