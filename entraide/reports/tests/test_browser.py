"""A project lead asks for a report at 360 px and downloads it once built; a
report on its way updates its page by itself."""

import pytest
from django.urls import reverse

from entraide.core.testing import assert_accessible, sign_in
from entraide.reports.models import ReportKind, ReportRun
from entraide.reports.services import build, request_report
from entraide.reports.tests.conftest import END, START


@pytest.mark.browser
def test_project_lead_requests_a_report_and_sees_it_done(page, live_server, place):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, place.lead.email)
    page.goto(live_server.url + reverse("reports:list", kwargs={"network": "mcq"}))
    assert_accessible(page, context="reports list")
    # The page's own content fits 360 px (the shared header is measured elsewhere).
    assert page.evaluate("document.querySelector('main').scrollWidth") <= 360
    page.get_by_label("Rapport pour la direction").check()
    page.get_by_label("Du (obligatoire)").fill(START.isoformat())
    page.get_by_label("Au (obligatoire)").fill(END.isoformat())
    page.get_by_role("button", name="Préparer le rapport").click()
    page.wait_for_url("**/rapports/*/")
    run = ReportRun.objects.get()
    assert run.status == "done"
    link = page.get_by_role("link", name="Télécharger le rapport (PDF)")
    assert link.is_visible()
    assert_accessible(page, context="report done")
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".pdf")
    page.get_by_role("link", name="Rapports", exact=True).click()
    assert page.get_by_role("link", name="Rapport pour la direction").is_visible()
    assert_accessible(page, context="reports list with a run")


@pytest.mark.browser
def test_a_report_on_its_way_shows_its_progress_then_its_files(
    page, live_server, place
):
    run = request_report(
        network=place.network,
        kind=ReportKind.FUNDERS,
        period_start=START,
        period_end=END,
        actor=place.admin,
    )
    # Whatever the request queued has run already: make it wait again.
    ReportRun.objects.filter(pk=run.pk).update(status="queued", progress=0)
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, place.lead.email)
    page.goto(live_server.url + run.get_absolute_url())
    assert page.get_by_label("Rapport en attente de préparation").is_visible()
    assert_accessible(page, context="report queued")
    assert build(run.pk) == "done"
    link = page.get_by_role("link", name="Télécharger les données (CSV)")
    link.wait_for(timeout=10_000)
    assert_accessible(page, context="report done by polling")
