"""Writing a tool: my tools, a community's tools, new tool, editing, co-authors,
the tool page, versions, differences between two versions, file downloads.

Same order as every view: the viewer in the network, the tool through
``selectors.tool_for`` (404 when the person may not see it), the permission
(403), the form, one service, a redirect with a message. The tool page and its
files are read without signing in when the tool is public; a signed-out person
asking for any other tool is sent to sign in (missing or private: the same).
"""

import difflib
import re
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entraide.accounts.models import JobRole
from entraide.communities.selectors import community_for
from entraide.core import uploads
from entraide.core.shortcuts import filters_query_string, require, show_service_errors
from entraide.core.uploads import download_response
from entraide.library import permissions as perms
from entraide.library.forms.authoring import (
    CoAuthorsForm,
    StatusFilterForm,
    ToolForm,
)
from entraide.library.models import (
    CONTENT_FIELDS,
    Licence,
    Tool,
    ToolScope,
    ToolVersion,
)
from entraide.library.selectors import (
    readable_tools,
    tool_for,
    viewer_in,
    working_tools,
)
from entraide.library.services import authoring as services
from entraide.library.services.authoring import CONFLICT
from entraide.library.views import STATUS_TONES
from entraide.library.views import collaboration as collaboration_views

PER_PAGE = 20

LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/deed.fr",
    Licence.CC_BY_NC_SA: "https://creativecommons.org/licenses/by-nc-sa/4.0/deed.fr",
}
LABELS = {
    "title": ToolForm.base_fields["title"].label,
    "description": ToolForm.base_fields["description"].label,
    "body": ToolForm.base_fields["body"].label,
    "video_url": ToolForm.base_fields["video_url"].label,
}
FILE_KINDS = {
    uploads.PDF: "PDF",
    uploads.DOCX: "Word",
    uploads.XLSX: "Excel",
    uploads.ODT: "OpenDocument",
    uploads.PNG: "PNG",
    uploads.JPEG: "JPEG",
}
TOOL_LIST_FIELDS = ("network", "community", "current_version", "published_version")


def _member(request, network_slug) -> perms.Viewer:
    viewer = viewer_in(request, network_slug)
    if not viewer.is_member:
        raise Http404
    return viewer


def _posted(request) -> tuple:
    """The form's data and files: bound on every POST, even an empty one."""
    if request.method == "POST":
        return request.POST, request.FILES
    return None, None


def _load(request, network_slug, pk):
    viewer = viewer_in(request, network_slug)
    return viewer, tool_for(viewer, pk)


