"""Working together on a tool: comments, suggestions, steps, uses, links.

The tool page (part of authoring) shows this part's section through
``detail_context`` and ``library/_collaboration.html``; its small forms post here.
Each view goes the same way: the tool through ``tool_for`` (404 for a tool one may
not see), the predicate (403), the form, one service, a redirect to the tool with
a message. A refused form comes back on a page of its own with what was typed.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import require, show_service_errors
from entraide.library import permissions as perms
from entraide.library import selectors_links
from entraide.library.forms.collaboration import (
    LinksForm,
    PublishForm,
    ResolveForm,
    StepForm,
    ToolCommentForm,
    UseForm,
)
from entraide.library.models import (
    CommentKind,
    SuggestionStatus,
    ToolComment,
    ToolUse,
)
from entraide.library.selectors import tool_for, viewer_in
from entraide.library.services import collaboration as services
from entraide.library.services import workflow
from entraide.library.views import STATUS_TONES
from entraide.practices.search import search_filter

LATEST_USES = 5

# How each status looks: the colour goes with the words, never alone.


@dataclass(frozen=True)
class Step:
    name: str
    url_name: str
    allowed: Callable
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
            "validate",
            "library:validate",
            perms.can_validate,
            workflow.validate_tool,
            _("Valider l'outil"),
            _(
                "La communauté juge l'outil prêt. La chargée ou le chargé de projet "
                "pourra le publier; les coautrices et coauteurs en sont avisés."
            ),
            _("Valider"),
            _("L'outil est validé; les personnes concernées en sont avisées."),
        ),
        Step(
            "reopen",
            "library:reopen",
            perms.can_reopen,
            workflow.reopen_tool,
            _("Rouvrir la coconstruction"),
            _(
                "L'outil revient en coconstruction pour une nouvelle version. "
                "D'ici sa prochaine publication, les lectrices et lecteurs gardent "
                "la version publiée."
            ),
            _("Rouvrir"),
            _("L'outil est de nouveau en coconstruction."),
        ),
        Step(
            "archive",
            "library:archive",
            perms.can_archive,
            workflow.archive_tool,
            _("Archiver l'outil"),
            _(
                "L'outil n'est plus offert à la lecture; la communauté garde son "
                "historique et peut le restaurer."
            ),
            _("Archiver"),
            _("L'outil est archivé."),
            danger=True,
        ),
        Step(
            "restore",
            "library:restore",
            perms.can_restore,
            workflow.restore_tool,
            _("Restaurer l'outil"),
            _("L'outil revient à l'étape où il était avant d'être archivé."),
            _("Restaurer"),
            _("L'outil est restauré."),
        ),
    )
}


def _tool_url(tool, anchor: str = "") -> str:
    return tool.get_absolute_url() + (f"#{anchor}" if anchor else "")


def _url(name: str, tool, **extra) -> str:
    return reverse(name, kwargs={"network": tool.network.slug, "pk": tool.pk, **extra})


def _load(request, network, pk):
    viewer = viewer_in(request, network)
    return viewer, tool_for(viewer, pk)


def _base(viewer, tool) -> dict:
    return {
        "network": viewer.network,
        "tool": tool,
        "collab_status": tool.get_status_display(),
        "collab_tone": STATUS_TONES.get(tool.status, "progress"),
    }


def _comments(tool):
    return (
        ToolComment.objects.filter(tool=tool)
        .select_related("author", "version", "resolved_by")
        .order_by("created_at", "pk")
    )


def detail_context(request, tool, viewer) -> dict:
    """What the tool page needs from this part: the thread, the steps and their
    history, the uses and the links."""
    collaborator = perms.is_collaborator(viewer, tool)
    signed_in = viewer.is_signed_in
    context = {
        **_base(viewer, tool),
        "collab_is_collaborator": collaborator,
        "collab_can_comment": perms.can_comment(viewer, tool),
        "collab_can_resolve": perms.can_resolve_suggestion(viewer, tool),
        "collab_comment_form": ToolCommentForm(auto_id="collab-comment-%s"),
        "collab_comment_url": _url("library:comment", tool),
        "collab_actions": [
            {
                "step": step,
                "url": _url(step.url_name, tool),
                "form": StepForm(auto_id=f"collab-{step.name}-%s"),
            }
            for step in STEPS.values()
            if step.allowed(viewer, tool)
        ],
        "collab_publish_url": (
            _url("library:publish", tool) if perms.can_publish(viewer, tool) else ""
        ),
        "collab_use_count": tool.use_count,
        "collab_show_names": viewer.is_member,
        "collab_uses": list(
            ToolUse.objects.filter(tool=tool)
            .select_related("user")
            .order_by("-created_at", "-pk")[:LATEST_USES]
        ),
        "collab_can_report_use": perms.can_report_use(viewer, tool),
        "collab_use_url": _url("library:report_use", tool),
        "collab_practices": selectors_links.linked_practices(viewer, tool),
        "collab_links_url": (
            _url("library:links", tool) if perms.can_link(viewer, tool) else ""
        ),
    }
    if collaborator:
        context["collab_comments"] = list(_comments(tool))
        context["collab_history"] = list(
            tool.transitions.select_related("actor").order_by("created_at", "pk")
        )
        context["collab_agenda_items"] = selectors_links.linked_agenda_items(tool)
    my_use = None
    if signed_in and context["collab_can_report_use"]:
        my_use = ToolUse.objects.filter(tool=tool, user=viewer.user).first()
        context["collab_use_form"] = UseForm(
            initial={"comment": my_use.comment if my_use else ""},
            auto_id="collab-use-%s",
        )
    context["collab_my_use"] = my_use
    return context


@login_required
@require_POST
def comment(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.can_comment(viewer, tool))
    form = ToolCommentForm(request.POST)
    if form.is_valid():
        try:
            note = services.add_comment(
                tool=tool, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Votre suggestion est transmise aux coautrices et coauteurs.")
                if note.kind == CommentKind.SUGGESTION
                else _("Votre commentaire est publié."),
            )
            return redirect(_tool_url(tool, f"commentaire-{note.pk}"))
    return render(
        request,
        "library/collab_comment_form.html",
        {**_base(viewer, tool), "form": form},
    )


@login_required
@require_POST
def resolve_suggestion(request, network, pk, comment):
    viewer, tool = _load(request, network, pk)
    note = (
        ToolComment.objects.filter(tool=tool, pk=comment, kind=CommentKind.SUGGESTION)
        .select_related("author", "tool__network")
        .first()
    )
    if note is None:
        raise Http404
    require(perms.can_resolve_suggestion(viewer, tool))
    form = ResolveForm(request.POST)
    if form.is_valid():
        try:
            services.resolve_suggestion(
                comment=note, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("La suggestion est retenue; la personne qui l'a faite en est avisée.")
                if note.suggestion_status == SuggestionStatus.ACCEPTED
                else _(
                    "La suggestion est écartée; la personne qui l'a faite en est "
                    "avisée."
                ),
            )
        return redirect(_tool_url(tool, f"commentaire-{note.pk}"))
    messages.error(request, " ".join(form.errors["outcome"]))
    return redirect(_tool_url(tool, f"commentaire-{note.pk}"))


def _transition(request, network, pk, name):
    step = STEPS[name]
    viewer, tool = _load(request, network, pk)
    require(step.allowed(viewer, tool))
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            step.service(tool=tool, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, step.done)
            return redirect(_tool_url(tool, "etapes"))
    return render(
        request,
        "library/transition_form.html",
        {**_base(viewer, tool), "step": step, "form": form},
    )


@login_required
@require_POST
def validate(request, network, pk):
    return _transition(request, network, pk, "validate")


@login_required
@require_POST
def reopen(request, network, pk):
    return _transition(request, network, pk, "reopen")


@login_required
@require_POST
def archive(request, network, pk):
    return _transition(request, network, pk, "archive")


@login_required
@require_POST
def restore(request, network, pk):
    return _transition(request, network, pk, "restore")


@login_required
def publish(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.can_publish(viewer, tool))
    form = PublishForm(request.POST or None, initial={"scope": tool.scope or "network"})
    if request.method == "POST" and form.is_valid():
        try:
            workflow.publish_tool(tool=tool, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("L'outil est publié; ses coautrices et coauteurs en sont avisés."),
            )
            return redirect(_tool_url(tool))
    return render(
        request, "library/publish_form.html", {**_base(viewer, tool), "form": form}
    )


@login_required
@require_POST
def report_use(request, network, pk):
    """Report (or update) one's use of the tool, or take it back."""
    viewer, tool = _load(request, network, pk)
    require(perms.can_report_use(viewer, tool))
    if request.POST.get("remove"):
        if services.remove_use(tool=tool, actor=request.user):
            messages.success(request, _("Votre utilisation est retirée."))
        return redirect(_tool_url(tool, "utilisations"))
    form = UseForm(request.POST)
    if form.is_valid():
        try:
            services.report_use(tool=tool, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request, _("Merci! Votre utilisation de l'outil est notée.")
            )
            return redirect(_tool_url(tool, "utilisations"))
    return render(
        request, "library/collab_use_form.html", {**_base(viewer, tool), "form": form}
    )


