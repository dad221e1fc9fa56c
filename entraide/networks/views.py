"""Network pages for members, and the network's own management pages.

Every management view: the network through ``network_for`` (404 when missing or not
yours), the object through a queryset of this network (404), the permission (403),
the form, one service, a redirect with a message.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import filters_query_string, require
from entraide.networks import imports, services
from entraide.networks.forms import (
    ImportUploadForm,
    InvitationForm,
    MembershipForm,
    OrganisationFilterForm,
    OrganisationForm,
    PeopleFilterForm,
    RegionForm,
    SubRegionForm,
)
from entraide.networks.models import ImportKind, Invitation, Membership
from entraide.networks.permissions import (
    assignable_roles,
    can_edit_membership,
    can_import,
    can_invite_people,
    can_manage_network,
    can_manage_organisations,
    can_manage_territory,
    can_remove_membership,
)
from entraide.networks.selectors import (
    invitation_by_token,
    network_for,
    organisations_in,
    pending_import,
    pending_invitations,
    people_in,
    regions_with_usage,
)

PAGE_SIZE = 25
PREVIEW_PAGE_SIZE = 100
PREVIEW_MAX_ERRORS = 100
TEMPLATE_NAMES = {
    "organisations": ImportKind.ORGANISATIONS,
    "personnes": ImportKind.PEOPLE,
}


def _render_manage(request, template, context, *, section):
    return render(request, template, {"section": section, **context})


def _manage_url(name, network) -> str:
    return reverse(f"networks:{name}", kwargs={"network": network.slug})


def _page(request, items, size=PAGE_SIZE):
    return Paginator(items, size).get_page(request.GET.get("page"))


def _run(request, action, *, done) -> bool:
    """Call a service; its refusal, or ``done``, becomes the page's message."""
    try:
        action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return False
    messages.success(request, done)
    return True


def _save_form(request, network, form, *, save, saved, title, section, back):
    """An add or edit page: on a valid POST, ``save(cleaned_data)`` and go back;
    else the form again, with the service's refusal among its errors.
    """
    if request.method == "POST" and form.is_valid():
        try:
            obj = save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, saved % {"name": obj.name})
            return redirect(back)
    return _render_manage(
        request,
        "networks/manage_form.html",
        {"network": network, "form": form, "title": title, "cancel_url": back},
        section=section,
    )


@login_required
def network_detail(request, network):
    from entraide.dissemination.permissions import can_manage_site
    from entraide.practices.permissions import viewer_for as practices_viewer_for
    from entraide.reports.permissions import can_view_reports

    network, membership = network_for(request.user, network)
    regions = network.regions.prefetch_related("subregions")
    return render(
        request,
        "networks/network_detail.html",
        {
            "network": network,
            "membership": membership,
            "regions": regions,
            "organisation_count": network.organisations.count(),
            "member_count": network.memberships.count(),
            "can_manage": can_manage_network(membership),
            "can_manage_site": can_manage_site(membership),
            "can_view_reports": can_view_reports(
                practices_viewer_for(request.user, network)
            ),
        },
    )


@login_required
def manage(request, network):
    network, membership = network_for(request.user, network)
    require(can_manage_network(membership))
    return _render_manage(
        request,
        "networks/manage_home.html",
        {
            "network": network,
            "membership": membership,
            "region_count": network.regions.count(),
            "subregion_count": network.subregions.count(),
            "organisation_count": network.organisations.count(),
            "member_count": network.memberships.count(),
            "invitation_count": pending_invitations(network).count(),
        },
        section="home",
    )


# --- Territory --------------------------------------------------------------------


@login_required
def region_list(request, network):
    network, membership = network_for(request.user, network)
    require(can_manage_territory(membership))
    return _render_manage(
        request,
        "networks/region_list.html",
        {"network": network, "regions": regions_with_usage(network)},
        section="territory",
    )


@login_required
def region_edit(request, network, pk=None):
    network, membership = network_for(request.user, network)
    region = get_object_or_404(network.regions, pk=pk) if pk is not None else None
    require(can_manage_territory(membership))
    return _save_form(
        request,
        network,
        RegionForm(request.POST or None, instance=region, network=network),
        save=lambda data: services.save_region(
            network=network, actor=request.user, region=region, data=data
        ),
        saved=_("La région « %(name)s » est enregistrée."),
        title=_("Modifier la région") if region else _("Ajouter une région"),
        section="territory",
        back=_manage_url("regions", network),
    )


