"""Browser story of writing a tool, at 360 px wide, with axe on every page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.library.tests.factories import PDF_BYTES

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _quick(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_co_author_writes_a_tool_with_a_file_edits_twice_compares_and_downloads(
    page, live_server, library
):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, "co-author@mcq.example")
    mine = reverse("library:mine", kwargs={"network": library.network.slug})
    page.goto(f"{live_server.url}{mine}")
    expect(page.get_by_role("heading", name="Mes outils")).to_be_visible()
    assert_accessible(page, context="my tools, empty")

    page.get_by_role("link", name="Nouvel outil").click()
    expect(page.get_by_role("heading", name="Nouvel outil")).to_be_visible()
    assert_accessible(page, context="new tool")
    page.get_by_role("button", name="Enregistrer l'outil").click()
    expect(page.get_by_text("Donnez un titre à l'outil.")).to_be_visible()
    assert_accessible(page, context="new tool with errors")

    page.get_by_label("Titre (obligatoire)").fill("Grille d'observation du dîner")
    page.get_by_label("Type d'outil (obligatoire)").select_option("observation_grid")
    page.get_by_label("Description").fill("Pour observer le dîner.")
    page.get_by_label("Document en ligne").fill("Observer chaque enfant au dîner.")
    page.get_by_label("Fichier").set_input_files(
        {"name": "grille.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_label("Alimentation", exact=True).check()
    page.get_by_label("Responsable de l'alimentation").check()
    page.get_by_role("button", name="Enregistrer l'outil").click()
    expect(page.get_by_text("L'outil est enregistré.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Grille d'observation du dîner")
    ).to_be_visible()
    expect(page.get_by_text("En coconstruction").first).to_be_visible()
    expect(page.get_by_role("link", name="Télécharger « grille.pdf »")).to_be_visible()
    assert_accessible(page, context="the tool page")

    for text, note in (
        ("Observer chaque enfant au dîner et au goûter.", "Le goûter aussi"),
        ("Observer chaque enfant au dîner, au goûter et à la collation.", ""),
    ):
        page.get_by_role("link", name="Modifier", exact=True).click()
        expect(page.get_by_label("Document en ligne")).not_to_have_value("")
        assert_accessible(page, context="edit form")
        page.get_by_label("Document en ligne").fill(text)
        page.get_by_label("Ce qui a changé").fill(note)
        page.get_by_role("button", name="Enregistrer une nouvelle version").click()
        expect(page.get_by_text("L'outil est enregistré.")).to_be_visible()
        expect(page.get_by_text(text)).to_be_visible()

    page.get_by_role("link", name="Versions").click()
    expect(page.get_by_role("heading", name="Versions de")).to_be_visible()
    expect(page.get_by_text("Le goûter aussi")).to_be_visible()
    assert_accessible(page, context="versions")
    page.get_by_role("link", name="Comparer la version 1 et la version 2").click()
    expect(page.locator("ins").first).to_contain_text("goûter")
    expect(page.get_by_text("Ajouté :").first).to_be_visible()
    assert_accessible(page, context="differences")
    page.get_by_role("link", name="Revenir aux versions").click()
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Télécharger le fichier de la version 1 (grille.pdf)"
        ).click()
    assert download.value.suggested_filename == "grille.pdf"

    page.goto(f"{live_server.url}{mine}")
    expect(
        page.get_by_role("link", name="Grille d'observation du dîner")
    ).to_be_visible()
    assert_accessible(page, context="my tools with one tool")
    community = reverse(
        "library:community", kwargs={"network": "mcq", "slug": "alimentation"}
    )
    page.goto(f"{live_server.url}{community}")
    expect(
        page.get_by_role("link", name="Grille d'observation du dîner")
    ).to_be_visible()
    assert_accessible(page, context="the community's tools")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
