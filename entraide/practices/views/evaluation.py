"""Evaluation pages: the grid, evaluating a sheet, the scientific committee's queue,
formalising the version to publish and publishing it.

Same order as every sheet view: the sheet through a selector scoped to what the
person may see (404), the permission (403), the form, one service, a redirect
with a message. Others' scores reach an evaluator's page only once their own
evaluation is submitted (or they recused themselves): the table is left out of
the page, not hidden.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from entraide.core.shortcuts import filters_query_string, require, show_service_errors
from entraide.networks.selectors import network_for
from entraide.practices import permissions as perms
from entraide.practices.forms.evaluation import (
    ConflictForm,
    CriterionFormSet,
    FormaliseForm,
    GridForm,
    PublishForm,
    ScoreForm,
    criteria_of,
)
from entraide.practices.models import (
    CONTENT_FIELDS,
    AgeGroup,
    Evaluation,
)
from entraide.practices.selectors import scientific_queue, sheet_for
from entraide.practices.services import evaluation as services
from entraide.practices.services import workflow
from entraide.practices.services.authoring import CONFLICT

QUEUE_PAGE_SIZE = 25


def own_evaluation(viewer, sheet) -> Evaluation | None:
    if viewer.user is None:
        return None
    return Evaluation.objects.filter(sheet=sheet, evaluator=viewer.user).first()


def detail_context(request, sheet, viewer) -> dict:
    """What the sheet page needs from this part."""
    own = own_evaluation(viewer, sheet)
    shows_summary = sheet.state in perms.SCIENTIFIC_STATES and perms.can_see_summary(
        viewer, sheet, own
    )
    context = {
        "evaluation_own": own,
        "can_evaluate": perms.can_evaluate(viewer, sheet),
        "can_formalise": perms.can_formalise(viewer, sheet),
        "can_publish": perms.can_publish(viewer, sheet),
        "can_revise": perms.can_revise(viewer, sheet),
        "evaluation_summary": (
            services.evaluation_summary(sheet) if shows_summary else None
        ),
        "min_for_averages": services.MIN_FOR_AVERAGES,
        "can_see_scores": perms.can_see_scores(viewer, sheet, own),
    }
    if context["can_see_scores"]:
        criteria, rows = services.submitted_scores(sheet)
        context["score_criteria"], context["score_rows"] = criteria, rows
    return context


def _load(request, network, pk):
    viewer = perms.viewer_for(request.user, network_for(request.user, network)[0])
    return viewer, sheet_for(viewer, pk)


def _sheet_url(sheet) -> str:
    return f"{sheet.get_absolute_url()}#evaluation"


@login_required
def grid_settings(request, network):
    network_obj, _membership = network_for(request.user, network)
    viewer = perms.viewer_for(request.user, network_obj)
    require(perms.can_manage_grid(viewer))
    grid = services.default_grid(network_obj)
    criteria = list(grid.criteria.all())
    initial = [
        {"criterion_id": c.pk, "name": c.name, "help_text": c.help_text}
        for c in criteria
    ]
    form = GridForm(
        request.POST or None,
        initial={
            "scale_min": grid.scale_min,
            "scale_max": grid.scale_max,
            "low_label": grid.low_label,
            "high_label": grid.high_label,
        },
    )
    # Bound without ``initial``: a row typed like the saved one still counts.
    formset = CriterionFormSet(
        request.POST or None,
        initial=None if request.method == "POST" else initial,
        prefix="criteria",
    )
    criteria_errors = []
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.update_grid(
                network=network_obj,
                actor=request.user,
                criteria=criteria_of(formset),
                **form.cleaned_data,
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                criteria_errors = error.error_dict.pop("criteria", [])
                criteria_errors = [m for e in criteria_errors for m in e.messages]
            if not hasattr(error, "error_dict") or error.error_dict:
                show_service_errors(form, error)
        else:
            messages.success(request, _("La grille d'évaluation est enregistrée."))
            return redirect("practices:grid", network=network_obj.slug)
    if request.method == "POST" and formset.non_form_errors():
        criteria_errors += list(formset.non_form_errors())
    return render(
        request,
        "practices/grid_settings.html",
        {
            "network": network_obj,
            "grid": grid,
            "form": form,
            "formset": formset,
            "criteria_errors": criteria_errors,
        },
    )


@login_required
def evaluate(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    own = own_evaluation(viewer, sheet)
    if own is not None and own.submitted_at:
        messages.info(request, _("Votre évaluation est soumise; elle ne change plus."))
        return redirect(_sheet_url(sheet))
    require(perms.can_evaluate(viewer, sheet))
    if own is None:
        return _conflict_step(request, sheet)
    return _score_step(request, sheet, own)


def _conflict_step(request, sheet):
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        has_conflict = form.cleaned_data["has_conflict"] == "yes"
        try:
            services.start_evaluation(
                sheet=sheet,
                evaluator=request.user,
                has_conflict=has_conflict,
                conflict_note=form.cleaned_data["conflict_note"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if has_conflict:
                messages.success(
                    request,
                    _(
                        "Votre récusation est notée : vous ne notez pas cette fiche. "
                        "Merci de l'avoir déclarée."
                    ),
                )
                return redirect(_sheet_url(sheet))
            return redirect(
                "practices:evaluate", network=sheet.network.slug, pk=sheet.pk
            )
    return render(
        request,
        "practices/evaluation_conflict.html",
        {"network": sheet.network, "sheet": sheet, "form": form},
    )


def _score_step(request, sheet, own):
    grid = services.default_grid(sheet.network)
    criteria = list(grid.criteria.all())
    initial = {f"criterion_{s.criterion_id}": str(s.value) for s in own.scores.all()}
    initial["comment"] = own.comment
    form = ScoreForm(
        request.POST or None, grid=grid, criteria=criteria, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        submitting = "submit" in request.POST
        try:
            services.save_scores(
                evaluation=own,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
            )
            if submitting:
                services.submit_evaluation(evaluation=own)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if submitting:
                messages.success(
                    request,
                    _(
                        "Votre évaluation est soumise. Vous voyez maintenant les "
                        "notes des autres membres du comité."
                    ),
                )
                return redirect(_sheet_url(sheet))
            messages.success(request, _("Votre brouillon est enregistré."))
            return redirect(
                "practices:evaluate", network=sheet.network.slug, pk=sheet.pk
            )
    return render(
        request,
        "practices/evaluation_form.html",
        {
            "network": sheet.network,
            "sheet": sheet,
            "grid": grid,
            "form": form,
            "evaluation": own,
        },
    )


@login_required
def queue(request, network):
    network_obj, _membership = network_for(request.user, network)
    viewer = perms.viewer_for(request.user, network_obj)
    require(perms.can_view_queue(viewer))
    subregions = list(network_obj.subregions.order_by("name"))
    subregion = next(
        (s for s in subregions if str(s.pk) == request.GET.get("sous_region")), None
    )
    age_group = request.GET.get("age")
    if age_group not in AgeGroup.values:
        age_group = None
    mine = Evaluation.objects.filter(
        sheet=OuterRef("pk"), evaluator=request.user, submitted_at__isnull=False
    )
    sheets = (
        scientific_queue(viewer, subregion=subregion, age_group=age_group)
        .select_related("network")
        .annotate(
            evaluations_in=Count(
                "evaluations",
                filter=Q(
                    evaluations__submitted_at__isnull=False,
                    evaluations__has_conflict=False,
                ),
            ),
            mine_done=Exists(mine),
        )
    )
    page = Paginator(sheets, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "practices/queue_scientific.html",
        {
            "network": network_obj,
            "page": page,
            "subregions": subregions,
            "subregion": subregion,
            "age_groups": AgeGroup.choices,
            "age_group": age_group or "",
            "query_string": filters_query_string(request),
            "can_manage_grid": perms.can_manage_grid(viewer),
        },
    )


@login_required
def formalise(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    require(perms.can_formalise(viewer, sheet))
    latest = sheet.versions.order_by("-number").first()
    initial = {name: getattr(latest, name, "") for name in CONTENT_FIELDS}
    initial["lock_version"] = sheet.lock_version
    form = FormaliseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.formalise(
                sheet=sheet,
                actor=request.user,
                expected_lock_version=form.cleaned_data["lock_version"],
                change_note=form.cleaned_data["change_note"],
                **form.content(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == CONFLICT:
                # The person now sees the message: saving again may go over it.
                sheet = sheet_for(viewer, pk)
                latest = sheet.versions.order_by("-number").first()
                data = request.POST.copy()
                data["lock_version"] = str(sheet.lock_version)
                form = FormaliseForm(data, initial=initial)
                form.is_valid()
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "La version formalisée est enregistrée; les versions précédentes "
                    "restent dans l'historique."
                ),
            )
            return redirect(_sheet_url(sheet))
    return render(
        request,
        "practices/formalise_form.html",
        {"network": sheet.network, "sheet": sheet, "form": form, "latest": latest},
    )


@login_required
def publish(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    require(perms.can_publish(viewer, sheet))
    form = PublishForm(
        request.POST or None,
        network=sheet.network,
        initial={"scope": sheet.scope or "network"},
    )
    if request.method == "POST" and form.is_valid():
        try:
            workflow.publish_sheet(
                sheet=sheet, actor=request.user, scope=form.cleaned_data["scope"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("La fiche est publiée."))
            return redirect(_sheet_url(sheet))
    return render(
        request,
        "practices/publish_form.html",
        {"network": sheet.network, "sheet": sheet, "form": form},
    )


@login_required
def revise(request, network, pk):
    """A published sheet back to formalised, for a new version to publish; readers
    keep the published one meanwhile."""
    viewer, sheet = _load(request, network, pk)
    require(perms.can_revise(viewer, sheet))
    if request.method == "POST":
        try:
            workflow.revise_sheet(sheet=sheet, actor=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect(_sheet_url(sheet))
        messages.success(
            request,
            _(
                "La fiche est en révision : formalisez une nouvelle version, puis "
                "publiez-la. D'ici là, la version publiée reste en ligne."
            ),
        )
        return redirect("practices:formalise", network=sheet.network.slug, pk=sheet.pk)
    return render(
        request,
        "practices/formalise_revise.html",
        {"network": sheet.network, "sheet": sheet},
    )
