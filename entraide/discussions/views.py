"""Discussion pages of a community.

Every view: the community through ``discussions_for`` (404 when missing or when the
person may not read its content), the object through a selector of this community
(404), the permission (403), the form, one service, a redirect with a message.
HTMX requests get the changed fragment instead of a redirect.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import filters_query_string, require, show_service_errors
from entraide.core.uploads import download_response
from entraide.discussions import permissions as perms
from entraide.discussions import services
from entraide.discussions.forms import (
    ReasonForm,
    ReplyForm,
    ResolveForm,
    ThreadFilterForm,
    ThreadForm,
)
from entraide.discussions.models import Report, ReportStatus
from entraide.discussions.selectors import (
    attachment_for,
    discussions_for,
    is_following,
    open_reports,
    replies_of,
    reply_for,
    thread_for,
    threads_for,
)

THREADS_PER_PAGE = 20
REPLIES_PER_PAGE = 30
REPORTS_PER_PAGE = 30


def _base_context(access) -> dict:
    return {"community": access.community, "network": access.network}


def _list_url(access) -> str:
    return reverse(
        "discussions:list",
        kwargs={"network": access.network.slug, "community": access.community.slug},
    )


# --- Lists and pages --------------------------------------------------------------


@login_required
def thread_list(request, network, community):
    access = discussions_for(request.user, network, community)
    filters = ThreadFilterForm(request.GET or None)
    options = filters.cleaned_data if filters.is_valid() else {}
    threads = threads_for(
        access,
        request.user,
        kind=options.get("kind", ""),
        followed=options.get("followed", False),
        unanswered=options.get("unanswered", False),
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "discussions/thread_list.html",
        {
            **_base_context(access),
            "filters": filters,
            "page": page,
            "threads": page.object_list,
            "query_string": filters_query_string(request),
            "can_start_thread": perms.can_start_thread(access),
            "can_moderate": perms.can_moderate(access),
        },
    )


@login_required
def thread_create(request, network, community):
    access = discussions_for(request.user, network, community)
    require(perms.can_start_thread(access))
    allow_announcement = perms.can_post_announcement(access)
    form = ThreadForm(
        request.POST or None,
        request.FILES or None,
        allow_announcement=allow_announcement,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            thread = services.start_thread(
                community=access.community,
                author=request.user,
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                files=data["attachments"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Votre sujet est publié."))
            return redirect(thread.get_absolute_url())
    return render(
        request,
        "discussions/post_form.html",
        {
            **_base_context(access),
            "form": form,
            "heading": _("Nouveau sujet"),
            "submit_label": _("Publier"),
            "cancel_url": _list_url(access),
            "multipart": True,
        },
    )


def _thread_page_context(request, access, thread, *, reply_form=None) -> dict:
    user = request.user
    page = Paginator(replies_of(thread, user), REPLIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    replies = list(page.object_list)
    for reply in replies:
        reply.thread = thread
        _reply_flags(access, user, reply)
    can_reply = perms.can_reply(access, thread)
    return {
        **_base_context(access),
        **_thread_flags(access, user, thread),
        "page": page,
        "replies": replies,
        "reply_form": reply_form or (ReplyForm() if can_reply else None),
    }


def _thread_flags(access, user, thread) -> dict:
    return {
        "thread": thread,
        "is_moderator": perms.can_moderate(access),
        "can_reply": perms.can_reply(access, thread),
        "can_edit_thread": perms.can_edit_post(access, user, thread),
        "can_delete_thread": perms.can_delete_post(access, user, thread),
        "can_report_thread": perms.can_report(access, user, thread),
        "can_follow": perms.can_follow(access),
        "is_following": is_following(thread, user),
    }


def _reply_flags(access, user, reply) -> None:
    """Booleans the reply's template needs, set without any query."""
    reply.can_edit = perms.can_edit_post(access, user, reply)
    reply.can_delete = perms.can_delete_post(access, user, reply)
    reply.can_mark = perms.can_mark_helpful(access, user, reply)
    reply.can_report = perms.can_report(access, user, reply)
    reply.can_moderate = perms.can_moderate(access)


