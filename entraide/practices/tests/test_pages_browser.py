"""Pages the stories pass by: the step pages without JavaScript, evidence, the grid
and the statistics, each checked with axe."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.practices.models import SheetState
from entraide.practices.services import workflow
from entraide.practices.tests.access_workflow import make_sheet

pytestmark = pytest.mark.browser


def _url(live_server, name, **kwargs):
    return live_server.url + reverse(f"practices:{name}", kwargs=kwargs)


def test_committee_pages_without_javascript_are_accessible(
    page, live_server, inventory
):
    sheet = make_sheet(inventory.network, inventory.author, title="Le jeu dehors")
    workflow.submit_sheet(sheet=sheet, actor=inventory.author)
    sent = make_sheet(
        inventory.network,
        inventory.peer,
        title="La sieste apaisée",
        state=SheetState.SENT_TO_SCIENTIFIC,
    )

    sign_in(page, live_server, "author@mcq.example")
    page.goto(_url(live_server, "evidence", network="mcq", pk=sheet.pk))
    assert_accessible(page, context="evidence page")

    sign_in(page, live_server, "rep@mcq.example")
    page.goto(_url(live_server, "retain", network="mcq", pk=sheet.pk))
    expect(page.get_by_role("heading", name="Retenir la fiche")).to_be_visible()
    assert_accessible(page, context="retain page")

    sign_in(page, live_server, "evaluator@mcq.example")
    page.goto(_url(live_server, "mark_evaluated", network="mcq", pk=sent.pk))
    assert_accessible(page, context="end of evaluation page")
    page.get_by_role("button", name="Marquer comme évaluée").click()
    expect(page.get_by_text("La fiche est évaluée")).to_be_visible()
    assert_accessible(page, context="sheet after its evaluation ended")
    sent.refresh_from_db()
    assert sent.state == SheetState.EVALUATED

    sign_in(page, live_server, "lead@mcq.example")
    page.goto(_url(live_server, "grid", network="mcq"))
    assert_accessible(page, context="evaluation grid")
    page.goto(_url(live_server, "statistics", network="mcq"))
    assert_accessible(page, context="statistics")
