"""The reports' pages: ask for one, follow its progress, download its files."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from entraide.core.shortcuts import require, show_service_errors
from entraide.core.timezones import zone
from entraide.reports import permissions, selectors, services
from entraide.reports.forms import ReportRequestForm

RUNS_SHOWN = 50


def _today(network):
    return timezone.localdate(timezone=zone(network.time_zone))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def report_list(request, network):
    viewer = selectors.viewer_in(request.user, network)
    kinds = permissions.allowed_kinds(viewer)
    require(bool(kinds))
    if request.method == "POST":
        form = ReportRequestForm(request.POST, kinds=kinds)
        if form.is_valid():
            data = form.cleaned_data
            try:
                run = services.request_report(
                    network=viewer.network,
                    kind=data["kind"],
                    period_start=data["period_start"],
                    period_end=data["period_end"],
                    actor=request.user,
                )
            except ValidationError as error:
                show_service_errors(form, error)
            else:
                messages.success(request, _("Votre rapport est en préparation."))
                return redirect(run.get_absolute_url())
    else:
        start, end = services.last_quarter(_today(viewer.network))
        form = ReportRequestForm(
            kinds=kinds, initial={"period_start": start, "period_end": end}
        )
    runs = list(selectors.visible_runs(viewer)[:RUNS_SHOWN])
    for run in runs:
        run.network = viewer.network
        run.stale = services.is_stale(run)
    return render(
        request,
        "reports/report_list.html",
        {"network": viewer.network, "form": form, "runs": runs},
    )


@login_required
@require_safe
def report_detail(request, network, pk):
    viewer = selectors.viewer_in(request.user, network)
    run = selectors.run_for(viewer, pk)
    run.stale = services.is_stale(run)
    context = {"network": viewer.network, "run": run}
    if request.htmx:
        return render(request, "reports/_progress.html", context)
    return render(request, "reports/report_detail.html", context)


def _file(request, network, pk, field: str, content_type: str):
    viewer = selectors.viewer_in(request.user, network)
    run = selectors.run_for(viewer, pk)
    stored = getattr(run, field)
    if not run.is_done() or not stored:
        raise Http404
    try:
        handle = stored.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{services.file_stem(run)}.{field}",
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def report_pdf(request, network, pk):
    return _file(request, network, pk, "pdf", "application/pdf")


@login_required
@require_safe
def report_csv(request, network, pk):
    return _file(request, network, pk, "csv", "text/csv; charset=utf-8")
