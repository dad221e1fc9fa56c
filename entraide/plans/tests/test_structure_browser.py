"""A representative opens an action on her phone, writes a follow-up for her
sub-region and sees it on the action's page; axe runs on every page visited."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.plans.models import FollowUpNote

pytestmark = pytest.mark.browser


def test_representative_writes_a_follow_up_for_her_sub_region(page, live_server, plans):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, plans.rep_a.email)
    page.goto(f"{live_server.url}{plans.action.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tenir 3 à 4")
    assert_accessible(page, context="action page")

    page.get_by_role("link", name="Consigner un suivi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consigner un suivi")
    assert_accessible(page, context="follow-up form")
    page.get_by_label("Suivi (obligatoire)").fill(
        "Deux rencontres **tenues** à Trois-Rivières."
    )
    page.get_by_label("Impacts observés").fill("Les éducatrices partagent davantage.")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_text("Le suivi est consigné.")).to_be_visible()
    note = FollowUpNote.objects.get()
    assert note.subregion == plans.subregion_a
    article = page.locator(f"#follow-up-{note.pk}")
    expect(article).to_contain_text("Deux rencontres tenues à Trois-Rivières.")
    expect(article.get_by_role("link", name="Modifier")).to_be_visible()
    assert_accessible(page, context="action page with the follow-up")
