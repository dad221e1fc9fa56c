"""Browser story of the yearly programme, with axe on every page visited."""

from datetime import UTC, date, datetime

import pytest
import time_machine
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import Session, YearTheme

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def test_facilitator_plans_the_pedagogy_year_with_themes(page, live_server, place):
    with time_machine.travel(datetime(2026, 8, 15, 16, tzinfo=UTC), tick=True):
        sign_in(page, live_server, "facilitator@mcq.example")
        page.goto(f"{live_server.url}/r/mcq/communautes/pedagogie/rencontres/")
        page.get_by_role("link", name="Programme de l'année").click()
        # Mid-August: the current season is 2025–2026; next is the one to plan.
        page.get_by_role("link", name="Saison 2026–2027").click()
        expect(
            page.get_by_role(
                "heading", name="Programme de l'année 2026–2027 — Pédagogie"
            )
        ).to_be_visible()
        assert_accessible(page, context="empty programme")

        page.get_by_role("link", name="Modifier les thèmes").click()
        page.get_by_label("Thèmes de la saison, un par ligne").fill(
            "Accueillir les familles\nLe jeu libre\nLes transitions\nL'éveil musical"
        )
        page.get_by_role("button", name="Enregistrer les thèmes").click()
        expect(
            page.get_by_text("Les thèmes de la saison sont enregistrés.")
        ).to_be_visible()

        page.get_by_role("link", name="Planifier la saison").first.click()
        page.get_by_label("3 à 4 fois entre septembre et mai").check()
        page.get_by_label("Jour de la semaine (obligatoire)").select_option(
            label="mardi"
        )
        page.get_by_label("Heure de début (obligatoire)").fill("18:30")
        assert_accessible(page, context="planner cadence")
        page.get_by_role("button", name="Proposer des dates").click()

        rows = page.locator(".planner-row")
        expect(rows).to_have_count(4)
        expect(rows.nth(0).get_by_label("Titre")).to_have_value(
            "Accueillir les familles"
        )
        expect(rows.nth(1).get_by_label("Date et heure")).to_have_value(
            "2026-12-08T18:30"
        )
        assert_accessible(page, context="proposed dates")
        page.set_viewport_size({"width": 360, "height": 740})
        assert page.evaluate("document.documentElement.scrollWidth <= 360")
        page.set_viewport_size({"width": 1280, "height": 720})
        rows.nth(1).get_by_label("Date et heure").fill("2026-12-01T19:00")
        page.get_by_role("button", name="Créer les rencontres").click()

        expect(page.get_by_text("4 rencontres sont créées.")).to_be_visible()
        assert_accessible(page, context="programme with sessions")
    sessions = list(Session.objects.order_by("starts_at"))
    assert [s.theme for s in sessions] == [t.title for t in YearTheme.objects.all()]
    moved = sessions[1]
    assert moved.starts_at == datetime(2026, 12, 2, 0, 0, tzinfo=UTC)
    assert [s.starts_at.date() for s in sessions[2:]] == [
        date(2027, 2, 9),
        date(2027, 5, 11),
    ]
