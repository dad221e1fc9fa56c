"""Agenda pages of a session: points, members' proposals, documents.

Same order as every session view: the community (404), the session (404), the
point through a selector that shows it only to those who may see it (404), the
permission (403), the form, one service, a redirect with a message. Moving,
accepting and deleting answer HTMX requests with the agenda list alone; without
JavaScript the same forms post and redirect back to the session page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import require, show_service_errors
from entraide.core.uploads import download_response
from entraide.meetings import permissions as perms
from entraide.meetings.forms.agenda import (
    AgendaDocumentForm,
    AgendaItemForm,
    DeclineForm,
)
from entraide.meetings.models import AgendaStatus
from entraide.meetings.selectors import session_for, sessions_access
from entraide.meetings.selectors_agenda import (
    accepted_items,
    agenda_document_for,
    agenda_item_for,
    own_proposals,
    proposals_of,
    total_minutes,
)
from entraide.meetings.services import agenda as services


def detail_context(request, access, session) -> dict:
    """What the session page (and the agenda list swapped by HTMX) needs."""
    can_manage = perms.can_manage_agenda(access, session)
    can_propose = perms.can_propose_agenda_item(access, session)
    items = list(accepted_items(session))
    total = total_minutes(items)
    proposals, declined, mine = [], [], []
    if can_manage:
        for item in proposals_of(session):
            (declined if item.status == AgendaStatus.DECLINED else proposals).append(
                item
            )
    else:
        mine = list(own_proposals(session, request.user))
    return {
        "agenda_items": items,
        "agenda_total": total,
        "agenda_over": total > session.duration_minutes,
        "agenda_proposals": proposals,
        "agenda_declined": declined,
        "my_agenda_proposals": mine,
        "can_manage_agenda": can_manage,
        "can_propose_agenda_item": can_propose,
        "agenda_form": (
            AgendaItemForm(community=access.community, auto_id="propose-%s")
            if can_propose and not can_manage
            else None
        ),
    }


def _load(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    return access, session_for(access, pk)


def _item(request, access, session, item_pk):
    return agenda_item_for(access, session, request.user, item_pk)


def _agenda_url(session) -> str:
    return f"{session.get_absolute_url()}#agenda"


def _base(access, session) -> dict:
    return {
        "community": access.community,
        "network": access.network,
        "session": session,
    }


def _agenda_response(request, access, session, message: str, *, error=False):
    """The agenda list for HTMX, else the session page with the message."""
    if request.htmx:
        return render(
            request,
            "meetings/agenda_list.html",
            {
                **_base(access, session),
                **detail_context(request, access, session),
                "agenda_notice": message,
                "agenda_notice_is_error": error,
            },
        )
    (messages.error if error else messages.success)(request, message)
    return redirect(_agenda_url(session))


def _item_form_page(request, access, session, form, *, heading, submit_label):
    return render(
        request,
        "meetings/agenda_item_form.html",
        {
            **_base(access, session),
            "form": form,
            "heading": heading,
            "submit_label": submit_label,
            "cancel_url": _agenda_url(session),
        },
    )


@login_required
def item_add(request, network, community, pk):
    access, session = _load(request, network, community, pk)
    require(perms.can_manage_agenda(access, session))
    form = AgendaItemForm(request.POST or None, community=access.community)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_item(session=session, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le point est ajouté à l'ordre du jour."))
            return redirect(_agenda_url(session))
    return _item_form_page(
        request,
        access,
        session,
        form,
        heading=_("Ajouter un point à l'ordre du jour"),
        submit_label=_("Ajouter"),
    )


@login_required
def item_propose(request, network, community, pk):
    access, session = _load(request, network, community, pk)
    require(perms.can_propose_agenda_item(access, session))
    form = AgendaItemForm(request.POST or None, community=access.community)
    if request.method == "POST" and form.is_valid():
        try:
            services.propose_item(
                session=session, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Votre proposition est transmise à l'animation, qui décidera "
                    "de l'inscrire à l'ordre du jour."
                ),
            )
            return redirect(_agenda_url(session))
    return _item_form_page(
        request,
        access,
        session,
        form,
        heading=_("Proposer un point"),
        submit_label=_("Proposer"),
    )


@login_required
def item_edit(request, network, community, pk, item):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    form = AgendaItemForm(
        request.POST or None, community=access.community, instance=item
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_item(item=item, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le point est modifié."))
            return redirect(_agenda_url(session))
    return _item_form_page(
        request,
        access,
        session,
        form,
        heading=_("Modifier le point"),
        submit_label=_("Enregistrer"),
    )


@login_required
def item_delete(request, network, community, pk, item):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    if request.method == "POST":
        services.delete_item(item=item, actor=request.user)
        return _agenda_response(
            request, access, session, _("Le point est retiré de l'ordre du jour.")
        )
    return render(
        request,
        "meetings/agenda_item_delete.html",
        {
            **_base(access, session),
            "item": item,
            "document_count": item.documents.count(),
            "cancel_url": _agenda_url(session),
        },
    )


def _move(request, network, community, pk, item, direction):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    try:
        services.move_item(item=item, direction=direction)
    except ValidationError as error:
        return _agenda_response(request, access, session, error.messages[0], error=True)
    return _agenda_response(
        request,
        access,
        session,
        _("« %(title)s » est maintenant le point %(position)s.")
        % {"title": item.title, "position": item.position},
    )


@login_required
@require_POST
def item_up(request, network, community, pk, item):
    return _move(request, network, community, pk, item, services.UP)


@login_required
@require_POST
def item_down(request, network, community, pk, item):
    return _move(request, network, community, pk, item, services.DOWN)


@login_required
@require_POST
def item_accept(request, network, community, pk, item):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    try:
        services.accept_item(item=item, actor=request.user)
    except ValidationError as error:
        return _agenda_response(request, access, session, error.messages[0], error=True)
    return _agenda_response(
        request,
        access,
        session,
        _("« %(title)s » est ajouté à l'ordre du jour.") % {"title": item.title},
    )


@login_required
def item_decline(request, network, community, pk, item):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.decline_item(
                item=item, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("La proposition n'est pas retenue. La personne en est avisée."),
            )
            return redirect(_agenda_url(session))
    return render(
        request,
        "meetings/agenda_item_decline.html",
        {
            **_base(access, session),
            "item": item,
            "form": form,
            "cancel_url": _agenda_url(session),
        },
    )


def _documents_url(session, item) -> str:
    return reverse(
        "meetings:agenda_documents",
        kwargs={
            "network": session.community.network.slug,
            "community": session.community.slug,
            "pk": session.pk,
            "item": item.pk,
        },
    )


@login_required
def document_upload(request, network, community, pk, item):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    require(perms.can_manage_agenda(access, session))
    form = AgendaDocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.attach_document(
                item=item, actor=request.user, uploaded=form.cleaned_data["file"]
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("« %(name)s » est joint au point.")
                % {"name": document.original_name},
            )
            return redirect(_documents_url(session, item))
    return render(
        request,
        "meetings/agenda_documents.html",
        {
            **_base(access, session),
            "item": item,
            "documents": list(item.documents.order_by("created_at", "pk")),
            "form": form,
            "cancel_url": _agenda_url(session),
        },
    )


@login_required
def document_download(request, network, community, pk, item, document):
    """The file, after the permission check, always as a download."""
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    document = agenda_document_for(item, document)
    return download_response(document)


@login_required
@require_POST
def document_remove(request, network, community, pk, item, document):
    access, session = _load(request, network, community, pk)
    item = _item(request, access, session, item)
    document = agenda_document_for(item, document)
    require(perms.can_manage_agenda(access, session))
    services.remove_document(document=document, actor=request.user)
    messages.success(
        request,
        _("« %(name)s » est retiré du point.") % {"name": document.original_name},
    )
    return redirect(_documents_url(session, item))
