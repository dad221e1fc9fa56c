"""Asking for a report, following its build, and downloading its files."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entraide.reports.models import ReportKind, ReportRun, RunStatus
from entraide.reports.services import build, request_report
from entraide.reports.tests.conftest import END, START

pytestmark = pytest.mark.django_db


def list_url(network):
    return reverse("reports:list", kwargs={"network": network.slug})


def run_url(run, name="detail"):
    return reverse(
        f"reports:{name}", kwargs={"network": run.network.slug, "pk": run.pk}
    )


def ask(client, place, kind=ReportKind.MANAGEMENT, **more):
    data = {
        "kind": kind,
        "period_start": START.isoformat(),
        "period_end": END.isoformat(),
        **more,
    }
    return client.post(list_url(place.network), data)


def queued(place, kind=ReportKind.MANAGEMENT, actor=None):
    return request_report(
        network=place.network,
        kind=kind,
        period_start=START,
        period_end=END,
        actor=actor or place.lead,
    )


def test_lead_asks_for_a_report_and_it_is_built_in_the_background(
    client, place, django_capture_on_commit_callbacks
):
    client.force_login(place.lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, place)
    run = ReportRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == run_url(run)
    assert run.status == RunStatus.DONE and run.progress == 100
    assert run.requested_by == place.lead and run.finished_at is not None
    page = client.get(run_url(run)).content.decode()
    assert "Télécharger le rapport (PDF)" in page
    assert run_url(run, "pdf") in page and run_url(run, "csv") in page
    assert "every 2s" not in page


def test_the_list_offers_only_the_kinds_a_person_may_ask_for(client, place):
    client.force_login(place.scientist)
    page = client.get(list_url(place.network)).content.decode()
    assert 'value="scientific"' in page
    assert 'value="management"' not in page and 'value="funders"' not in page
    response = ask(client, place, ReportKind.MANAGEMENT)
    assert response.status_code == 200
    assert "Choisissez un rapport de la liste." in response.content.decode()
    assert not ReportRun.objects.exists()
    client.force_login(place.boss)
    page = client.get(list_url(place.network)).content.decode()
    assert 'value="management"' in page and 'value="funders"' not in page


def test_a_queued_report_shows_its_progress_and_polls(client, place):
    run = queued(place)
    client.force_login(place.lead)
    page = client.get(run_url(run)).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert 'hx-get="' + run_url(run) + '"' in page
    assert "<progress" in page and 'value="0"' in page
    assert "<script" not in page.split("<main", 1)[1]
    ReportRun.objects.filter(pk=run.pk).update(status=RunStatus.RUNNING, progress=55)
    partial = client.get(run_url(run), headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert html.lstrip().startswith('<div id="report-progress"')
    assert 'value="55"' in html and "55 % fait." in html
    assert "<html" not in html
    build_run = ReportRun.objects.get(pk=run.pk)
    build_run.status = RunStatus.QUEUED
    build_run.save()
    build(run.pk)
    done = client.get(run_url(run), headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in done and "Télécharger le rapport (PDF)" in done


def test_the_build_records_its_progress_part_by_part(place):
    run = queued(place)
    with CaptureQueriesContext(connection) as captured:
        assert build(run.pk) == "done"
    progress = [
        int(found)
        for query in captured.captured_queries
        if query["sql"].startswith('UPDATE "reports_reportrun"')
        for found in re.findall(r'"progress" = (\d+)', query["sql"])
    ]
    assert progress == [5, 30, 55, 80, 95, 100]


def test_a_second_run_of_the_task_does_nothing(place):
    run = queued(place)
    assert build(run.pk) == "done"
    first = ReportRun.objects.get(pk=run.pk).pdf.name
    assert build(run.pk) == "skipped"
    assert ReportRun.objects.get(pk=run.pk).pdf.name == first


def test_the_same_request_while_one_is_on_its_way_returns_it(place):
    run = queued(place)
    assert queued(place, actor=place.admin) == run
    build(run.pk)
    assert queued(place) != run
    assert ReportRun.objects.count() == 2


def test_a_failed_build_shows_a_french_message(client, place):
    run = queued(place)
    # A kind no build knows, as a row from a newer version would hold.
    ReportRun.objects.filter(pk=run.pk).update(kind="ancien")
    assert build(run.pk) == "failed"
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED and run.error.startswith("KeyError")
    assert not run.pdf and not run.csv
    ReportRun.objects.filter(pk=run.pk).update(kind=ReportKind.MANAGEMENT)
    client.force_login(place.lead)
    page = client.get(run_url(run)).content.decode()
    assert "La préparation de ce rapport a échoué." in page
    assert "KeyError" not in page
    assert client.get(run_url(run, "pdf")).status_code == 404
    listing = client.get(list_url(place.network)).content.decode()
    assert "Échec" in listing


def test_files_are_attachments_with_nosniff(client, place):
    run = queued(place)
    build(run.pk)
    client.force_login(place.boss)
    for name, kind in (("pdf", "application/pdf"), ("csv", "text/csv")):
        response = client.get(run_url(run, name))
        assert response.status_code == 200
        assert response["Content-Type"].startswith(kind)
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content)


def test_csv_holds_the_tables_and_neutralises_formulas(client, place):
    place.pedagogy.name = '=HYPERLINK("http://mal.example")'
    place.pedagogy.save(update_fields=["name"])
    run = queued(place)
    build(run.pk)
    client.force_login(place.lead)
    response = client.get(run_url(run, "csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Rapport pour la direction"
    assert ["Rencontres tenues", "3"] in rows
    assert ["Participation par communauté"] in rows
    assert ['\'=HYPERLINK("http://mal.example")', "3", "2", "3", "4", "60"] in rows
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row
    )


def test_runs_of_another_network_are_404_and_not_listed(client, place):
    other = request_report(
        network=place.other_network,
        kind=ReportKind.MANAGEMENT,
        period_start=START,
        period_end=END,
        actor=place.outsider,
    )
    build(other.pk)
    mine = queued(place)
    client.force_login(place.lead)
    listing = client.get(list_url(place.network)).content.decode()
    assert run_url(mine) in listing and f"/rapports/{other.pk}/" not in listing
    for name in ("detail", "pdf", "csv"):
        url = reverse(
            f"reports:{name}", kwargs={"network": place.network.slug, "pk": other.pk}
        )
        assert client.get(url).status_code == 404
    client.force_login(place.outsider)
    assert client.get(run_url(mine)).status_code == 404
    assert client.get(list_url(place.network)).status_code == 404


def test_end_before_start_is_refused_with_the_typed_dates_kept(client, place):
    client.force_login(place.lead)
    response = ask(client, place, period_start="2026-03-31", period_end="2026-01-01")
    html = response.content.decode()
    assert response.status_code == 200
    assert "La fin de la période doit suivre son début." in html
    assert 'value="2026-03-31"' in html and 'value="2026-01-01"' in html
    assert not ReportRun.objects.exists()
