"""Browser story of a sheet's writing, with axe on every page visited."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.practices.models import PracticeSheet

pytestmark = pytest.mark.browser


def test_educator_writes_a_draft_comes_back_edits_and_compares_versions(
    page, live_server, inventory
):
    sign_in(page, live_server, "author@mcq.example")
    mine = reverse("practices:mine", kwargs={"network": inventory.network.slug})
    page.goto(f"{live_server.url}{mine}")
    expect(page.get_by_role("heading", name="Mes fiches")).to_be_visible()
    assert_accessible(page, context="my sheets, empty")
    page.get_by_role("link", name="Nouvelle fiche").click()
    expect(page.get_by_role("group", name="La pratique en bref")).to_be_visible()
    assert_accessible(page, context="new sheet")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("Donnez un titre à la fiche.")).to_be_visible()
    assert_accessible(page, context="new sheet with an error")
    page.get_by_label("Titre (obligatoire)").fill("La collation en autonomie")
    page.get_by_label("Résumé").fill("Les enfants se servent eux-mêmes.")
    page.get_by_label("La pratique, étape par étape").fill("Mettre la table\nSe servir")
    page.get_by_label("Routines et transitions").check()
    page.get_by_label("Groupe d'âge des enfants").select_option("3_5")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("Le brouillon est enregistré.")).to_be_visible()
    expect(
        page.get_by_role("heading", name="La collation en autonomie")
    ).to_be_visible()
    assert_accessible(page, context="the sheet page")

    page.goto(f"{live_server.url}{mine}")
    expect(page.get_by_text("Brouillon")).to_be_visible()
    assert_accessible(page, context="my sheets with one draft")
    page.get_by_role("link", name="La collation en autonomie").click()
    page.get_by_role("link", name="Modifier").click()
    expect(page.get_by_label("Résumé")).to_have_value(
        "Les enfants se servent eux-mêmes."
    )
    assert_accessible(page, context="edit form")
    page.get_by_label("La pratique, étape par étape").fill(
        "Mettre la table\nSe servir seul\nRanger"
    )
    page.get_by_label("Ce qui a changé (facultatif)").fill("Étapes précisées")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("La fiche est enregistrée.")).to_be_visible()
    page.get_by_role("link", name="Versions").click()
    expect(page.get_by_role("row")).to_have_count(3)
    expect(page.get_by_text("Étapes précisées")).to_be_visible()
    assert_accessible(page, context="versions")
    page.get_by_role("link", name="Comparer la version 1 et la version 2").click()
    expect(page.get_by_text("Retiré : Se servir", exact=True)).to_be_visible()
    expect(page.get_by_text("Ajouté : Se servir seul", exact=True)).to_be_visible()
    expect(page.get_by_text("Ajouté : Ranger", exact=True)).to_be_visible()
    assert_accessible(page, context="differences")
    sheet = PracticeSheet.objects.get()
    assert sheet.versions.count() == 2
    assert sheet.current_version.steps == "Mettre la table\nSe servir seul\nRanger"
