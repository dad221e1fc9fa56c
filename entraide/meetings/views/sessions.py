"""Session pages of a community.

Every view: the community through ``sessions_access`` (404 when missing or when the
person may not see its content), the session through ``session_for`` (404), the
permission (403), the form, one service, a redirect with a message. HTMX requests
to register get the registration box back instead of a redirect.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import (
    csv_response,
    require,
    show_service_errors,
    spreadsheet_cell,
)
from entraide.meetings import permissions as perms
from entraide.meetings import services
from entraide.meetings.forms import SessionForm
from entraide.meetings.ics import session_calendar
from entraide.meetings.models import RegistrationStatus
from entraide.meetings.selectors import (
    registrants_of,
    registration_of,
    session_for,
    sessions_access,
    sessions_of,
)
from entraide.meetings.views import agenda, calendars, records

SESSIONS_PER_PAGE = 20
REGISTRANTS_PER_PAGE = 50


def _base_context(access) -> dict:
    return {"community": access.community, "network": access.network}


def _list_url(access) -> str:
    return reverse(
        "meetings:list",
        kwargs={"network": access.network.slug, "community": access.community.slug},
    )


@login_required
def session_list(request, network, community):
    access = sessions_access(request.user, network, community)
    page = Paginator(sessions_of(access.community), SESSIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/session_list.html",
        {
            **_base_context(access),
            "page": page,
            "sessions": page.object_list,
            "can_manage": perms.can_manage_sessions(access),
        },
    )


@login_required
def session_create(request, network, community):
    access = sessions_access(request.user, network, community)
    require(perms.can_manage_sessions(access))
    form = SessionForm(request.POST or None, community=access.community, creating=True)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.create_session(
                community=access.community, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("La rencontre est planifiée."))
            return redirect(session.get_absolute_url())
    return render(
        request,
        "meetings/session_form.html",
        {
            **_base_context(access),
            "form": form,
            "heading": _("Nouvelle rencontre"),
            "submit_label": _("Planifier"),
            "cancel_url": _list_url(access),
        },
    )


def _registration_context(request, access, session) -> dict:
    return {
        **_base_context(access),
        "session": session,
        "registration": registration_of(session, request.user),
        "can_register": perms.can_register(access, session),
    }


@login_required
def session_detail(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    return render(
        request,
        "meetings/session_detail.html",
        {
            **_registration_context(request, access, session),
            **agenda.detail_context(request, access, session),
            **records.detail_context(request, access, session),
            **calendars.detail_context(request, access, session),
            "can_manage": perms.can_manage_sessions(access),
            "can_edit": perms.can_edit_session(access, session),
        },
    )


@login_required
def session_edit(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_edit_session(access, session))
    form = SessionForm(
        request.POST or None, community=access.community, instance=session
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_session(
                session=session, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("La rencontre est modifiée."))
            return redirect(session.get_absolute_url())
    return render(
        request,
        "meetings/session_form.html",
        {
            **_base_context(access),
            "session": session,
            "form": form,
            "heading": _("Modifier la rencontre"),
            "submit_label": _("Enregistrer"),
            "cancel_url": session.get_absolute_url(),
        },
    )


@login_required
def session_cancel(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_edit_session(access, session))
    if request.method == "POST":
        services.cancel_session(session=session, actor=request.user)
        messages.success(
            request,
            _("La rencontre est annulée. Les personnes inscrites sont avisées."),
        )
        return redirect(session.get_absolute_url())
    return render(
        request,
        "meetings/session_cancel.html",
        {**_base_context(access), "session": session},
    )


def _registration_response(request, access, session, message: str):
    if request.htmx:
        session = session_for(access, session.pk)
        return render(
            request,
            "meetings/_registration.html",
            {**_registration_context(request, access, session), "notice": message},
        )
    messages.success(request, message)
    return redirect(session.get_absolute_url())


@login_required
@require_POST
def session_register(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_register(access, session))
    try:
        registration = services.register(session=session, user=request.user)
    except ValidationError:
        raise PermissionDenied from None
    if registration.status == RegistrationStatus.WAITLISTED:
        message = _(
            "La rencontre est complète : vous êtes en liste d'attente. "
            "Vous serez avisé si une place se libère."
        )
    else:
        message = _("Vous êtes inscrit à cette rencontre.")
    return _registration_response(request, access, session, message)


@login_required
@require_POST
def session_unregister(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    services.cancel_registration(session=session, user=request.user)
    return _registration_response(
        request, access, session, _("Votre inscription est annulée.")
    )


@login_required
def registrant_list(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_manage_sessions(access))
    page = Paginator(registrants_of(session), REGISTRANTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "meetings/registrant_list.html",
        {**_base_context(access), "session": session, "page": page},
    )


@login_required
def registrant_csv(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_manage_sessions(access))
    response = csv_response(f"rencontre-{session.pk}-inscriptions.csv")
    writer = csv.writer(response)
    writer.writerow([_("Prénom"), _("Nom"), _("Courriel"), _("Statut"), _("Date")])
    for registration in registrants_of(session).iterator(chunk_size=500):
        user = registration.user
        writer.writerow(
            [
                spreadsheet_cell(user.first_name),
                spreadsheet_cell(user.last_name),
                spreadsheet_cell(user.email),
                spreadsheet_cell(registration.get_status_display()),
                registration.created_at.isoformat(timespec="minutes"),
            ]
        )
    return response


@login_required
def session_ics(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    response = HttpResponse(
        session_calendar(session), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="rencontre-{session.pk}.ics"'
    )
    return response
