"""Building the plan, updating actions and writing follow-ups.

Every part of a plan is fetched through the plan the viewer may read, so a
mandate, an action or a note of another plan answers 404. The action's page reads
the same number of queries whatever the size of the plan or its history's length
is not: its history and its notes are the action's own.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import require, show_service_errors
from entraide.networks.models import SubRegion
from entraide.plans import permissions as perms
from entraide.plans import selectors
from entraide.plans.forms.structure import (
    SCHEDULE_ERROR_FIELDS,
    ActionForm,
    FollowUpForm,
    MandateForm,
    ObjectiveForm,
    PlanForm,
    ProgressForm,
    TargetForm,
)
from entraide.plans.indicators import values_for
from entraide.plans.models import (
    Action,
    PlanStatus,
)
from entraide.plans.services import progress as progress_services
from entraide.plans.services import structure as services
from entraide.plans.views.follow import value_label

# --- Helpers ------------------------------------------------------------------------


def _viewer_and_plan(request, network, plan):
    viewer = selectors.viewer_in(request, network)
    return viewer, selectors.plan_for(viewer, plan)


def _part_page(request, viewer, plan, form, *, heading, intro="", cancel_url=""):
    return render(
        request,
        "plans/part_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "form": form,
            "heading": heading,
            "intro": intro,
            "cancel_url": cancel_url or selectors.table_url(plan),
        },
    )


def _save(request, form, call, success: str):
    """Call the service with the form's data; the saved object, or None with the
    service's errors on the form."""
    try:
        saved = call(**form.cleaned_data)
    except ValidationError as error:
        show_service_errors(form, error)
        return None
    messages.success(request, success)
    return saved


# --- Plans --------------------------------------------------------------------------


@login_required
@require_safe
def plan_list(request, network, **kwargs):
    viewer = selectors.viewer_in(request, network)
    plans = list(selectors.visible_plans(viewer))
    for plan in plans:
        plan.network = viewer.network
    return render(
        request,
        "plans/plan_list.html",
        {
            "network": viewer.network,
            "plans": plans,
            "can_create": perms.can_create_plan(viewer),
        },
    )


def _plan_page(request, viewer, form, plan=None):
    return render(
        request,
        "plans/plan_form.html",
        {"network": viewer.network, "plan": plan, "form": form},
    )


@login_required
def plan_create(request, network, **kwargs):
    viewer = selectors.viewer_in(request, network)
    require(perms.can_create_plan(viewer))
    form = PlanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        plan = _save(
            request,
            form,
            lambda **data: services.create_plan(
                network=viewer.network, actor=request.user, **data
            ),
            _("Le plan est créé. Ajoutez-y ses mandats."),
        )
        if plan is not None:
            return redirect(plan.get_absolute_url())
    return _plan_page(request, viewer, form)


@login_required
def plan_edit(request, network, plan, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    require(perms.can_edit_plan(viewer, plan))
    initial = {name: getattr(plan, name) for name in services.PLAN_FIELDS}
    form = PlanForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda **data: services.update_plan(plan=plan, actor=request.user, **data),
            _("Le plan est enregistré."),
        )
        if saved is not None:
            return redirect(plan.get_absolute_url())
    return _plan_page(request, viewer, form, plan)


# --- Mandates, objectives, targets --------------------------------------------------


@login_required
def mandate_create(request, network, plan, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    require(perms.can_edit_plan(viewer, plan))
    form = MandateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        mandate = _save(
            request,
            form,
            lambda **data: services.add_mandate(plan=plan, actor=request.user, **data),
            _("Le mandat est ajouté."),
        )
        if mandate is not None:
            return redirect(selectors.table_url(plan, f"mandate-{mandate.pk}"))
    return _part_page(request, viewer, plan, form, heading=_("Nouveau mandat"))


@login_required
def mandate_edit(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    mandate = selectors.mandate_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    initial = {
        "title": mandate.title,
        "description": mandate.description,
        "position": mandate.position,
    }
    form = MandateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda **data: services.update_mandate(
                mandate=mandate, actor=request.user, **data
            ),
            _("Le mandat est enregistré."),
        )
        if saved is not None:
            return redirect(selectors.table_url(plan, f"mandate-{mandate.pk}"))
    return _edit_page(
        request,
        viewer,
        plan,
        form,
        heading=_("Modifier le mandat"),
        anchor=f"mandate-{mandate.pk}",
        delete_url=reverse(
            "plans:mandate_delete",
            kwargs={"network": network, "plan": plan.pk, "pk": mandate.pk},
        ),
    )


def _edit_page(request, viewer, plan, form, *, heading, anchor, delete_url, intro=""):
    return render(
        request,
        "plans/part_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "form": form,
            "heading": heading,
            "intro": intro,
            "cancel_url": selectors.table_url(plan, anchor),
            "delete_url": delete_url,
        },
    )