def sign_in_when_hidden(view):
    """A signed-out person who may not see the tool is sent to sign in."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            if request.user.is_authenticated:
                raise
            return redirect_to_login(request.get_full_path())

    return wrapper


def _tool_url(tool, name="detail", **kwargs) -> str:
    return reverse(
        f"library:{name}",
        kwargs={"network": tool.network.slug, "pk": tool.pk, **kwargs},
    )


def _status_filter(request):
    form = StatusFilterForm(request.GET or None)
    return form, form.status()


def _tool_page(request, tools):
    tools = tools.select_related(*TOOL_LIST_FIELDS).order_by("-updated_at", "-pk")
    return Paginator(tools, PER_PAGE).get_page(request.GET.get("page"))


def _list_rows(tools, viewer) -> list[dict]:
    rows = []
    for tool in tools:
        if perms.sees_working_version(viewer, tool):
            version = tool.current_version or tool.published_version
        else:
            version = tool.published_version
        rows.append(
            {"tool": tool, "version": version, "tone": STATUS_TONES[tool.status]}
        )
    return rows


@login_required
@require_safe
def my_tools(request, network):
    viewer = _member(request, network)
    form, status = _status_filter(request)
    tools = Tool.objects.filter(pk__in=working_tools(viewer).values("pk"))
    if status:
        tools = tools.filter(status=status)
    page = _tool_page(request, tools)
    return render(
        request,
        "library/my_tools.html",
        {
            "network": viewer.network,
            "viewer": viewer,
            "filter_form": form,
            "page": page,
            "rows": _list_rows(page.object_list, viewer),
            "can_create": perms.can_create_tool(viewer),
            "query_string": filters_query_string(request),
        },
    )


@login_required
@require_safe
def community_tools(request, network, slug):
    access = community_for(request.user, network, slug)
    community = access.community
    viewer = perms.viewer_for(request.user, access.network)
    form, status = _status_filter(request)
    works_here = viewer.leads or viewer.in_community(community.pk)
    if works_here:
        tools = Tool.objects.filter(network=viewer.network, community=community)
    else:
        tools = readable_tools(viewer).filter(community=community)
    if status:
        tools = tools.filter(status=status)
    page = _tool_page(request, tools)
    return render(
        request,
        "library/community_tools.html",
        {
            "network": viewer.network,
            "viewer": viewer,
            "community": community,
            "filter_form": form,
            "page": page,
            "rows": _list_rows(page.object_list, viewer),
            "works_here": works_here,
            "can_create": perms.can_create_tool(viewer, community),
            "query_string": filters_query_string(request),
        },
    )


@login_required
def tool_create(request, network):
    viewer = _member(request, network)
    require(perms.can_create_tool(viewer))
    initial = {}
    wanted = request.GET.get("communaute", "")
    form = ToolForm(*_posted(request), viewer=viewer, initial=initial)
    for pk, community in form.communities.items():
        if community.slug == wanted:
            form.initial["community"] = pk
    if request.method == "POST" and form.is_valid():
        try:
            tool = services.create_tool(
                viewer=viewer,
                community=form.chosen_community(),
                file=form.cleaned_data.get("file"),
                **form.service_fields(),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "L'outil est enregistré. Les membres de sa communauté peuvent "
                    "maintenant le lire et le commenter."
                ),
            )
            return redirect(tool.get_absolute_url())
    return render(
        request,
        "library/tool_form.html",
        {
            "network": viewer.network,
            "viewer": viewer,
            "form": form,
            "heading": _("Nouvel outil"),
            "submit_label": _("Enregistrer l'outil"),
            "cancel_url": reverse("library:mine", kwargs={"network": network}),
        },
    )


def _initial(tool: Tool) -> dict:
    version = tool.current_version
    initial = {name: getattr(version, name, "") for name in CONTENT_FIELDS}
    initial.update(
        kind=tool.kind,
        themes=[theme.pk for theme in tool.themes.all()],
        audience_job_roles=list(tool.audience_job_roles or []),
        age_group=tool.age_group,
        language=tool.language,
        licence=tool.licence,
        lock_version=tool.lock_version,
    )
    return initial


def _labelled(version: ToolVersion) -> list[tuple[str, str, str]]:
    return [(name, LABELS[name], getattr(version, name)) for name in CONTENT_FIELDS]


@login_required
def tool_edit(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.can_edit_tool(viewer, tool))
    form = ToolForm(
        *_posted(request),
        viewer=viewer,
        tool=tool,
        initial=_initial(tool),
    )
    theirs = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_version(
                tool=tool,
                actor=request.user,
                expected_lock_version=form.cleaned_data.get("lock_version"),
                change_note=form.cleaned_data.get("change_note", ""),
                file=form.cleaned_data.get("file"),
                remove_file=form.cleaned_data.get("remove_file", False),
                **form.service_fields(),
            )
        except ValidationError as error:
            if getattr(error, "code", None) == CONFLICT:
                # What the other person saved, and a form that may now be saved
                # over it, since the person has seen it.
                tool = tool_for(viewer, pk)
                theirs = tool.current_version
                data = request.POST.copy()
                data["lock_version"] = str(tool.lock_version)
                form = ToolForm(data, viewer=viewer, tool=tool, initial=_initial(tool))
                form.is_valid()
            show_service_errors(form, error)
        else:
            messages.success(request, _("L'outil est enregistré."))
            return redirect(tool.get_absolute_url())
    return render(
        request,
        "library/tool_form.html",
        {
            "network": viewer.network,
            "viewer": viewer,
            "tool": tool,
            "form": form,
            "theirs": theirs,
            "content_fields": _labelled(theirs) if theirs else [],
            "heading": _("Modifier l'outil"),
            "submit_label": _("Enregistrer une nouvelle version"),
            "cancel_url": tool.get_absolute_url(),
        },
    )


@login_required
def co_authors(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.can_manage_co_authors(viewer, tool))
    candidates = services.co_author_candidates(tool)
    form = CoAuthorsForm(
        _posted(request)[0],
        candidates=candidates,
        initial={"co_authors": [person.pk for person in tool.co_authors.all()]},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_co_authors(
                tool=tool,
                actor=request.user,
                co_authors=list(form.cleaned_data["co_authors"]),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("Les coautrices et coauteurs sont enregistrés.")
            )
            return redirect(tool.get_absolute_url())
    return render(
        request,
        "library/co_authors.html",
        {"network": viewer.network, "viewer": viewer, "tool": tool, "form": form},
    )


@dataclass(frozen=True)
class StoredFile:
    """What ``download_response`` needs of a version's file."""

    file: object
    original_name: str
    content_type: str


