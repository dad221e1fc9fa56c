"""Browser story: an anonymous visitor finds a public practice and reads it (axe)."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible
from entraide.practices.tests.access_browse import published_sheet

pytestmark = pytest.mark.browser


def test_visitor_finds_a_public_practice_by_searching_educatrice(
    page, live_server, inventory
):
    published_sheet(
        inventory.network,
        "Les éducatrices chantent le rangement",
        summary="Une comptine annonce la fin du jeu.",
        subregion=inventory.subregion,
        themes=[inventory.themes[0]],
        age_group="18m_3",
    )
    published_sheet(inventory.network, "Réservée au réseau", scope="network")
    page.goto(f"{live_server.url}/r/{inventory.network.slug}/pratiques/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pratiques publiées")
    expect(page.get_by_text("Réservée au réseau")).to_have_count(0)
    assert_accessible(page, context="practices list")

    page.get_by_label("Rechercher", exact=True).fill("educatrice")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_text("1 pratique trouvée")).to_be_visible()
    assert_accessible(page, context="practices search")

    page.get_by_role("link", name="Les éducatrices chantent le rangement").click()
    expect(
        page.get_by_role("heading", name="Les éducatrices chantent le rangement")
    ).to_be_visible()
    expect(page.get_by_text(inventory.subregion.name).first).to_be_visible()
    expect(page.get_by_role("link", name="Télécharger la fiche (PDF)")).to_be_visible()
    assert_accessible(page, context="practice page")