def _confirm_delete(request, network, *, obj, title, question, delete, done, back):
    if request.method == "POST":
        _run(request, delete, done=done)
        return redirect(back)
    return _render_manage(
        request,
        "networks/manage_confirm.html",
        {
            "network": network,
            "title": title,
            "question": question,
            "object": obj,
            "button": _("Supprimer"),
            "cancel_url": back,
        },
        section="territory",
    )


@login_required
def region_delete(request, network, pk):
    network, membership = network_for(request.user, network)
    region = get_object_or_404(network.regions, pk=pk)
    require(can_manage_territory(membership))
    return _confirm_delete(
        request,
        network,
        obj=region,
        title=_("Supprimer la région"),
        question=_(
            "Supprimer la région « %(name)s » et ses sous-régions? Cette action est "
            "définitive."
        )
        % {"name": region.name},
        delete=lambda: services.delete_region(region=region, actor=request.user),
        done=_("La région « %(name)s » a été supprimée.") % {"name": region.name},
        back=_manage_url("regions", network),
    )


@login_required
def subregion_edit(request, network, pk=None):
    network, membership = network_for(request.user, network)
    subregion = get_object_or_404(network.subregions, pk=pk) if pk is not None else None
    require(can_manage_territory(membership))
    return _save_form(
        request,
        network,
        SubRegionForm(request.POST or None, instance=subregion, network=network),
        save=lambda data: services.save_subregion(
            network=network, actor=request.user, subregion=subregion, data=data
        ),
        saved=_("La sous-région « %(name)s » est enregistrée."),
        title=(
            _("Modifier la sous-région") if subregion else _("Ajouter une sous-région")
        ),
        section="territory",
        back=_manage_url("regions", network),
    )


@login_required
def subregion_delete(request, network, pk):
    network, membership = network_for(request.user, network)
    subregion = get_object_or_404(network.subregions, pk=pk)
    require(can_manage_territory(membership))
    return _confirm_delete(
        request,
        network,
        obj=subregion,
        title=_("Supprimer la sous-région"),
        question=_(
            "Supprimer la sous-région « %(name)s »? Cette action est définitive."
        )
        % {"name": subregion.name},
        delete=lambda: services.delete_subregion(
            subregion=subregion, actor=request.user
        ),
        done=_("La sous-région « %(name)s » a été supprimée.")
        % {"name": subregion.name},
        back=_manage_url("regions", network),
    )


# --- Organisations ----------------------------------------------------------------


@login_required
def organisation_list(request, network):
    network, membership = network_for(request.user, network)
    require(can_manage_organisations(membership))
    filters = OrganisationFilterForm(request.GET, network=network)
    return _render_manage(
        request,
        "networks/organisation_list.html",
        {
            "network": network,
            "filters": filters,
            "page": _page(request, organisations_in(network, **filters.filters())),
            "query_string": filters_query_string(request),
        },
        section="organisations",
    )


@login_required
def organisation_edit(request, network, pk=None):
    network, membership = network_for(request.user, network)
    organisation = (
        get_object_or_404(network.organisations, pk=pk) if pk is not None else None
    )
    require(can_manage_organisations(membership))
    return _save_form(
        request,
        network,
        OrganisationForm(request.POST or None, instance=organisation, network=network),
        save=lambda data: services.save_organisation(
            network=network, actor=request.user, organisation=organisation, data=data
        ),
        saved=_("L'organisation « %(name)s » est enregistrée."),
        title=(
            _("Modifier l'organisation")
            if organisation
            else _("Ajouter une organisation")
        ),
        section="organisations",
        back=_manage_url("organisations", network),
    )


# --- People -----------------------------------------------------------------------


@login_required
def people_list(request, network):
    network, membership = network_for(request.user, network)
    require(can_manage_network(membership))
    filters = PeopleFilterForm(request.GET, network=network)
    return _render_manage(
        request,
        "networks/membership_list.html",
        {
            "network": network,
            "membership": membership,
            "filters": filters,
            "page": _page(request, people_in(network, **filters.filters())),
            "query_string": filters_query_string(request),
        },
        section="people",
    )


def _network_memberships(network):
    return Membership.objects.filter(network=network).select_related("user")