def _links_form(request, viewer, tool, query: str):
    practices = selectors_links.linkable_practices(viewer)
    items = selectors_links.linkable_agenda_items(tool)
    linked_practices = list(practices.filter(tools=tool).order_by("pk"))
    linked_items = list(items.filter(tools=tool).order_by("pk"))
    offered = practices.exclude(pk__in=[p.pk for p in linked_practices])
    if query:
        offered = offered.filter(search_filter(query))
    offered = offered.order_by("published_version__title", "pk")[
        : selectors_links.PRACTICE_CHOICES_MAX
    ]
    offered_items = items.exclude(pk__in=[i.pk for i in linked_items]).order_by(
        "-session__starts_at", "position", "pk"
    )[: selectors_links.AGENDA_CHOICES_MAX]
    practice_choices = [
        (sheet.pk, sheet.published_version.title)
        for sheet in [*linked_practices, *offered]
    ]
    agenda_choices = [
        (item.pk, f"{item.session.title} — {item.title}")
        for item in [*linked_items, *offered_items]
    ]
    return LinksForm(
        request.POST if request.method == "POST" else None,
        initial={"practices": linked_practices, "agenda_items": linked_items},
        practices=practices,
        agenda_items=items,
        practice_choices=practice_choices,
        agenda_choices=agenda_choices,
    )


@login_required
def links(request, network, pk):
    viewer, tool = _load(request, network, pk)
    require(perms.can_link(viewer, tool))
    query = (request.GET.get("q") or "")[:200].replace("\x00", "")
    form = _links_form(request, viewer, tool, query)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_links(
                tool=tool,
                viewer=viewer,
                practices=[sheet.pk for sheet in form.cleaned_data["practices"]],
                agenda_items=[
                    item.pk for item in form.cleaned_data.get("agenda_items", [])
                ],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Les liens de l'outil sont enregistrés."))
            return redirect(_tool_url(tool, "liens"))
    return render(
        request,
        "library/links_form.html",
        {**_base(viewer, tool), "form": form, "query": query},
    )
