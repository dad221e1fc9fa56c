"""Browser story of an evaluation, with axe on every page visited."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.practices.models import SheetState
from entraide.practices.services import workflow
from entraide.practices.tests.access_evaluation import sheet_at

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"
SECRET = "Remarque-de-Louis-seulement"


def evaluate(page, live_server, sheet, email, scores, comment, *, context):
    sign_in(page, live_server, email)
    page.goto(f"{live_server.url}{sheet.get_absolute_url()}")
    assert_accessible(page, context=f"sheet page, {context}")
    page.get_by_role("link", name="Évaluer cette fiche").click()
    assert_accessible(page, context=f"conflict step, {context}")
    page.get_by_label("Non, aucun conflit d'intérêts").check()
    page.get_by_role("button", name="Continuer").click()
    assert_accessible(page, context=f"score step, {context}")
    for legend, value in scores.items():
        group = page.get_by_role("group", name=legend)
        group.get_by_label(value, exact=True).check()
    page.get_by_label("Commentaire pour le comité").fill(comment)
    page.get_by_role("button", name="Soumettre mon évaluation").click()
    expect(page.get_by_text("Votre évaluation est soumise.").first).to_be_visible()


def test_two_evaluators_evaluate_blind_then_the_lead_formalises_and_publishes(
    page, live_server, inventory
):
    sheet = sheet_at(
        "sent_to_scientific",
        network=inventory.network,
        author=inventory.author,
        rep=inventory.rep,
    )
    scores = {
        "Pertinence": "5 — Excellent",
        "Transférabilité": "1 — Faible",
        "Preuves d'effet": "3",
        "Cohérence avec le programme éducatif": "4",
    }
    evaluate(
        page,
        live_server,
        sheet,
        inventory.evaluator.email,
        scores,
        SECRET,
        context="first evaluator",
    )
    # The second evaluator: nothing of the first one's scores before submitting.
    sign_in(page, live_server, inventory.evaluator2.email)
    page.goto(f"{live_server.url}{sheet.get_absolute_url()}")
    assert SECRET not in page.content()
    assert "Bergeron" not in page.content()
    page.goto(
        f"{live_server.url}/r/{inventory.network.slug}/pratiques/comite-scientifique/"
    )
    assert_accessible(page, context="scientific queue")
    page.get_by_role("link", name="À faire").click()
    assert_accessible(page, context="conflict step, second evaluator")
    assert SECRET not in page.content()
    page.get_by_label("Non, aucun conflit d'intérêts").check()
    page.get_by_role("button", name="Continuer").click()
    assert SECRET not in page.content()
    for legend in scores:
        page.get_by_role("group", name=legend).get_by_label("3", exact=True).check()
    page.get_by_role("button", name="Soumettre mon évaluation").click()
    assert_accessible(page, context="sheet page after submitting")
    page.get_by_text("Notes de chaque membre du comité").click()
    expect(page.get_by_text(SECRET)).to_be_visible()

    workflow.mark_evaluated(sheet=sheet, actor=inventory.evaluator)
    sign_in(page, live_server, inventory.lead.email)
    page.goto(f"{live_server.url}{sheet.get_absolute_url()}")
    assert_accessible(page, context="sheet page, project lead")
    page.get_by_role("link", name="Formaliser la version à publier").click()
    assert_accessible(page, context="formalise form")
    page.get_by_label("Titre").fill("Chanter les transitions")
    page.get_by_role("button", name="Enregistrer la version formalisée").click()
    page.get_by_role("link", name="Publier", exact=True).click()
    assert_accessible(page, context="publish form")
    page.get_by_label("Public", exact=True).check()
    page.get_by_role("button", name="Publier", exact=True).click()
    expect(page.get_by_text("La fiche est publiée.")).to_be_visible()
    assert_accessible(page, context="published sheet page")
    sheet.refresh_from_db()
    assert sheet.state == SheetState.PUBLISHED and sheet.scope == "public"
    assert sheet.published_version.title == "Chanter les transitions"
    assert sheet.versions.count() == 2
