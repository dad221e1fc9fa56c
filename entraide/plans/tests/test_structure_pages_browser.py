"""The lead's building pages on a phone, axe on each: a new plan and its first
rows, an action's progress, a measure entered by hand, and the confirmations
before deleting."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.plans.models import Indicator, Plan, Target

pytestmark = pytest.mark.browser


def _url(plans, name, **kwargs):
    return reverse(
        f"plans:{name}",
        kwargs={"network": plans.network.slug, "plan": plans.plan.pk, **kwargs},
    )


def test_lead_builds_a_plan_and_follows_it_up_on_a_phone(page, live_server, plans):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, plans.lead.email)

    page.goto(f"{live_server.url}{reverse('plans:list', args=['mcq'])}")
    page.get_by_role("link", name="Nouveau plan").click()
    assert_accessible(page, context="plan form")
    page.get_by_label("Titre (obligatoire)").fill("Plan d'action 2028-2030")
    page.get_by_label(re.compile("^Début de la période")).fill("2028-07-01")
    page.get_by_label(re.compile("^Fin de la période")).fill("2030-06-30")
    page.get_by_role("button", name="Enregistrer").click()
    new = Plan.objects.get(title="Plan d'action 2028-2030")

    page.get_by_role("link", name="Ajouter un mandat").first.click()
    assert_accessible(page, context="mandate form")
    page.get_by_label("Mandat (obligatoire)").fill("Soutenir les communautés")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("link", name=re.compile("^Ajouter un objectif")).first.click()
    page.get_by_label("Objectif (obligatoire)").fill("Tenir les rencontres prévues")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("link", name=re.compile("^Ajouter une cible")).first.click()
    page.get_by_label("Cible (résultat attendu) (obligatoire)").fill(
        "Chaque communauté se rencontre au moins trois fois."
    )
    page.get_by_role("button", name="Enregistrer").click()
    target = Target.objects.get(objective__mandate__plan=new)
    expect(page.locator(f"#target-{target.pk}")).to_contain_text("trois fois")
    assert_accessible(page, context="new plan's table")

    page.goto(f"{live_server.url}{plans.action.get_absolute_url()}")
    page.get_by_role("link", name="Mettre à jour l'avancement").click()
    assert_accessible(page, context="progress form")
    page.get_by_label(re.compile("^État")).select_option("in_progress")
    page.get_by_label(re.compile("^Avancement")).fill("40")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("main")).to_contain_text("40")

    manual = Indicator.objects.create(
        plan=plans.plan,
        target=plans.target,
        name="Communiqués diffusés",
        unit="communiqués",
        goal_min=Decimal(10),
    )
    page.goto(f"{live_server.url}{_url(plans, 'measure_add', pk=manual.pk)}")
    assert_accessible(page, context="measure form")
    page.get_by_label(re.compile("^Valeur")).fill("3")
    page.get_by_role("button", name="Enregistrer la mesure").click()
    expect(page.locator("main")).to_contain_text("3 sur 10")

    page.goto(f"{live_server.url}{_url(plans, 'indicator_delete', pk=manual.pk)}")
    assert_accessible(page, context="indicator deletion")
    page.goto(f"{live_server.url}{_url(plans, 'target_delete', pk=plans.target.pk)}")
    assert_accessible(page, context="target deletion")
    page.get_by_role("button", name="Supprimer").click()
    assert not Target.objects.filter(pk=plans.target.pk).exists()
