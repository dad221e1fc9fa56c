"""A sheet's whole life in the browser, across four roles, with axe at every step:
an educator writes and submits it, a regional representative asks for changes,
the educator revises, the representative retains it and sends it to the
scientific committee, two evaluators score it, the project lead formalises and
publishes it, and a visitor reads the formalised version."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.practices.models import PracticeSheet, SheetState, SheetTransition
from entraide.practices.tests.conftest import CRITERIA

pytestmark = pytest.mark.browser

TITLE = "Le rangement en chanson"
FORMALISED = "Ranger en chantant : une routine qui apaise les transitions"


def step_form(page, heading):
    """The action form of the sheet page that ``heading`` names."""
    return page.get_by_role("form", name=heading, exact=True)


def open_from_queue(page, live_server, url, title, *, context):
    page.goto(live_server.url + url)
    assert_accessible(page, context=context)
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()


def evaluate(page, live_server, queue, email, value, comment):
    sign_in(page, live_server, email)
    page.goto(live_server.url + queue)
    assert_accessible(page, context=f"scientific queue, {email}")
    page.get_by_role("link", name="À faire").click()
    page.get_by_label("Non, aucun conflit d'intérêts").check()
    page.get_by_role("button", name="Continuer").click()
    assert_accessible(page, context=f"scores, {email}")
    for criterion in CRITERIA:
        group = page.get_by_role("group", name=criterion)
        group.get_by_label(value, exact=True).check()
    page.get_by_label("Commentaire pour le comité").fill(comment)
    page.get_by_role("button", name="Soumettre mon évaluation").click()
    expect(page.get_by_text("Votre évaluation est soumise.").first).to_be_visible()
    assert_accessible(page, context=f"sheet after evaluating, {email}")


def test_a_sheet_goes_from_an_educator_to_the_public_through_every_committee(
    page, live_server, inventory
):
    slug = inventory.network.slug
    regional_queue = reverse("practices:regional_queue", kwargs={"network": slug})
    scientific_queue = reverse("practices:queue_scientific", kwargs={"network": slug})

    # The educator writes the sheet and submits it.
    sign_in(page, live_server, inventory.author.email)
    page.goto(live_server.url + reverse("practices:create", kwargs={"network": slug}))
    assert_accessible(page, context="new sheet")
    page.get_by_label("Titre (obligatoire)").fill(TITLE)
    page.get_by_label("Résumé").fill("Les enfants rangent le local en chantant.")
    page.get_by_label("La pratique, étape par étape").fill(
        "Annoncer la fin du jeu\nChanter la chanson du rangement"
    )
    page.get_by_label("Routines et transitions").check()
    page.get_by_label("Groupe d'âge des enfants").select_option("3_5")
    page.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(page.get_by_text("Le brouillon est enregistré.")).to_be_visible()
    assert_accessible(page, context="draft")
    step_form(page, "Soumettre la fiche au comité régional").get_by_role(
        "button", name="Soumettre au comité régional"
    ).click()
    expect(page.get_by_text("La fiche est soumise au comité régional")).to_be_visible()
    assert_accessible(page, context="submitted")
    sheet = PracticeSheet.objects.get()

    # The representative of the sub-region asks for changes from the sheet page.
    sign_in(page, live_server, inventory.rep.email)
    open_from_queue(
        page, live_server, regional_queue, TITLE, context="regional queue, submitted"
    )
    assert_accessible(page, context="sheet, representative")
    changes = step_form(page, "Demander des modifications")
    changes.get_by_role("button", name="Demander des modifications").click()
    expect(page.get_by_text("Écrivez un commentaire pour dire")).to_be_visible()
    assert_accessible(page, context="changes without a comment")
    # The step's own page, with the error tied to its field.
    page.get_by_label("Modifications demandées").fill("Ajoutez le matériel nécessaire.")
    page.get_by_role("button", name="Demander des modifications").click()
    expect(page.get_by_text("Les modifications sont demandées")).to_be_visible()

    # The educator revises and submits again.
    sign_in(page, live_server, inventory.author.email)
    page.goto(live_server.url + reverse("practices:mine", kwargs={"network": slug}))
    expect(page.get_by_text("À modifier")).to_be_visible()
    assert_accessible(page, context="my sheets, changes requested")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_text("Ajoutez le matériel nécessaire.")).to_be_visible()
    page.get_by_role("link", name="Modifier", exact=True).click()
    page.get_by_label("Ressources et conditions nécessaires").fill(
        "Une chanson affichée au mur, des bacs identifiés par des images."
    )
    page.get_by_label("Ce qui a changé (facultatif)").fill("Matériel ajouté")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("La fiche est enregistrée.")).to_be_visible()
    step_form(page, "Soumettre la fiche au comité régional").get_by_role(
        "button", name="Soumettre au comité régional"
    ).click()
    expect(page.get_by_text("La fiche est soumise au comité régional")).to_be_visible()

    # The representative retains it, then sends it to the scientific committee.
    sign_in(page, live_server, inventory.rep.email)
    open_from_queue(
        page, live_server, regional_queue, TITLE, context="regional queue, again"
    )
    expect(page.get_by_text("des bacs identifiés par des images")).to_be_visible()
    retain = step_form(page, "Retenir la fiche")
    retain.get_by_label("Commentaire").fill("Belle pratique, facile à reprendre.")
    retain.get_by_role("button", name="Retenir").click()
    expect(page.get_by_text("La fiche est retenue")).to_be_visible()
    assert_accessible(page, context="retained")
    step_form(page, "Envoyer la fiche au comité scientifique").get_by_role(
        "button", name="Envoyer au comité scientifique"
    ).click()
    expect(
        page.get_by_text("La fiche est envoyée au comité scientifique")
    ).to_be_visible()
    assert_accessible(page, context="sent to the scientific committee")

    # Two evaluators, each blind to the other until they submit.
    evaluate(
        page, live_server, scientific_queue, inventory.evaluator.email, "4", "Solide."
    )
    sign_in(page, live_server, inventory.evaluator2.email)
    page.goto(live_server.url + sheet.get_absolute_url())
    assert "Solide." not in page.content()
    evaluate(
        page,
        live_server,
        scientific_queue,
        inventory.evaluator2.email,
        "5 — Excellent",
        "Claire.",
    )
    expect(page.get_by_text("Moyennes des évaluations soumises")).to_be_visible()

    # The project lead ends the evaluation, formalises and publishes to the public.
    sign_in(page, live_server, inventory.lead.email)
    open_from_queue(
        page, live_server, scientific_queue, TITLE, context="scientific queue, lead"
    )
    step_form(page, "Terminer l'évaluation").get_by_role(
        "button", name="Marquer comme évaluée"
    ).click()
    expect(page.get_by_text("La fiche est évaluée")).to_be_visible()
    assert_accessible(page, context="evaluated")
    page.get_by_role("link", name="Formaliser la version à publier").click()
    assert_accessible(page, context="formalise")
    page.get_by_label("Titre").fill(FORMALISED)
    page.get_by_role("button", name="Enregistrer la version formalisée").click()
    page.get_by_role("link", name="Publier", exact=True).click()
    assert_accessible(page, context="publish")
    page.get_by_label("Public", exact=True).check()
    page.get_by_role("button", name="Publier", exact=True).click()
    expect(page.get_by_text("La fiche est publiée.")).to_be_visible()
    assert_accessible(page, context="published, lead")
    history = page.locator(".workflow-history > li")
    expect(history).to_have_count(8)
    for step, text in enumerate(
        (
            "« Brouillon » à « Soumise au comité régional »",
            "« Soumise au comité régional » à « À modifier »",
            "« À modifier » à « Soumise au comité régional »",
            "« Soumise au comité régional » à « Retenue »",
            "« Retenue » à « Au comité scientifique »",
            "« Au comité scientifique » à « Évaluée »",
            "« Évaluée » à « Formalisée »",
            "« Formalisée » à « Publiée »",
        )
    ):
        expect(history.nth(step)).to_contain_text(text)
    expect(history.nth(1)).to_contain_text("Ajoutez le matériel nécessaire.")
    expect(history.nth(1)).to_contain_text("Sylvie Lemieux")
    page.get_by_role("link", name="Voir la page publiée").click()
    expect(page.get_by_role("heading", name=FORMALISED, level=1)).to_be_visible()

    # A visitor, signed out, reads the formalised version on the public page.
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("practices:list", kwargs={"network": slug}))
    assert_accessible(page, context="public list")
    page.get_by_role("link", name=FORMALISED).click()
    expect(page.get_by_role("heading", name=FORMALISED, level=1)).to_be_visible()
    expect(page.get_by_text("des bacs identifiés par des images")).to_be_visible()
    expect(page.get_by_text(TITLE)).to_have_count(0)
    assert "Solide." not in page.content()
    assert_accessible(page, context="public practice page")

    sheet.refresh_from_db()
    assert sheet.state == SheetState.PUBLISHED and sheet.scope == "public"
    assert [v.kind for v in sheet.versions.order_by("number")] == [
        "author",
        "author",
        "formalised",
    ]
    assert SheetTransition.objects.filter(sheet=sheet).count() == 8
