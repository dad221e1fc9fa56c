"""Writing a sheet: my sheets, new sheet, editing, the sheet page, versions,
differences between two versions, evidence files.

Same order as every view: the network (404 when not a member), the sheet through
``selectors.sheet_for`` (404 when the person may not see it), the permission
(403), the form, one service, a redirect with a message.
"""

import difflib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import require, show_service_errors
from entraide.core.uploads import download_response
from entraide.networks.selectors import network_for
from entraide.practices import permissions as perms
from entraide.practices.forms.authoring import EvidenceForm, SheetForm
from entraide.practices.models import (
    CONTENT_FIELDS,
    Evidence,
    PracticeSheet,
    SheetVersion,
)
from entraide.practices.selectors import sheet_for
from entraide.practices.services import authoring as services
from entraide.practices.services.authoring import CONFLICT
from entraide.practices.views import evaluation as evaluation_views
from entraide.practices.views import workflow as workflow_views

PER_PAGE = 20


def detail_context(request, sheet, viewer) -> dict:
    """What the sheet page needs from this part."""
    return {}


def _viewer(request, network_slug):
    network, _membership = network_for(request.user, network_slug)
    return perms.viewer_for(request.user, network)


def _load(request, network_slug, pk):
    viewer = _viewer(request, network_slug)
    return viewer, sheet_for(viewer, pk)


def _sheet_url(sheet, name="detail", **kwargs) -> str:
    return reverse(
        f"practices:{name}",
        kwargs={"network": sheet.network.slug, "pk": sheet.pk, **kwargs},
    )


def _initial(sheet: PracticeSheet) -> dict:
    version = sheet.current_version
    initial = {name: getattr(version, name, "") for name in CONTENT_FIELDS}
    initial.update(
        zone=sheet.zone_id,
        themes=[theme.pk for theme in sheet.themes.all()],
        age_group=sheet.age_group,
        setting=sheet.setting,
        contact_name=sheet.contact_name,
        contact_email=sheet.contact_email,
        organisation=sheet.organisation_id,
        subregion=sheet.subregion_id,
        co_authors=[person.pk for person in sheet.co_authors.all()],
        lock_version=sheet.lock_version,
    )
    return initial


@login_required
def my_sheets(request, network):
    viewer = _viewer(request, network)
    require(perms.can_create_sheet(viewer))
    mine = Q(author=request.user) | Q(co_authors=request.user)
    ids = PracticeSheet.objects.filter(network=viewer.network).filter(mine)
    sheets = (
        PracticeSheet.objects.filter(pk__in=ids.values("pk"))
        .select_related("network", "current_version")
        .order_by("-updated_at", "-pk")
    )
    page = Paginator(sheets, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "practices/my_sheets.html",
        {"network": viewer.network, "page": page, "sheets": page.object_list},
    )


