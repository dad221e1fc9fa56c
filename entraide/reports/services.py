"""Asking for a report and building it in the background.

A request is one row, queued after the transaction commits. The build claims the
row (a second run of the same task finds it taken and does nothing), writes its
progress after each part in its own short update so the report's page can show it,
then stores the PDF and the CSV under generated names. A failure is recorded on the
row with its technical cause; the page shows a French message, never the cause.
"""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import outside_years
from entraide.core.timezones import zone
from entraide.reports import contents as report_contents
from entraide.reports import documents
from entraide.reports.models import ReportKind, ReportRun, RunStatus

logger = logging.getLogger(__name__)

LONGEST = datetime.timedelta(days=366 * 5)
# A build still running after this is taken for dead (its worker was stopped).
STALE_AFTER = datetime.timedelta(hours=1)
# Progress: claimed, parts computed (up to COMPUTED), PDF drawn, files stored.
CLAIMED, COMPUTED, DRAWN = 5, 80, 95


def check_period(start: datetime.date, end: datetime.date) -> None:
    errors = {}
    for name, day in (("period_start", start), ("period_end", end)):
        if outside_years(day):
            errors[name] = outside_years(day)
    if not errors and end < start:
        errors["period_end"] = _("La fin de la période doit suivre son début.")
    if not errors and end - start > LONGEST:
        errors["period_end"] = _("Une période couvre au plus cinq ans.")
    if errors:
        raise ValidationError(errors)


def is_stale(run: ReportRun, now=None) -> bool:
    now = now or timezone.now()
    started = run.started_at or run.created_at
    return run.is_pending() and started is not None and now - started > STALE_AFTER


def request_report(
    *,
    network,
    kind: str,
    period_start: datetime.date,
    period_end: datetime.date,
    actor,
) -> ReportRun:
    """Queue a report; the same one already on its way is returned instead."""
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Choisissez un rapport de la liste.")})
    check_period(period_start, period_end)
    with transaction.atomic():
        waiting = (
            ReportRun.objects.filter(
                network=network,
                kind=kind,
                period_start=period_start,
                period_end=period_end,
                status__in=(RunStatus.QUEUED, RunStatus.RUNNING),
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        if waiting is not None and not is_stale(waiting):
            return waiting
        run = ReportRun(
            network=network,
            kind=kind,
            period_start=period_start,
            period_end=period_end,
            requested_by=actor,
            language=getattr(actor, "language", "") or network.language,
            time_zone=getattr(actor, "time_zone", "") or network.time_zone,
        )
        run.full_clean()
        run.save()
        transaction.on_commit(lambda: _enqueue(run.pk), robust=True)
    return run


def _enqueue(run_id: int) -> None:
    from entraide.reports.tasks import build_report

    build_report.enqueue(run_id)


def _claim(run_id: int) -> ReportRun | None:
    with transaction.atomic():
        run = (
            ReportRun.objects.select_for_update()
            .select_related("network")
            .filter(pk=run_id, status=RunStatus.QUEUED)
            .first()
        )
        if run is None:
            return None
        run.status = RunStatus.RUNNING
        run.started_at = timezone.now()
        run.progress = CLAIMED
        run.save(update_fields=["status", "started_at", "progress"])
    return run


def _progress(run: ReportRun, value: int) -> None:
    run.progress = value
    ReportRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(progress=value)


def file_stem(run: ReportRun) -> str:
    return f"rapport-{run.kind}-{run.period_start}-{run.period_end}"


def build(run_id: int) -> str:
    """Build a queued report: ``done``, ``failed``, or ``skipped`` when not queued."""
    run = _claim(run_id)
    if run is None:
        return "skipped"
    try:
        with (
            translation.override(run.language),
            timezone.override(zone(run.time_zone)),
        ):
            contents = report_contents.compute(
                run.network,
                run.kind,
                run.period_start,
                run.period_end,
                on_part=lambda done, total: _progress(
                    run, CLAIMED + (COMPUTED - CLAIMED) * done // total
                ),
            )
            pdf = documents.pdf_bytes(run, contents)
            _progress(run, DRAWN)
            csv = documents.csv_bytes(run, contents)
        run.pdf.save(f"{file_stem(run)}.pdf", ContentFile(pdf), save=False)
        run.csv.save(f"{file_stem(run)}.csv", ContentFile(csv), save=False)
        run.status = RunStatus.DONE
        run.progress = 100
        run.finished_at = timezone.now()
        run.save(update_fields=["pdf", "csv", "status", "progress", "finished_at"])
    except Exception as error:  # noqa: BLE001 (any failure is the run's, recorded)
        logger.exception("Report %s failed", run_id)
        for stored in (run.pdf, run.csv):
            if stored:
                stored.delete(save=False)
        ReportRun.objects.filter(pk=run.pk).update(
            status=RunStatus.FAILED,
            finished_at=timezone.now(),
            error=f"{type(error).__name__}: {error}"[:4000],
            pdf="",
            csv="",
        )
        return "failed"
    return "done"


def last_quarter(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar quarter before the one ``today`` is in."""
    first_month = 3 * ((today.month - 1) // 3) + 1
    end = datetime.date(today.year, first_month, 1) - datetime.timedelta(days=1)
    return datetime.date(end.year, end.month - 2, 1), end
