"""The plan's timeline, exports and progress report."""

import csv

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import csv_response, require, spreadsheet_cell
from entraide.plans import exports, selectors
from entraide.plans import permissions as perms
from entraide.plans.forms.outputs import range_form
from entraide.plans.indicators import values_for
from entraide.plans.selectors_report import progress_report
from entraide.plans.templatetags.plan_tags import action_status_label
from entraide.practices.pdf import pdf_response, render_pdf


def _plan(request, network, plan, *, export=False):
    viewer = selectors.viewer_in(request, network)
    plan = selectors.plan_for(viewer, plan)
    if export:
        require(perms.can_export_plan(viewer, plan))
    return viewer, plan


def _base(viewer, plan, section):
    return {
        "network": viewer.network,
        "plan": plan,
        "section": section,
        "today": selectors.network_today(viewer.network),
        "can_view_dashboard": perms.can_view_dashboard(viewer, plan),
        "can_export": perms.can_export_plan(viewer, plan),
    }


@login_required
@require_safe
def timeline(request, network, plan):
    viewer, plan = _plan(request, network, plan)
    context = _base(viewer, plan, "timeline")
    mandates = selectors.plan_tree(plan)
    context["timeline"] = exports.timeline(plan, mandates, context["today"])
    return render(request, "plans/timeline.html", context)


@login_required
@require_safe
def plan_csv(request, network, plan):
    viewer, plan = _plan(request, network, plan, export=True)
    today = selectors.network_today(viewer.network)
    mandates = selectors.plan_tree(plan)
    readings = values_for(
        selectors.tree_indicators(mandates),
        network=viewer.network,
        today=today,
        period=(plan.period_start, plan.period_end),
    )
    response = csv_response(f"plan-{plan.pk}.csv")
    writer = csv.writer(response)
    writer.writerow(exports.csv_header())
    writer.writerows(exports.csv_rows(mandates, readings, today))
    return response


@login_required
@require_safe
def plan_pdf(request, network, plan):
    viewer, plan = _plan(request, network, plan, export=True)
    context = _base(viewer, plan, "table")
    mandates = selectors.plan_tree(plan)
    context["mandates"] = [(m, exports.table_rows(m)) for m in mandates]
    context["printed_at"] = timezone.now()
    content = render_pdf("plans/plan_pdf.html", context, request=request)
    return pdf_response(content, f"plan-{plan.pk}.pdf", inline=False)


def _report_or_form(request, viewer, plan):
    context = _base(viewer, plan, "report")
    form = range_form(request.GET, context["today"])
    context["form"] = form
    if form.is_valid():
        context["report"] = progress_report(
            plan,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            today=context["today"],
        )
        context["range_query"] = urlencode(
            {
                "start": form.cleaned_data["start"].isoformat(),
                "end": form.cleaned_data["end"].isoformat(),
            }
        )
    return context


@login_required
@require_safe
def report(request, network, plan):
    viewer, plan = _plan(request, network, plan, export=True)
    context = _report_or_form(request, viewer, plan)
    return render(request, "plans/report.html", context)


def _back_to_form(request, viewer, plan):
    url = reverse(
        "plans:report", kwargs={"network": viewer.network.slug, "plan": plan.pk}
    )
    return redirect(f"{url}?{request.GET.urlencode()}")


@login_required
@require_safe
def report_pdf(request, network, plan):
    viewer, plan = _plan(request, network, plan, export=True)
    context = _report_or_form(request, viewer, plan)
    if "report" not in context:
        return _back_to_form(request, viewer, plan)
    context["printed_at"] = timezone.now()
    content = render_pdf("plans/report_pdf.html", context, request=request)
    return pdf_response(content, f"rapport-{plan.pk}.pdf", inline=False)


def _day(value) -> str:
    return date_format(value, "Y-m-d") if value else ""


def _when(moment) -> str:
    return _day(timezone.localtime(moment).date()) if moment else ""


@login_required
@require_safe
def report_csv(request, network, plan):
    viewer, plan = _plan(request, network, plan, export=True)
    context = _report_or_form(request, viewer, plan)
    if "report" not in context:
        return _back_to_form(request, viewer, plan)
    found = context["report"]
    response = csv_response(
        f"rapport-{plan.pk}-{found.start.isoformat()}-{found.end.isoformat()}.csv"
    )
    writer = csv.writer(response)
    writer.writerow(
        [_("Rubrique"), _("Date"), _("Sous-région"), _("Action"), _("Détail")]
    )
    rows = []
    for update in found.done:
        rows.append(
            [
                _("Action terminée"),
                _when(update.created_at),
                "",
                update.action.description,
                update.comment,
            ]
        )
    for update in found.changes:
        detail = _("%(before)s → %(after)s (%(from)s %% → %(to)s %%)") % {
            "before": action_status_label(update.from_status),
            "after": action_status_label(update.to_status),
            "from": update.from_progress,
            "to": update.to_progress,
        }
        if update.comment:
            detail = f"{detail} — {update.comment}"
        rows.append(
            [
                _("Changement d'état"),
                _when(update.created_at),
                "",
                update.action.description,
                detail,
            ]
        )
    for subregion, notes in found.follow_ups:
        for note in notes:
            detail = note.text
            if note.impacts:
                detail = f"{detail} — {_('Impacts')} : {note.impacts}"
            rows.append(
                [
                    _("Note de suivi"),
                    _when(note.created_at),
                    subregion.name,
                    note.action.description,
                    detail,
                ]
            )
    for indicator, reading in found.indicators:
        rows.append(
            [
                _("Indicateur"),
                _day(reading.measured_on),
                "",
                indicator.name,
                exports.indicator_words(indicator, reading),
            ]
        )
    for action in found.late:
        rows.append(
            [
                _("Action en retard"),
                _day(action.due_on),
                "",
                action.description,
                action_status_label(action.shown_status(found.end)),
            ]
        )
    writer.writerows([[spreadsheet_cell(cell) for cell in row] for row in rows])
    return response