def _download(tool: Tool, version: ToolVersion | None):
    if version is None or not version.file:
        raise Http404
    Tool.objects.filter(pk=tool.pk).update(download_count=F("download_count") + 1)
    return download_response(
        StoredFile(
            version.file,
            version.file_name or "fichier",
            version.file_type or "application/octet-stream",
        )
    )


def _shown_version(viewer, tool) -> ToolVersion | None:
    if perms.sees_working_version(viewer, tool):
        return tool.current_version
    return tool.published_version


@sign_in_when_hidden
@require_safe
def tool_detail(request, network, pk):
    """THE tool page: the version the person may read, and what they may do."""
    viewer, tool = _load(request, network, pk)
    version = _shown_version(viewer, tool)
    collaborator = perms.is_collaborator(viewer, tool)
    newer = (
        collaborator
        and tool.published_version_id is not None
        and tool.current_version_id != tool.published_version_id
    )
    context = {
        "network": viewer.network,
        "tool": tool,
        "version": version,
        "viewer": viewer,
        "status_tone": STATUS_TONES[tool.status],
        "is_collaborator": collaborator,
        "newer_working_version": newer,
        "can_edit": perms.can_edit_tool(viewer, tool),
        "can_manage_co_authors": perms.can_manage_co_authors(viewer, tool),
        "licence_url": LICENCE_URLS.get(tool.licence, ""),
        "audience": _audience(tool),
        "file_kind": FILE_KINDS.get(getattr(version, "file_type", ""), ""),
        "is_public": tool.is_readable() and tool.scope == ToolScope.PUBLIC,
    }
    if context["is_public"]:
        context["canonical_url"] = request.build_absolute_uri(tool.get_absolute_url())
        context["og_description"] = (
            version.description[:300] if version and version.description else ""
        )
    context.update(collaboration_views.detail_context(request, tool, viewer))
    return render(request, "library/tool_detail.html", context)


def _audience(tool: Tool) -> list[str]:
    chosen = set(tool.audience_job_roles or [])
    return [label for value, label in JobRole.choices if value in chosen]


@sign_in_when_hidden
@require_safe
def tool_file(request, network, pk):
    """The file of the version the person reads, always as a download."""
    viewer, tool = _load(request, network, pk)
    return _download(tool, _shown_version(viewer, tool))


@sign_in_when_hidden
@require_safe
def version_file(request, network, pk, number):
    viewer, tool = _load(request, network, pk)
    version = tool.versions.filter(number=number).first()
    if version is None or not perms.can_download_version(viewer, tool, version):
        raise Http404
    return _download(tool, version)


@login_required
@require_safe
def version_list(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.sees_working_version(viewer, tool))
    versions = list(
        tool.versions.select_related("created_by")
        .order_by("-number")
        .only(
            "pk",
            "tool_id",
            "number",
            "created_at",
            "change_note",
            "title",
            "file",
            "file_name",
            "file_size",
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
        "library/version_list.html",
        {"network": viewer.network, "viewer": viewer, "tool": tool, "rows": rows},
    )


WORDS = re.compile(r"\s+|[^\s]+")


def word_differences(before: str, after: str) -> list[tuple[str, str]]:
    """The text as (kind, words) pieces: kept, removed or added, word by word."""
    old, new = WORDS.findall(before or ""), WORDS.findall(after or "")
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    pieces: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(("kept", "".join(old[a1:a2])))
            continue
        removed, added = "".join(old[a1:a2]), "".join(new[b1:b2])
        if removed.strip():
            pieces.append(("removed", removed))
        if added.strip():
            pieces.append(("added", added))
        if not removed.strip() and not added.strip():
            pieces.append(("kept", added))
    return pieces


def field_differences(old: ToolVersion, new: ToolVersion) -> list[dict]:
    changes = []
    for name in CONTENT_FIELDS:
        before, after = getattr(old, name) or "", getattr(new, name) or ""
        if before != after:
            changes.append(
                {
                    "name": name,
                    "label": LABELS[name],
                    "pieces": word_differences(before, after),
                }
            )
    return changes


@login_required
@require_safe
def version_diff(request, network, pk, old, new):
    viewer, tool = _load(request, network, pk)
    require(perms.sees_working_version(viewer, tool))
    found = {v.number: v for v in tool.versions.filter(number__in=(old, new))}
    if old not in found or new not in found:
        raise Http404
    older, newer = found[old], found[new]
    return render(
        request,
        "library/version_diff.html",
        {
            "network": viewer.network,
            "viewer": viewer,
            "tool": tool,
            "old": older,
            "new": newer,
            "changes": field_differences(older, newer),
            "file_changed": older.file.name != newer.file.name,
        },
    )
