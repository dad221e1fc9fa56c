"""A representative reads the timeline, then the report of a range, at 360 px."""

import pytest

from entraide.core.testing import assert_accessible, sign_in


@pytest.mark.browser
def test_representative_reads_the_timeline_then_a_report(page, live_server, plans):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, plans.rep_a.email)
    base = f"{live_server.url}/r/{plans.network.slug}/plan/{plans.plan.pk}/"
    page.goto(f"{base}chronologie/")
    assert page.locator("table.timeline caption").is_visible()
    assert page.get_by_text("Tenir 3 à 4 rencontres par année").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="timeline")
    page.get_by_role("link", name="Rapport d'avancement").click()
    page.locator("#id_start").fill("2026-09-01")
    page.locator("#id_end").fill("2026-08-01")
    page.get_by_role("button", name="Afficher le rapport").click()
    assert page.get_by_text("La fin de la période doit suivre son début.").is_visible()
    assert page.locator("#id_start").input_value() == "2026-09-01"
    assert_accessible(page, context="report with an error")
    page.locator("#id_end").fill("2026-12-31")
    page.get_by_role("button", name="Afficher le rapport").click()
    assert page.get_by_role("heading", name="En bref").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="report")
