"""Reference dossiers: ordered, introduced collections of tools, practice sheets
and outside links.

Readers see a published dossier as its scope allows, and in it only what they may
read: a tool or a sheet out of their reach is left out without a word. Project
leads build dossiers; each change is one service in ``services.dossiers``.
"""

from urllib.parse import urlsplit

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from entraide.core.shortcuts import require, show_service_errors
from entraide.library import permissions as perms
from entraide.library.forms.dossiers import DossierForm, ItemForm, MoveForm
from entraide.library.models import DossierItem
from entraide.library.selectors import dossier_for, viewer_in, visible_dossiers
from entraide.library.selectors_browse import dossier_items, readable_items
from entraide.library.services import dossiers as services

PER_PAGE = 20


@require_safe
def dossier_list(request, network):
    viewer = viewer_in(request, network)
    dossiers = (
        visible_dossiers(viewer)
        .select_related("network")
        .annotate(item_count=Count("items"))
        .order_by("title", "pk")
    )
    page = Paginator(dossiers, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "library/dossier_list.html",
        {
            "network": viewer.network,
            "page": page,
            "dossiers": page.object_list,
            "can_manage": perms.can_manage_dossiers(viewer),
        },
    )


def _link_host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _detail(request, viewer, dossier, item_form=None, status=200):
    can_edit = perms.can_edit_dossier(viewer, dossier)
    items = dossier_items(dossier)
    readable = readable_items(viewer, items)
    if can_edit:
        shown_ids = {item.pk for item in readable}
        rows = [(item, item.pk in shown_ids) for item in items]
    else:
        rows = [(item, True) for item in readable]
    entries = [
        {
            "item": item,
            "readable": readable_now,
            "host": _link_host(item.url) if item.url else "",
            "first": index == 0,
            "last": index == len(rows) - 1,
        }
        for index, (item, readable_now) in enumerate(rows)
    ]
    if can_edit and item_form is None:
        item_form = ItemForm(network=viewer.network)
    return render(
        request,
        "library/dossier_detail.html",
        {
            "network": viewer.network,
            "dossier": dossier,
            "entries": entries,
            "can_edit": can_edit,
            "item_form": item_form,
        },
        status=status,
    )


@require_safe
def dossier_detail(request, network, pk):
    viewer = viewer_in(request, network)
    return _detail(request, viewer, dossier_for(viewer, pk))


def _form_page(request, viewer, form, dossier=None):
    return render(
        request,
        "library/dossier_form.html",
        {"network": viewer.network, "form": form, "dossier": dossier},
    )


@login_required
def dossier_create(request, network):
    viewer = viewer_in(request, network)
    if not viewer.is_member:
        raise Http404
    require(perms.can_manage_dossiers(viewer))
    form = DossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.create_dossier(
                network=viewer.network, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le dossier est créé."))
            return redirect(dossier)
    return _form_page(request, viewer, form)


@login_required
def dossier_edit(request, network, pk):
    viewer = viewer_in(request, network)
    dossier = dossier_for(viewer, pk)
    require(perms.can_edit_dossier(viewer, dossier))
    initial = {name: getattr(dossier, name) for name in services.DOSSIER_FIELDS}
    form = DossierForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = services.update_dossier(
                dossier=dossier, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le dossier est enregistré."))
            return redirect(dossier)
    return _form_page(request, viewer, form, dossier)


def _editable(request, network, pk):
    viewer = viewer_in(request, network)
    dossier = dossier_for(viewer, pk)
    require(perms.can_edit_dossier(viewer, dossier))
    return viewer, dossier


@login_required
@require_POST
def item_add(request, network, pk):
    viewer, dossier = _editable(request, network, pk)
    form = ItemForm(request.POST, network=viewer.network)
    if form.is_valid():
        try:
            services.add_item(dossier=dossier, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("L'élément est ajouté au dossier."))
            return redirect(dossier)
    return _detail(request, viewer, dossier, item_form=form)


@login_required
@require_POST
def item_remove(request, network, pk, item):
    viewer, dossier = _editable(request, network, pk)
    row = get_object_or_404(DossierItem, dossier=dossier, pk=item)
    row.dossier = dossier
    services.remove_item(item=row, actor=request.user)
    messages.success(request, _("L'élément est retiré du dossier."))
    return redirect(dossier)


@login_required
@require_POST
def item_move(request, network, pk, item):
    viewer, dossier = _editable(request, network, pk)
    row = get_object_or_404(DossierItem, dossier=dossier, pk=item)
    row.dossier = dossier
    form = MoveForm(request.POST)
    if form.is_valid():
        services.move_item(
            item=row, actor=request.user, direction=form.cleaned_data["direction"]
        )
        messages.success(request, _("L'ordre du dossier est changé."))
    else:
        messages.error(request, _("Choisissez de monter ou de descendre l'élément."))
    return redirect(f"{dossier.get_absolute_url()}#element-{row.pk}")