@login_required
def person_edit(request, network, pk):
    network, membership = network_for(request.user, network)
    target = get_object_or_404(_network_memberships(network), pk=pk)
    require(can_edit_membership(membership, target))
    roles = assignable_roles(membership)
    form = MembershipForm(
        request.POST or None, instance=target, network=network, roles=roles
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.change_membership(
                membership=target,
                actor=request.user,
                role=form.cleaned_data["role"],
                organisation=form.cleaned_data["organisation"],
                subregion=form.cleaned_data["subregion"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("La place de %(person)s dans le réseau est enregistrée.")
                % {"person": target.user},
            )
            return redirect("networks:people", network=network.slug)
    return _render_manage(
        request,
        "networks/membership_form.html",
        {"network": network, "form": form, "target": target},
        section="people",
    )


@login_required
def person_remove(request, network, pk):
    network, membership = network_for(request.user, network)
    target = get_object_or_404(_network_memberships(network), pk=pk)
    require(can_remove_membership(membership, target))
    back = _manage_url("people", network)
    if request.method == "POST":
        removed = _run(
            request,
            lambda: services.remove_membership(membership=target, actor=request.user),
            done=_("%(person)s ne fait plus partie du réseau.")
            % {"person": target.user},
        )
        if removed and target.pk == membership.pk:
            return redirect("core:home")
        return redirect(back)
    return _render_manage(
        request,
        "networks/manage_confirm.html",
        {
            "network": network,
            "title": _("Retirer une personne du réseau"),
            "question": _(
                "Retirer %(person)s (%(email)s) du réseau? Elle perdra aussitôt "
                "l'accès à ses pages."
            )
            % {"person": target.user, "email": target.user.email},
            "button": _("Retirer du réseau"),
            "cancel_url": back,
        },
        section="people",
    )


# --- Invitations ------------------------------------------------------------------


@login_required
def invitation_list(request, network):
    network, membership = network_for(request.user, network)
    require(can_invite_people(membership))
    form = InvitationForm(
        request.POST or None, network=network, roles=assignable_roles(membership)
    )
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invite_person(
                network=network, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("L'invitation a été envoyée à %(email)s.")
                % {"email": invitation.email},
            )
            return redirect("networks:invitations", network=network.slug)
    return _render_manage(
        request,
        "networks/invitation_list.html",
        {
            "network": network,
            "form": form,
            "page": _page(request, pending_invitations(network)),
        },
        section="invitations",
    )


def _open_invitation(request, network, pk):
    network, membership = network_for(request.user, network)
    invitation = get_object_or_404(Invitation.objects.filter(network=network), pk=pk)
    require(can_invite_people(membership))
    return network, invitation


@login_required
@require_POST
def invitation_resend(request, network, pk):
    network, invitation = _open_invitation(request, network, pk)
    _run(
        request,
        lambda: services.resend_invitation(invitation=invitation, actor=request.user),
        done=_("L'invitation a été renvoyée à %(email)s.")
        % {"email": invitation.email},
    )
    return redirect("networks:invitations", network=network.slug)


@login_required
@require_POST
def invitation_revoke(request, network, pk):
    network, invitation = _open_invitation(request, network, pk)
    _run(
        request,
        lambda: services.revoke_invitation(invitation=invitation, actor=request.user),
        done=_("L'invitation de %(email)s est annulée : son lien ne fonctionne plus.")
        % {"email": invitation.email},
    )
    return redirect("networks:invitations", network=network.slug)


UNUSABLE_STATUS = {"unknown": 404, "expired": 410, "revoked": 410, "used": 410}


def _unusable(request, reason, invitation=None):
    return render(
        request,
        "networks/invitation_unusable.html",
        {"reason": reason, "invitation": invitation},
        status=UNUSABLE_STATUS[reason],
    )


@never_cache
def invitation_accept(request, token):
    """The link of an invitation email; public, so that it can explain itself."""
    invitation = invitation_by_token(token)
    reason = services.unusable_reason(invitation)
    user = request.user
    if reason == "used" and user.is_authenticated and invitation.accepted_by == user:
        messages.info(request, _("Vous avez déjà accepté cette invitation."))
        return redirect(invitation.network.get_absolute_url())
    if reason is not None:
        return _unusable(request, reason, invitation)
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            membership = services.accept_invitation(token=token, user=user)
        except services.InvitationUnusable as refusal:
            return _unusable(request, refusal.reason, refusal.invitation)
        except services.AlreadyMember:
            messages.info(request, _("Vous faites déjà partie de ce réseau."))
            return redirect(invitation.network.get_absolute_url())
        messages.success(
            request,
            _("Bienvenue dans le réseau %(network)s!")
            % {"network": membership.network.name},
        )
        return redirect(membership.network.get_absolute_url())
    already_member = (
        user.is_authenticated
        and invitation.network.memberships.filter(user=user).exists()
    )
    next_query = urlencode({"next": request.get_full_path()})
    return render(
        request,
        "networks/invitation_accept.html",
        {
            "invitation": invitation,
            "network": invitation.network,
            "already_member": already_member,
            "login_url": f"{reverse('account_login')}?{next_query}",
            "signup_url": f"{reverse('account_signup')}?{next_query}",
        },
    )


# --- Imports ----------------------------------------------------------------------


def _import_forms(bound=None):
    forms = {kind: ImportUploadForm(kind=kind) for kind in ImportKind.values}
    if bound is not None:
        forms[bound.kind] = bound
    return [forms[kind] for kind in ImportKind.values]


@login_required
def import_upload(request, network):
    network, membership = network_for(request.user, network)
    require(can_import(membership))
    bound = None
    if request.method == "POST":
        kind = request.POST.get("kind")
        if kind not in ImportKind.values:
            kind = ImportKind.ORGANISATIONS
        bound = ImportUploadForm(request.POST, request.FILES, kind=kind)
        if bound.is_valid():
            for problem in imports.read_table(
                bound.cleaned_data["text"], kind
            ).problems:
                bound.add_error("file", problem)
        if bound.is_valid():
            pending = services.stage_import(
                network=network,
                actor=request.user,
                kind=kind,
                text=bound.cleaned_data["text"],
                filename=bound.cleaned_data["file"].name,
            )
            return redirect(
                "networks:import_preview", network=network.slug, pk=pending.pk
            )
    return _render_manage(
        request,
        "networks/import_form.html",
        {"network": network, "forms": _import_forms(bound)},
        section="import",
    )


def _preview_page(request, network, pending, preview):
    page = _page(request, preview.rows, PREVIEW_PAGE_SIZE)
    errors = preview.errors
    return _render_manage(
        request,
        "networks/import_preview.html",
        {
            "network": network,
            "pending": pending,
            "preview": preview,
            "page": page,
            "errors": errors[:PREVIEW_MAX_ERRORS],
            "more_errors": max(len(errors) - PREVIEW_MAX_ERRORS, 0),
            "counts": {
                status: preview.count(status)
                for status in (
                    imports.Status.CREATE,
                    imports.Status.MEMBERSHIP,
                    imports.Status.INVITATION,
                    imports.Status.SKIP,
                    imports.Status.ERROR,
                )
            },
            "cells": [(row, row.cells(preview.columns)) for row in page.object_list],
        },
        section="import",
    )


@login_required
def import_preview(request, network, pk):
    network, membership = network_for(request.user, network)
    require(can_import(membership))
    pending = pending_import(network, request.user, pk)
    roles = assignable_roles(membership)
    if request.method == "POST":
        if "cancel" in request.POST:
            services.cancel_import(pending=pending, actor=request.user)
            messages.info(request, _("L'importation est annulée; rien n'a été écrit."))
            return redirect("networks:import", network=network.slug)
        try:
            counts = services.confirm_import(
                pending=pending, actor=request.user, roles=roles
            )
        except services.ImportRefused as refusal:
            messages.error(request, refusal.message)
            if refusal.preview is None:
                return redirect("networks:import", network=network.slug)
            return _preview_page(request, network, pending, refusal.preview)
        if pending.kind == ImportKind.PEOPLE:
            messages.success(
                request,
                _(
                    "Importation terminée : %(memberships)s personne(s) ajoutée(s) au "
                    "réseau, %(invitations)s invitation(s) envoyée(s)."
                )
                % counts,
            )
            return redirect("networks:people", network=network.slug)
        messages.success(
            request,
            _("Importation terminée : %(organisations)s organisation(s) ajoutée(s).")
            % counts,
        )
        return redirect("networks:organisations", network=network.slug)
    preview = imports.preview(pending.kind, network, pending.content, roles=roles)
    return _preview_page(request, network, pending, preview)


@login_required
def import_template(request, network, kind):
    network, membership = network_for(request.user, network)
    if kind not in TEMPLATE_NAMES:
        raise Http404
    require(can_import(membership))
    content = "\ufeff" + imports.template_csv(TEMPLATE_NAMES[kind])
    response = HttpResponse(
        content.encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="modele-{kind}.csv"'
    return response