@login_required
def thread_detail(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    return render(
        request,
        "discussions/thread_detail.html",
        _thread_page_context(request, access, thread),
    )


@login_required
def reply_create(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    require(perms.can_reply(access, thread))
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            reply = services.post_reply(
                thread=thread,
                author=request.user,
                body=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if request.htmx:
                reply = reply_for(access, thread, reply.pk)
                reply.marked_helpful = False
                _reply_flags(access, request.user, reply)
                return render(
                    request,
                    "discussions/_reply_created.html",
                    {
                        **_base_context(access),
                        "thread": thread,
                        "reply": reply,
                        "reply_form": ReplyForm(),
                        "can_reply": True,
                    },
                )
            messages.success(request, _("Votre réponse est publiée."))
            return redirect(reply.get_absolute_url())
    if request.htmx:
        return render(
            request,
            "discussions/_reply_form.html",
            {**_base_context(access), "thread": thread, "reply_form": form},
        )
    return render(
        request,
        "discussions/reply_form.html",
        {**_base_context(access), "thread": thread, "reply_form": form},
    )


# --- Editing and deleting one's own posts -----------------------------------------


def _post_of(access, thread, reply_pk):
    return reply_for(access, thread, reply_pk) if reply_pk else thread


@login_required
def post_edit(request, network, community, pk, reply_pk=None):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    post = _post_of(access, thread, reply_pk)
    require(perms.can_edit_post(access, request.user, post))
    if reply_pk:
        form = ReplyForm(
            request.POST or None, initial={"body": post.body}, with_files=False
        )
    else:
        form = ThreadForm(
            request.POST or None,
            initial={"kind": thread.kind, "title": thread.title, "body": thread.body},
            allow_announcement=perms.can_post_announcement(access)
            or thread.kind == "announcement",
            with_files=False,
        )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if reply_pk:
                services.edit_reply(reply=post, actor=request.user, body=data["body"])
            else:
                services.edit_thread(
                    thread=thread,
                    actor=request.user,
                    kind=data["kind"],
                    title=data["title"],
                    body=data["body"],
                )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Votre message est modifié."))
            return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/post_form.html",
        {
            **_base_context(access),
            "thread": thread,
            "form": form,
            "heading": _("Modifier la réponse") if reply_pk else _("Modifier le sujet"),
            "submit_label": _("Enregistrer"),
            "cancel_url": post.get_absolute_url(),
        },
    )


@login_required
def post_delete(request, network, community, pk, reply_pk=None):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    post = _post_of(access, thread, reply_pk)
    require(perms.can_delete_post(access, request.user, post))
    if request.method == "POST":
        services.delete_post(post=post, actor=request.user)
        messages.success(request, _("Votre message est supprimé."))
        return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/post_confirm.html",
        {
            **_base_context(access),
            "thread": thread,
            "post": post,
            "heading": _("Supprimer ce message?"),
            "explanation": _(
                "Le message sera remplacé par « Message supprimé ». "
                "Les réponses des autres restent en place."
            ),
            "submit_label": _("Supprimer"),
            "danger": True,
        },
    )


# --- Helpful marks and following --------------------------------------------------


@login_required
@require_POST
def reply_helpful(request, network, community, pk, reply_pk):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    reply = reply_for(access, thread, reply_pk)
    require(perms.can_mark_helpful(access, request.user, reply))
    reply.marked_helpful = services.toggle_helpful(reply=reply, user=request.user)
    if request.htmx:
        reply.can_mark = True
        return render(
            request,
            "discussions/_helpful.html",
            {**_base_context(access), "thread": thread, "reply": reply},
        )
    messages.success(
        request,
        _("Merci, c'est noté.")
        if reply.marked_helpful
        else _("Votre mention « m'a aidé » est retirée."),
    )
    return redirect(reply.get_absolute_url())


@login_required
@require_POST
def thread_follow(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    require(perms.can_follow(access))
    following = services.set_following(
        thread=thread, user=request.user, follow=request.POST.get("follow") == "1"
    )
    if request.htmx:
        return render(
            request,
            "discussions/_follow.html",
            {
                **_base_context(access),
                "thread": thread,
                "is_following": following,
                "can_follow": True,
            },
        )
    messages.success(
        request,
        _("Vous suivez ce sujet : vous serez avisé des nouvelles réponses.")
        if following
        else _("Vous ne suivez plus ce sujet."),
    )
    return redirect(thread.get_absolute_url())


# --- Reports ----------------------------------------------------------------------


@login_required
def post_report(request, network, community, pk, reply_pk=None):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    post = _post_of(access, thread, reply_pk)
    require(perms.can_report(access, request.user, post))
    form = ReasonForm(request.POST or None)
    form.fields["reason"].help_text = _(
        "Seules les personnes qui animent la communauté verront votre signalement."
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_post(
                post=post, reporter=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Merci. L'animation de la communauté examinera ce message."),
            )
            return redirect(post.get_absolute_url())
    return render(
        request,
        "discussions/post_confirm.html",
        {
            **_base_context(access),
            "thread": thread,
            "post": post,
            "form": form,
            "heading": _("Signaler ce message à l'animation"),
            "submit_label": _("Signaler"),
        },
    )


@login_required
def report_list(request, network, community):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    page = Paginator(open_reports(access.community), REPORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "discussions/report_list.html",
        {
            **_base_context(access),
            "page": page,
            "reports": page.object_list,
            "resolve_form": ResolveForm(),
        },
    )


@login_required
@require_POST
def report_resolve(request, network, community, report_pk):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    report = (
        Report.objects.filter(
            community=access.community, pk=report_pk, status=ReportStatus.OPEN
        )
        .select_related("thread__community__network", "reply", "reporter")
        .first()
    )
    if report is None:
        raise Http404
    form = ResolveForm(request.POST)
    if form.is_valid():
        services.resolve_report(
            report=report,
            actor=request.user,
            resolution=form.cleaned_data["resolution"],
        )
        messages.success(request, _("Le signalement est traité."))
    else:
        messages.error(request, _("La suite donnée ne peut dépasser 1 000 caractères."))
    return redirect(
        "discussions:reports", network=access.network.slug, community=community
    )


# --- Moderation -------------------------------------------------------------------


def _moderated_fragment(request, access, thread, post):
    """After a moderation action: the changed post, or a redirect without HTMX."""
    if not request.htmx:
        return redirect(post.get_absolute_url())
    if post is thread:
        thread = thread_for(access, thread.pk)
        return render(
            request,
            "discussions/_thread_main.html",
            {
                **_base_context(access),
                **_thread_flags(access, request.user, thread),
            },
        )
    reply = replies_of(thread, request.user).get(pk=post.pk)
    reply.thread = thread
    _reply_flags(access, request.user, reply)
    return render(
        request,
        "discussions/_reply.html",
        {**_base_context(access), "thread": thread, "reply": reply},
    )


def _hide_form_id(post) -> str:
    return (
        f"masquer-reponse-{post.pk}" if hasattr(post, "thread_id") else "masquer-sujet"
    )


@login_required
def post_hide(request, network, community, pk, reply_pk=None):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    thread = thread_for(access, pk)
    post = _post_of(access, thread, reply_pk)
    form = ReasonForm(request.POST or None)
    form.fields["reason"].help_text = _(
        "La personne qui a écrit le message sera avisée du masquage."
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.hide_post(
                post=post, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Le message est masqué."))
            return _moderated_fragment(request, access, thread, post)
    if request.method == "POST" and request.htmx and reply_pk:
        form_id = _hide_form_id(post)
        response = render(
            request,
            "discussions/_hide_form.html",
            {
                **_base_context(access),
                "thread": thread,
                "post": post,
                "hide_form": form,
                "form_id": form_id,
            },
        )
        response["HX-Retarget"] = f"#{form_id}"
        response["HX-Reswap"] = "outerHTML"
        return response
    return render(
        request,
        "discussions/post_confirm.html",
        {
            **_base_context(access),
            "thread": thread,
            "post": post,
            "form": form,
            "heading": _("Masquer ce message"),
            "explanation": _(
                "Le message ne sera plus visible des membres; l'animation le voit "
                "toujours et peut le rendre visible de nouveau."
            ),
            "submit_label": _("Masquer"),
            "danger": True,
        },
    )


@login_required
@require_POST
def post_unhide(request, network, community, pk, reply_pk=None):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    thread = thread_for(access, pk)
    post = _post_of(access, thread, reply_pk)
    services.unhide_post(post=post, actor=request.user)
    if not request.htmx:
        messages.success(request, _("Le message est de nouveau visible."))
    return _moderated_fragment(request, access, thread, post)


@login_required
@require_POST
def thread_lock(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    thread = thread_for(access, pk)
    locked = request.POST.get("locked") == "1"
    services.set_locked(thread=thread, actor=request.user, locked=locked)
    if not request.htmx:
        messages.success(
            request,
            _("Le sujet est verrouillé.")
            if locked
            else _("Le sujet est déverrouillé."),
        )
    return _moderated_fragment(request, access, thread, thread)


@login_required
@require_POST
def thread_pin(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    require(perms.can_moderate(access))
    thread = thread_for(access, pk)
    pinned = request.POST.get("pinned") == "1"
    services.set_pinned(thread=thread, actor=request.user, pinned=pinned)
    if not request.htmx:
        messages.success(
            request,
            _("Le sujet est épinglé.") if pinned else _("Le sujet n'est plus épinglé."),
        )
    return _moderated_fragment(request, access, thread, thread)


# --- Files ------------------------------------------------------------------------


@login_required
def attachment_download(request, network, community, attachment_pk):
    """The file, after the permission check, always as a download."""
    access = discussions_for(request.user, network, community)
    attachment = attachment_for(access, attachment_pk)
    return download_response(attachment)