def _delete_page(request, viewer, plan, part, *, heading, question, anchor=""):
    """The confirmation on GET; on POST, the part goes with its children."""
    if request.method == "POST":
        count = services.delete_part(part=part, actor=request.user)
        messages.success(request, _deleted_message(count))
        return redirect(selectors.table_url(plan, anchor))
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "network": viewer.network,
            "plan": plan,
            "heading": heading,
            "question": question,
            "action_count": services.actions_under(part),
            "is_action": isinstance(part, Action),
            "cancel_url": selectors.table_url(plan, anchor),
        },
    )


def _deleted_message(count: int) -> str:
    if count == 0:
        return _("C'est supprimé.")
    return ngettext(
        "C'est supprimé, avec %(count)d action.",
        "C'est supprimé, avec %(count)d actions.",
        count,
    ) % {"count": count}


@login_required
def mandate_delete(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    mandate = selectors.mandate_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    return _delete_page(
        request,
        viewer,
        plan,
        mandate,
        heading=_("Supprimer le mandat"),
        question=_(
            "Supprimer le mandat « %(title)s », avec ses objectifs, ses cibles, "
            "leurs indicateurs et leurs actions ?"
        )
        % {"title": mandate.title},
    )


@login_required
def objective_create(request, network, plan, mandate, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    mandate = selectors.mandate_in(plan, mandate)
    require(perms.can_edit_plan(viewer, plan))
    form = ObjectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        objective = _save(
            request,
            form,
            lambda **data: services.add_objective(
                mandate=mandate, actor=request.user, **data
            ),
            _("L'objectif est ajouté."),
        )
        if objective is not None:
            return redirect(selectors.table_url(plan, f"objective-{objective.pk}"))
    return _part_page(
        request,
        viewer,
        plan,
        form,
        heading=_("Nouvel objectif"),
        intro=_("Mandat : %(title)s") % {"title": mandate.title},
        cancel_url=selectors.table_url(plan, f"mandate-{mandate.pk}"),
    )


@login_required
def objective_edit(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    objective = selectors.objective_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    initial = {
        "title": objective.title,
        "description": objective.description,
        "position": objective.position,
    }
    form = ObjectiveForm(request.POST or None, initial=initial)
    anchor = f"objective-{objective.pk}"
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda **data: services.update_objective(
                objective=objective, actor=request.user, **data
            ),
            _("L'objectif est enregistré."),
        )
        if saved is not None:
            return redirect(selectors.table_url(plan, anchor))
    return _edit_page(
        request,
        viewer,
        plan,
        form,
        heading=_("Modifier l'objectif"),
        intro=_("Mandat : %(title)s") % {"title": objective.mandate.title},
        anchor=anchor,
        delete_url=reverse(
            "plans:objective_delete",
            kwargs={"network": network, "plan": plan.pk, "pk": objective.pk},
        ),
    )


@login_required
def objective_delete(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    objective = selectors.objective_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    return _delete_page(
        request,
        viewer,
        plan,
        objective,
        heading=_("Supprimer l'objectif"),
        question=_(
            "Supprimer l'objectif « %(title)s », avec ses cibles, leurs "
            "indicateurs et leurs actions ?"
        )
        % {"title": objective.title},
        anchor=f"mandate-{objective.mandate_id}",
    )


@login_required
def target_create(request, network, plan, objective, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    objective = selectors.objective_in(plan, objective)
    require(perms.can_edit_plan(viewer, plan))
    form = TargetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        target = _save(
            request,
            form,
            lambda **data: services.add_target(
                objective=objective, actor=request.user, **data
            ),
            _("La cible est ajoutée."),
        )
        if target is not None:
            return redirect(selectors.table_url(plan, f"target-{target.pk}"))
    return _part_page(
        request,
        viewer,
        plan,
        form,
        heading=_("Nouvelle cible"),
        intro=_("Objectif : %(title)s") % {"title": objective.title},
        cancel_url=selectors.table_url(plan, f"objective-{objective.pk}"),
    )


@login_required
def target_edit(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    target = selectors.target_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    initial = {"expected_result": target.expected_result, "position": target.position}
    form = TargetForm(request.POST or None, initial=initial)
    anchor = f"target-{target.pk}"
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda **data: services.update_target(
                target=target, actor=request.user, **data
            ),
            _("La cible est enregistrée."),
        )
        if saved is not None:
            return redirect(selectors.table_url(plan, anchor))
    return _edit_page(
        request,
        viewer,
        plan,
        form,
        heading=_("Modifier la cible"),
        intro=_("Objectif : %(title)s") % {"title": target.objective.title},
        anchor=anchor,
        delete_url=reverse(
            "plans:target_delete",
            kwargs={"network": network, "plan": plan.pk, "pk": target.pk},
        ),
    )


@login_required
def target_delete(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    target = selectors.target_in(plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    return _delete_page(
        request,
        viewer,
        plan,
        target,
        heading=_("Supprimer la cible"),
        question=_(
            "Supprimer la cible « %(title)s », avec ses indicateurs et ses actions ?"
        )
        % {"title": str(target)},
        anchor=f"objective-{target.objective_id}",
    )


# --- Actions ------------------------------------------------------------------------


def _action_page(request, viewer, plan, form, *, target, action=None, conflict=False):
    return render(
        request,
        "plans/action_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "target": target,
            "action": action,
            "form": form,
            "conflict": conflict,
            "cancel_url": action.get_absolute_url()
            if action
            else selectors.table_url(plan, f"target-{target.pk}"),
        },
    )


def _show_action_errors(form, error: ValidationError) -> None:
    kind = form.cleaned_data.get("schedule_kind")
    if hasattr(error, "error_dict"):
        moved = SCHEDULE_ERROR_FIELDS.get(kind, {})
        error = ValidationError(
            {moved.get(name, name): errors for name, errors in error.error_dict.items()}
        )
    show_service_errors(form, error)


@login_required
def action_create(request, network, plan, target, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    target = selectors.target_in(plan, target)
    require(perms.can_edit_plan(viewer, plan))
    form = ActionForm(request.POST or None, network=viewer.network)
    if request.method == "POST" and form.is_valid():
        try:
            action = services.add_action(
                target=target, actor=request.user, **form.service_fields()
            )
        except ValidationError as error:
            _show_action_errors(form, error)
        else:
            messages.success(request, _("L'action est ajoutée."))
            return redirect(selectors.table_url(plan, f"action-{action.pk}"))
    return _action_page(request, viewer, plan, form, target=target)


@login_required
def action_edit(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    action = selectors.action_for(viewer, plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    form = ActionForm(
        request.POST or None,
        network=viewer.network,
        editing=True,
        initial=ActionForm.initial_for(action),
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action(
                action=action,
                actor=request.user,
                expected_lock_version=form.cleaned_data.get("lock_version"),
                **form.service_fields(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == services.CONFLICT:
                # The typed text stays; the next save, made knowingly, goes over
                # what the other person saved.
                conflict = True
                current = Action.objects.filter(pk=action.pk).first()
                data = request.POST.copy()
                data["lock_version"] = str(current.lock_version if current else 0)
                form = ActionForm(
                    data,
                    network=viewer.network,
                    editing=True,
                    initial=ActionForm.initial_for(action),
                )
                form.is_valid()
                form.add_error(None, error)
            else:
                _show_action_errors(form, error)
        else:
            messages.success(request, _("L'action est enregistrée."))
            return redirect(action.get_absolute_url())
    return _action_page(
        request,
        viewer,
        plan,
        form,
        target=action.target,
        action=action,
        conflict=conflict,
    )


@login_required
def action_delete(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    action = selectors.action_for(viewer, plan, pk)
    require(perms.can_edit_plan(viewer, plan))
    return _delete_page(
        request,
        viewer,
        plan,
        action,
        heading=_("Supprimer l'action"),
        question=_(
            "Supprimer l'action « %(title)s », avec son historique, ses suivis "
            "et ses indicateurs ?"
        )
        % {"title": str(action)},
        anchor=f"target-{action.target_id}",
    )


@login_required
@require_safe
def action_detail(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    action = selectors.action_for(viewer, plan, pk)
    today = selectors.network_today(viewer.network)
    indicators = list(
        action.indicators.select_related("community", "subregion", "survey").order_by(
            "position", "pk"
        )
    )
    readings = values_for(
        indicators,
        network=viewer.network,
        today=today,
        period=(plan.period_start, plan.period_end),
    )
    for indicator in indicators:
        indicator.plan = plan
        indicator.reading = readings[indicator.pk]
        indicator.value_label = value_label(indicator, indicator.reading)
    updates = list(action.updates.select_related("actor"))
    notes = list(selectors.follow_ups(action))
    for note in notes:
        note.action = action
        note.can_edit = perms.can_edit_follow_up(viewer, note)
    by_subregion = [
        {
            "subregion": subregion,
            "mine": subregion.pk in viewer.represented,
            "notes": [n for n in notes if n.subregion_id == subregion.pk],
        }
        for subregion in SubRegion.objects.filter(network=viewer.network)
    ]
    can_edit = perms.can_edit_plan(viewer, plan)
    return render(
        request,
        "plans/action_detail.html",
        {
            "network": viewer.network,
            "plan": plan,
            "action": action,
            "today": today,
            "target": action.target,
            "indicators": indicators,
            "updates": updates,
            "by_subregion": by_subregion,
            "can_edit": can_edit,
            "can_update": perms.can_update_action(viewer, action),
            "can_write_follow_up": perms.can_write_follow_up(viewer, action),
            "can_view_dashboard": perms.can_view_dashboard(viewer, plan),
            "is_draft": plan.status == PlanStatus.DRAFT,
        },
    )


@login_required
def action_progress(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    action = selectors.action_for(viewer, plan, pk)
    require(perms.can_update_action(viewer, action))
    form = ProgressForm(
        request.POST or None,
        initial={"status": action.status, "progress": action.progress},
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(
            request,
            form,
            lambda **data: progress_services.record_progress(
                action=action, actor=request.user, **data
            ),
            _("L'avancement est enregistré."),
        )
        if saved is not None:
            return redirect(action.get_absolute_url())
    return render(
        request,
        "plans/progress_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "action": action,
            "form": form,
            "today": selectors.network_today(viewer.network),
        },
    )


# --- Follow-up notes ----------------------------------------------------------------


def _follow_up_page(request, viewer, plan, action, form, note=None):
    return render(
        request,
        "plans/follow_up_form.html",
        {
            "network": viewer.network,
            "plan": plan,
            "action": action,
            "note": note,
            "form": form,
            "cancel_url": action.get_absolute_url(),
        },
    )


def _subregion_refused(request, form) -> None:
    """A sub-region not offered to the person: said plainly, nothing saved."""
    if "subregion" in form.errors:
        messages.error(
            request,
            _("Vous ne pouvez consigner un suivi que pour votre sous-région."),
        )


@login_required
def follow_up_create(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    action = selectors.action_for(viewer, plan, pk)
    require(perms.can_write_follow_up(viewer, action))
    allowed = perms.follow_up_subregions(viewer, action)
    form = FollowUpForm(request.POST or None, network=viewer.network, allowed=allowed)
    if request.method == "POST":
        if form.is_valid():
            subregion = form.cleaned_data["subregion"]
            require(perms.can_write_follow_up(viewer, action, subregion.pk))
            note = _save(
                request,
                form,
                lambda **data: progress_services.write_follow_up(
                    action=action, actor=request.user, **data
                ),
                _("Le suivi est consigné."),
            )
            if note is not None:
                return redirect(f"{action.get_absolute_url()}#follow-up-{note.pk}")
        else:
            _subregion_refused(request, form)
    return _follow_up_page(request, viewer, plan, action, form)


@login_required
def follow_up_edit(request, network, plan, pk, **kwargs):
    viewer, plan = _viewer_and_plan(request, network, plan)
    note = selectors.note_in(plan, pk)
    action = selectors.action_for(viewer, plan, note.action_id)
    note.action = action
    require(perms.can_edit_follow_up(viewer, note))
    allowed = perms.follow_up_subregions(viewer, action)
    form = FollowUpForm(
        request.POST or None,
        network=viewer.network,
        allowed=allowed,
        initial={
            "subregion": note.subregion_id,
            "text": note.text,
            "impacts": note.impacts,
        },
    )
    if request.method == "POST":
        if form.is_valid():
            subregion = form.cleaned_data["subregion"]
            require(perms.can_write_follow_up(viewer, action, subregion.pk))
            saved = _save(
                request,
                form,
                lambda **data: progress_services.update_follow_up(
                    note=note, actor=request.user, **data
                ),
                _("Le suivi est enregistré."),
            )
            if saved is not None:
                return redirect(f"{action.get_absolute_url()}#follow-up-{note.pk}")
        else:
            _subregion_refused(request, form)
    return _follow_up_page(request, viewer, plan, action, form, note)