@login_required
def sheet_create(request, network):
    viewer = _viewer(request, network)
    require(perms.can_create_sheet(viewer))
    membership = viewer.membership
    form = SheetForm(
        request.POST or None,
        network=viewer.network,
        author=request.user,
        initial={
            "organisation": membership.organisation_id,
            "subregion": membership.subregion_id,
            "contact_name": request.user.get_full_name(),
            "contact_email": request.user.email,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            sheet = services.create_sheet(
                network=viewer.network, author=request.user, **form.service_fields()
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Le brouillon est enregistré. Tant qu'il n'est pas soumis, il "
                    "n'est visible que de vous et de vos coautrices et coauteurs."
                ),
            )
            return redirect(sheet.get_absolute_url())
    return render(
        request,
        "practices/sheet_form.html",
        {
            "network": viewer.network,
            "form": form,
            "heading": _("Nouvelle fiche de recension"),
            "submit_label": _("Enregistrer le brouillon"),
            "cancel_url": reverse("practices:mine", kwargs={"network": network}),
        },
    )


@login_required
def sheet_edit(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    require(perms.can_edit_sheet(viewer, sheet))
    form_kwargs = {"network": viewer.network, "author": sheet.author, "sheet": sheet}
    if sheet.author is None:
        form_kwargs["author"] = request.user
    form = SheetForm(request.POST or None, initial=_initial(sheet), **form_kwargs)
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_version(
                sheet=sheet,
                actor=request.user,
                expected_lock_version=form.cleaned_data.get("lock_version"),
                change_note=form.cleaned_data.get("change_note", ""),
                **form.service_fields(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == CONFLICT:
                # What the other person saved, and a form that may now be saved
                # over it, since the person has seen it.
                sheet = sheet_for(viewer, pk)
                theirs = sheet.current_version
                data = request.POST.copy()
                data["lock_version"] = str(sheet.lock_version)
                form = SheetForm(data, initial=_initial(sheet), **form_kwargs)
                form.is_valid()
            show_service_errors(form, error)
        else:
            messages.success(request, _("La fiche est enregistrée."))
            return redirect(sheet.get_absolute_url())
    return render(
        request,
        "practices/sheet_form.html",
        {
            "network": viewer.network,
            "sheet": sheet,
            "form": form,
            "theirs": theirs,
            "content_fields": _labelled(theirs) if theirs else [],
            "heading": _("Modifier la fiche"),
            "submit_label": _("Enregistrer"),
            "cancel_url": sheet.get_absolute_url(),
        },
    )


def _labelled(version: SheetVersion) -> list[tuple[str, str, str]]:
    """(name, label, text) of each content field of a version."""
    return [
        (name, SheetForm.base_fields[name].label, getattr(version, name))
        for name in CONTENT_FIELDS
    ]


@login_required
def sheet_detail(request, network, pk):
    """THE sheet page: its content, where it stands, and what each person may do."""
    viewer, sheet = _load(request, network, pk)
    version = sheet.current_version
    evidence = list(sheet.evidence.select_related("uploaded_by"))
    context = {
        "network": viewer.network,
        "sheet": sheet,
        "version": version,
        "content_fields": _labelled(version)[1:] if version else [],
        "evidence_list": evidence,
        "viewer": viewer,
        "can_edit": perms.can_edit_sheet(viewer, sheet),
        "is_author": perms.is_author(viewer, sheet),
        "published_url": reverse(
            "practices:practice", kwargs={"network": network, "pk": sheet.pk}
        )
        if sheet.published_version_id
        else "",
    }
    context.update(detail_context(request, sheet, viewer))
    context.update(workflow_views.detail_context(request, sheet, viewer))
    context.update(evaluation_views.detail_context(request, sheet, viewer))
    return render(request, "practices/sheet_detail.html", context)


@login_required
def version_list(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    versions = list(
        sheet.versions.select_related("created_by")
        .order_by("-number")
        .only(
            "pk",
            "sheet_id",
            "number",
            "kind",
            "created_at",
            "change_note",
            "title",
            "created_by__first_name",
            "created_by__last_name",
            "created_by__email",
        )
    )
    rows = [
        (version, versions[index + 1] if index + 1 < len(versions) else None)
        for index, version in enumerate(versions)
    ]
    return render(
        request,
        "practices/version_list.html",
        {"network": viewer.network, "sheet": sheet, "rows": rows},
    )


def _lines(text: str) -> list[str]:
    return (text or "").splitlines() or [""]


def field_differences(old: SheetVersion, new: SheetVersion) -> list[dict]:
    """For each field that changed: its label and the lines kept, removed, added."""
    changes = []
    for name, label, _text in _labelled(new):
        before, after = getattr(old, name) or "", getattr(new, name) or ""
        if before == after:
            continue
        lines = []
        matcher = difflib.SequenceMatcher(
            a=_lines(before), b=_lines(after), autojunk=False
        )
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                lines += [("kept", line) for line in matcher.a[a1:a2]]
                continue
            lines += [("removed", line) for line in matcher.a[a1:a2] if line]
            lines += [("added", line) for line in matcher.b[b1:b2] if line]
        changes.append({"name": name, "label": label, "lines": lines})
    return changes


@login_required
def version_diff(request, network, pk, old, new):
    viewer, sheet = _load(request, network, pk)
    found = {v.number: v for v in sheet.versions.filter(number__in=(old, new))}
    if old not in found or new not in found:
        raise Http404
    return render(
        request,
        "practices/version_diff.html",
        {
            "network": viewer.network,
            "sheet": sheet,
            "old": found[old],
            "new": found[new],
            "changes": field_differences(found[old], found[new]),
        },
    )


@login_required
def evidence_upload(request, network, pk):
    viewer, sheet = _load(request, network, pk)
    require(perms.can_edit_sheet(viewer, sheet))
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            evidence = services.attach_evidence(
                sheet=sheet,
                actor=request.user,
                uploaded=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
                no_identifiable_child=form.cleaned_data["no_identifiable_child"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("« %(name)s » est joint à la fiche.")
                % {"name": evidence.original_name},
            )
            return redirect(_sheet_url(sheet, "evidence"))
    return render(
        request,
        "practices/evidence_form.html",
        {
            "network": viewer.network,
            "sheet": sheet,
            "form": form,
            "evidence_list": list(sheet.evidence.all()),
        },
    )


def _evidence(sheet, evidence_pk) -> Evidence:
    return get_object_or_404(Evidence, sheet=sheet, pk=evidence_pk)


@login_required
def evidence_download(request, network, pk, evidence):
    """The file, after the permission check, always as a download."""
    viewer, sheet = _load(request, network, pk)
    return download_response(_evidence(sheet, evidence))


@login_required
@require_POST
def evidence_remove(request, network, pk, evidence):
    viewer, sheet = _load(request, network, pk)
    evidence = _evidence(sheet, evidence)
    require(perms.can_edit_sheet(viewer, sheet))
    try:
        services.remove_evidence(evidence=evidence, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("« %(name)s » est retiré de la fiche.")
            % {"name": evidence.original_name},
        )
    return redirect(_sheet_url(sheet, "evidence"))
