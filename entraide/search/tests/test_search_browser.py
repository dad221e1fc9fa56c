"""Browser story at 360 px: a member types in the header's search box, sees
suggestions, then the results page (axe on each)."""

import re

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_member_types_in_the_search_box_and_finds_a_thread(page, live_server, corpus):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, "ped@a.example")
    page.goto(f"{live_server.url}/r/{corpus.a.slug}/communautes/")
    box = page.get_by_role("searchbox", name="Rechercher dans le réseau")
    box.press_sequentially("morsu", delay=30)
    suggestions = page.locator("#search-suggestions")
    expect(
        suggestions.get_by_role("link", name="Morsures à la pouponnière")
    ).to_be_visible()
    expect(
        suggestions.get_by_role("link", name="Rencontre sur les morsures")
    ).to_be_visible()
    assert_accessible(page, context="suggestions")

    box.fill("morsures")
    box.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Recherche")
    expect(page.get_by_text("2 résultats pour « morsures »")).to_be_visible()
    expect(page.locator(".search-result mark").first).to_have_text(
        re.compile("morsures", re.IGNORECASE)
    )
    assert_accessible(page, context="results")

    page.get_by_role("link", name="Rencontres (1)").click()
    expect(page.get_by_text("1 résultat pour « morsures »")).to_be_visible()
    assert_accessible(page, context="results by kind")
    page.get_by_role("link", name="Rencontre sur les morsures").click()
    expect(
        page.get_by_role("heading", name="Rencontre sur les morsures")
    ).to_be_visible()


def test_visitor_searches_and_sees_only_public_things(page, live_server, corpus):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/r/{corpus.a.slug}/recherche/")
    assert_accessible(page, context="empty search page")
    page.get_by_label("Rechercher", exact=True).fill("jeu")
    page.get_by_role("button", name="Rechercher", exact=True).click()
    expect(page.get_by_role("link", name="Grille d'observation du jeu")).to_be_visible()
    expect(page.get_by_text("Le jeu extérieur en hiver")).to_have_count(0)
    expect(page.get_by_text("Pédagogie et jeu")).to_have_count(0)
    assert_accessible(page, context="visitor results")


def test_a_broad_search_says_its_numbers_are_lower_bounds(
    page, live_server, corpus, settings
):
    """Over the bounds (tiny here), the numbers read « plus de » and a line says
    how the shown results were chosen."""
    from entraide.practices.tests.access_browse import published_sheet
    from entraide.search.services import rebuild

    settings.SEARCH_COUNT_MAX = 3
    settings.SEARCH_RECENT_WINDOW = 2
    settings.SEARCH_LISTED_MAX = 25
    for i in range(6):
        published_sheet(corpus.a, f"Comptine {i}", scope="public")
    rebuild()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/r/{corpus.a.slug}/recherche/?q=comptine")
    expect(page.get_by_text("Plus de 3 résultats pour « comptine »")).to_be_visible()
    expect(page.get_by_role("link", name="Pratiques (plus de 3)")).to_be_visible()
    expect(page.get_by_text("choisis parmi les premiers trouvés")).to_be_visible()
    assert_accessible(page, context="broad search")
