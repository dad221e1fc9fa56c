"""Workflow pages: a sheet's steps and the regional committee's work queue.

Every step's page goes the same way: the sheet through ``sheet_for`` (404 for a
sheet one may not see, drafts of others included), the step's predicate (403),
the comment or reason, one service, a redirect to the sheet with a message. The
sheet page shows the same forms in small; without JavaScript they post here, and
a refused comment comes back on this page with what was typed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import filters_query_string, require, show_service_errors
from entraide.practices import permissions as perms
from entraide.practices.forms.workflow import (
    BulkForm,
    ChangesForm,
    CommentForm,
    DeclineForm,
    QueueFilterForm,
)
from entraide.practices.models import PracticeSheet, SheetState
from entraide.practices.selectors import (
    REGIONAL_QUEUE_STATES,
    history_of,
    regional_queue,
    sheet_for,
    viewer_in,
)
from entraide.practices.services import workflow as services

PAGE_SIZE = 25

# How each step looks: the colour goes with the words, never alone.
STATE_TONES = {
    SheetState.DRAFT: "draft",
    SheetState.SUBMITTED: "waiting",
    SheetState.NEEDS_CHANGES: "attention",
    SheetState.RETAINED: "progress",
    SheetState.NOT_RETAINED: "closed",
    SheetState.SENT_TO_SCIENTIFIC: "waiting",
    SheetState.EVALUATED: "progress",
    SheetState.FORMALISED: "progress",
    SheetState.PUBLISHED: "done",
}


@dataclass(frozen=True)
class Step:
    name: str
    url_name: str
    allowed: Callable
    form: type[forms.Form]
    service: Callable
    heading: str
    intro: str
    button: str
    done: str
    danger: bool = False


STEPS = {
    step.name: step
    for step in (
        Step(
            "submit",
            "practices:submit",
            perms.can_submit,
            CommentForm,
            services.submit_sheet,
            _("Soumettre la fiche au comité régional"),
            _(
                "Le comité régional de votre réseau lira la fiche et décidera de la "
                "retenir, de vous demander des modifications ou de ne pas la "
                "retenir. Vous ne pourrez plus la modifier en attendant."
            ),
            _("Soumettre au comité régional"),
            _("La fiche est soumise au comité régional, qui en est avisé."),
        ),
        Step(
            "request_changes",
            "practices:request_changes",
            perms.can_review,
            ChangesForm,
            services.request_changes,
            _("Demander des modifications"),
            _(
                "La fiche retourne à son autrice ou à son auteur avec votre "
                "commentaire. Une fois modifiée, elle pourra être soumise de nouveau."
            ),
            _("Demander des modifications"),
            _("Les modifications sont demandées; l'autrice ou l'auteur en est avisé."),
        ),
        Step(
            "retain",
            "practices:retain",
            perms.can_review,
            CommentForm,
            services.retain_sheet,
            _("Retenir la fiche"),
            _(
                "La fiche est retenue par le comité régional. Elle pourra ensuite "
                "être envoyée au comité scientifique ou formalisée."
            ),
            _("Retenir"),
            _("La fiche est retenue; l'autrice ou l'auteur en est avisé."),
        ),
        Step(
            "decline",
            "practices:decline",
            perms.can_review,
            DeclineForm,
            services.decline_sheet,
            _("Ne pas retenir la fiche"),
            _(
                "La fiche ne sera pas publiée. Le motif est transmis à son autrice "
                "ou à son auteur et conservé dans l'historique."
            ),
            _("Ne pas retenir"),
            _("La fiche n'est pas retenue; l'autrice ou l'auteur en est avisé."),
            danger=True,
        ),
        Step(
            "send_to_scientific",
            "practices:send_to_scientific",
            perms.can_send_to_scientific,
            CommentForm,
            services.send_to_scientific,
            _("Envoyer la fiche au comité scientifique"),
            _("Les membres du comité scientifique sont avisés qu'elle est à évaluer."),
            _("Envoyer au comité scientifique"),
            _("La fiche est envoyée au comité scientifique, qui en est avisé."),
        ),
        Step(
            "mark_evaluated",
            "practices:mark_evaluated",
            perms.can_mark_evaluated,
            CommentForm,
            services.mark_evaluated,
            _("Terminer l'évaluation"),
            _(
                "Le comité scientifique a terminé son analyse : la fiche passe à la "
                "formalisation, et la chargée ou le chargé de projet en est avisé."
            ),
            _("Marquer comme évaluée"),
            _("La fiche est évaluée; la formalisation peut commencer."),
        ),
    )
}


def _step_url(step: Step, sheet: PracticeSheet) -> str:
    return reverse(
        step.url_name, kwargs={"network": sheet.network.slug, "pk": sheet.pk}
    )


def queue_url(network) -> str:
    return reverse("practices:regional_queue", kwargs={"network": network.slug})


def detail_context(request, sheet, viewer) -> dict:
    """What the sheet page needs from this part: the step, the actions, the
    history."""
    actions = [
        {
            "step": step,
            "url": _step_url(step, sheet),
            "form": step.form(auto_id=f"workflow-{step.name}-%s"),
        }
        for step in STEPS.values()
        if step.allowed(viewer, sheet)
    ]
    return {
        "workflow_state": sheet.get_state_display(),
        "workflow_tone": STATE_TONES.get(sheet.state, "draft"),
        "workflow_actions": actions,
        "workflow_history": list(history_of(sheet)),
        "workflow_queue_url": (
            queue_url(viewer.network) if perms.can_view_regional_queue(viewer) else ""
        ),
    }


def _transition(request, network, pk, name):
    step = STEPS[name]
    viewer = viewer_in(request.user, network)
    sheet = sheet_for(viewer, pk)
    require(step.allowed(viewer, sheet))
    form = step.form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            step.service(sheet=sheet, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, step.done)
            return redirect(sheet.get_absolute_url())
    return render(
        request,
        "practices/transition_form.html",
        {
            "network": viewer.network,
            "sheet": sheet,
            "step": step,
            "form": form,
            "workflow_state": sheet.get_state_display(),
            "workflow_tone": STATE_TONES.get(sheet.state, "draft"),
        },
    )


@login_required
def submit(request, network, pk):
    return _transition(request, network, pk, "submit")


@login_required
def request_changes(request, network, pk):
    return _transition(request, network, pk, "request_changes")


@login_required
def retain(request, network, pk):
    return _transition(request, network, pk, "retain")


@login_required
def decline(request, network, pk):
    return _transition(request, network, pk, "decline")


@login_required
def send_to_scientific(request, network, pk):
    return _transition(request, network, pk, "send_to_scientific")


@login_required
def mark_evaluated(request, network, pk):
    return _transition(request, network, pk, "mark_evaluated")


# --- The regional committee's queue ------------------------------------------------


def _queue_page(request, viewer, bulk_form, *, selected=()):
    filters = QueueFilterForm(request.GET, network=viewer.network)
    chosen = filters.filters()
    state = chosen.get("state") or SheetState.SUBMITTED
    page = Paginator(regional_queue(viewer, **chosen), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [
        {"sheet": sheet, "mine": perms.is_author(viewer, sheet)}
        for sheet in page.object_list
    ]
    query_string = filters_query_string(request)
    return render(
        request,
        "practices/queue_regional.html",
        {
            "network": viewer.network,
            "filters": filters,
            "page": page,
            "rows": rows,
            "state": state,
            "state_label": SheetState(state).label,
            "own_subregion": (
                viewer.membership.subregion_id if viewer.membership else None
            ),
            "query_string": query_string,
            "bulk_form": bulk_form,
            "bulk_url": reverse(
                "practices:regional_bulk", kwargs={"network": viewer.network.slug}
            )
            + (f"?{query_string}" if query_string else ""),
            "selected": set(selected),
            "show_retain": state == SheetState.SUBMITTED,
            "show_send": state == SheetState.RETAINED,
        },
    )


@login_required
def regional_queue_page(request, network):
    viewer = viewer_in(request.user, network)
    require(perms.can_view_regional_queue(viewer))
    return _queue_page(request, viewer, BulkForm(queryset=PracticeSheet.objects.none()))


BULK_PREDICATES = {
    services.RETAIN: perms.can_review,
    services.REQUEST_CHANGES: perms.can_review,
    services.SEND_TO_SCIENTIFIC: perms.can_send_to_scientific,
}


def _selected_ids(request) -> list[int]:
    return [int(v) for v in request.POST.getlist("sheets") if v.isdigit()]


@login_required
@require_POST
def regional_bulk(request, network):
    viewer = viewer_in(request.user, network)
    require(perms.can_view_regional_queue(viewer))
    queryset = (
        PracticeSheet.objects.filter(
            network=viewer.network, state__in=REGIONAL_QUEUE_STATES
        )
        .select_related("network", "current_version", "author")
        .prefetch_related("co_authors")
        .order_by("pk")
    )
    form = BulkForm(request.POST, queryset=queryset)
    if form.is_valid():
        action = form.cleaned_data["action"]
        allowed = BULK_PREDICATES[action]
        try:
            sheets = services.bulk_transition(
                sheets=form.cleaned_data["sheets"],
                actor=request.user,
                action=action,
                comment=form.cleaned_data["comment"],
                allowed=lambda sheet: allowed(viewer, sheet),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d fiche traitée; les personnes concernées en sont "
                    "avisées.",
                    "%(count)d fiches traitées; les personnes concernées en sont "
                    "avisées.",
                    len(sheets),
                )
                % {"count": len(sheets)},
            )
            query_string = filters_query_string(request)
            return redirect(
                queue_url(viewer.network) + (f"?{query_string}" if query_string else "")
            )
    return _queue_page(request, viewer, form, selected=_selected_ids(request))
