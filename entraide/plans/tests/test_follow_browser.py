"""The project lead reads the plan on a phone and adds a computed indicator to an
action from the table; axe runs on every page visited."""

import re

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.plans.models import Indicator

pytestmark = pytest.mark.browser


def test_lead_adds_a_computed_indicator_from_the_table(page, live_server, plans):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, plans.lead.email)
    page.goto(f"{live_server.url}{plans.plan.get_absolute_url()}")
    expect(page.get_by_role("heading", level=1)).to_have_text(plans.plan.title)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the plan scrolls sideways on a phone"
    )
    assert_accessible(page, context="plan table")

    page.locator(f"#action-{plans.action.pk}").get_by_role(
        "link", name=re.compile("^Ajouter un indicateur à l.action")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvel indicateur")
    assert_accessible(page, context="indicator form")
    page.get_by_label("Nom de l'indicateur").fill("Rencontres de l'année")
    page.get_by_label("Mesure").select_option("sessions_held")
    page.get_by_label("Communauté").select_option(label=plans.pedagogy.name)
    page.get_by_label("Unité").fill("rencontres")
    page.get_by_label("Cible visée (obligatoire)").fill("3")
    page.get_by_label("Cible visée (au plus)").fill("4")
    page.get_by_role("button", name="Enregistrer").click()

    expect(page.get_by_text("L'indicateur est ajouté.")).to_be_visible()
    made = Indicator.objects.get(name="Rencontres de l'année")
    assert made.action == plans.action
    row = page.locator(
        f"#target-{plans.target.pk} li", has_text="Rencontres de l'année"
    )
    expect(row).to_contain_text("0 sur 3 à 4 rencontres")
    expect(row).to_contain_text(re.compile("Sous la cible|En bonne voie"))
    assert_accessible(page, context="plan table after adding")
