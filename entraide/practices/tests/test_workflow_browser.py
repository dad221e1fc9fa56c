"""Browser story of the regional committee's review, with axe on every page."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.practices.models import SheetState, SheetTransition
from entraide.practices.tests.access_workflow import make_sheet

pytestmark = pytest.mark.browser


def test_representative_asks_for_changes_from_the_queue_then_retains_the_new_version(
    page, live_server, inventory
):
    sheet = make_sheet(
        inventory.network,
        inventory.author,
        title="La collation en autonomie",
        subregion=inventory.subregion,
    )
    from entraide.practices.services import workflow

    workflow.submit_sheet(sheet=sheet, actor=inventory.author)
    queue = live_server.url + reverse(
        "practices:regional_queue", kwargs={"network": "mcq"}
    )

    sign_in(page, live_server, "rep@mcq.example")
    page.goto(queue)
    expect(page.get_by_role("heading", name="File du comité régional")).to_be_visible()
    assert_accessible(page, context="queue")
    page.get_by_label("Choisir « La collation en autonomie »").check()
    page.get_by_role("button", name="Demander des modifications").click()
    expect(page.get_by_text("Écrivez un commentaire pour dire")).to_be_visible()
    expect(page.get_by_label("Choisir « La collation en autonomie »")).to_be_checked()
    assert_accessible(page, context="queue with an error")
    page.get_by_label("Commentaire").fill("Précisez le matériel nécessaire.")
    page.get_by_role("button", name="Demander des modifications").click()
    expect(page.get_by_text("1 fiche traitée")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^0 fiches? à l'étape"))).to_be_visible()
    assert_accessible(page, context="queue after the decision")

    sign_in(page, live_server, "author@mcq.example")
    page.goto(live_server.url + sheet.get_absolute_url())
    expect(page.get_by_text("Précisez le matériel nécessaire.")).to_be_visible()
    expect(page.locator(".workflow-state")).to_contain_text("À modifier")
    assert_accessible(page, context="sheet needing changes")
    page.get_by_role("button", name="Soumettre au comité régional").click()
    expect(page.get_by_text("La fiche est soumise au comité régional")).to_be_visible()
    assert_accessible(page, context="sheet submitted again")

    sign_in(page, live_server, "rep@mcq.example")
    page.goto(queue)
    page.get_by_label("Choisir « La collation en autonomie »").check()
    page.get_by_role("button", name="Retenir").click()
    expect(page.get_by_text("1 fiche traitée")).to_be_visible()
    assert_accessible(page, context="queue after retaining")
    page.get_by_label("Étape").select_option(SheetState.RETAINED)
    page.get_by_role("button", name="Filtrer").click()
    expect(page.get_by_role("link", name="La collation en autonomie")).to_be_visible()
    assert_accessible(page, context="retained sheets")
    sheet.refresh_from_db()
    assert sheet.state == SheetState.RETAINED
    assert list(
        SheetTransition.objects.filter(sheet=sheet).values_list("to_state", flat=True)
    ) == [
        SheetState.SUBMITTED,
        SheetState.NEEDS_CHANGES,
        SheetState.SUBMITTED,
        SheetState.RETAINED,
    ]
