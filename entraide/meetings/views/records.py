"""What a session leaves behind: attendance sheet, minutes and decisions, follow-ups.

Each view: the community through ``sessions_access`` (404), the session through
``session_for`` (404), the permission (403), the form, one service, a redirect with
a message. The follow-up status form also answers HTMX with its list item.
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import (
    csv_response,
    require,
    show_service_errors,
    spreadsheet_cell,
)
from entraide.meetings import permissions as perms
from entraide.meetings.forms.records import (
    AttendanceForm,
    FollowUpForm,
    FollowUpStatusForm,
    MinutesForm,
)
from entraide.meetings.models import AttendanceStatus, FollowUpStatus
from entraide.meetings.selectors import session_for, sessions_access
from entraide.meetings.selectors_records import (
    attendance_counts,
    attendance_sheet,
    carried_follow_ups,
    community_people,
    decisions_of,
    follow_up_for,
    follow_ups_of,
    minutes_version,
)
from entraide.meetings.services import records as services


def _base(access, session) -> dict:
    return {
        "community": access.community,
        "network": access.network,
        "session": session,
    }


def _url(name: str, session, **extra) -> str:
    return reverse(
        f"meetings:{name}",
        kwargs={
            "network": session.community.network.slug,
            "community": session.community.slug,
            "pk": session.pk,
            **extra,
        },
    )


def _with_permission(access, follow_ups) -> list:
    follow_ups = list(follow_ups)
    can_manage = perms.can_manage_sessions(access)
    for follow_up in follow_ups:
        follow_up.can_update = perms.can_update_follow_up(access, follow_up)
        follow_up.can_edit = can_manage
    return follow_ups


def detail_context(request, access, session) -> dict:
    """What ``_records.html`` and ``_carried_follow_ups.html`` need."""
    can_manage = perms.can_manage_sessions(access)
    can_view_minutes = perms.can_view_minutes(access, session)
    return {
        "can_take_attendance": perms.can_take_attendance(access, session),
        "can_write_minutes": perms.can_write_minutes(access, session),
        "can_view_minutes": can_view_minutes,
        "attendance_counts": attendance_counts(session) if can_manage else None,
        "decisions": list(decisions_of(session)) if can_view_minutes else [],
        "follow_ups": _with_permission(access, follow_ups_of(session)),
        "carried_follow_ups": _with_permission(access, carried_follow_ups(session)),
        "follow_up_statuses": FollowUpStatus.choices,
        "records_next": request.get_full_path(),
    }


@login_required
def attendance_sheet_view(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_take_attendance(access, session))
    form = AttendanceForm(request.POST or None, people=attendance_sheet(session))
    if request.method == "POST" and form.is_valid():
        everyone = "everyone_present" in request.POST
        try:
            services.record_attendance(
                session=session,
                actor=request.user,
                statuses=form.statuses(everyone_present=everyone),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if everyone:
                messages.success(
                    request,
                    _(
                        "Tout le monde est noté présent. Corrigez les absences "
                        "au besoin."
                    ),
                )
                return redirect(_url("attendance", session))
            messages.success(request, _("Les présences sont enregistrées."))
            return redirect(f"{session.get_absolute_url()}#compte-rendu")
    return render(
        request,
        "meetings/attendance_sheet.html",
        {**_base(access, session), "form": form},
    )


@login_required
def attendance_csv(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_manage_sessions(access))
    response = csv_response(f"rencontre-{session.pk}-presences.csv")
    writer = csv.writer(response)
    writer.writerow(
        [_("Prénom"), _("Nom"), _("Courriel"), _("Inscription"), _("Présence")]
    )
    labels = dict(AttendanceStatus.choices)
    for person in attendance_sheet(session).iterator(chunk_size=500):
        writer.writerow(
            [
                spreadsheet_cell(person.first_name),
                spreadsheet_cell(person.last_name),
                spreadsheet_cell(person.email),
                _("Inscrite ou inscrit") if person.is_registered else "",
                str(labels.get(person.attendance, "")),
            ]
        )
    return response


@login_required
def minutes_edit(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_write_minutes(access, session))
    decisions = list(decisions_of(session))
    version = minutes_version(session, decisions)
    form = MinutesForm(
        request.POST or None,
        initial={
            "minutes": session.minutes,
            "decisions": "\n".join(d.text for d in decisions),
            "version": version,
        },
    )
    conflict = False
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minutes(
                session=session,
                actor=request.user,
                minutes=form.cleaned_data["minutes"],
                decisions=form.cleaned_data["decisions"],
                expected_version=form.cleaned_data["version"] or None,
            )
        except ValidationError as error:
            show_service_errors(form, error)
            conflict = not hasattr(error, "error_dict") and any(
                e.code == "conflict" for e in error.error_list
            )
        else:
            if session.minutes_published_at:
                message = _(
                    "Le compte rendu est enregistré. Il est déjà publié : les "
                    "membres voient cette version."
                )
            else:
                message = _(
                    "Le compte rendu est enregistré. Il reste un brouillon tant "
                    "qu'il n'est pas publié."
                )
            messages.success(request, message)
            return redirect(f"{session.get_absolute_url()}#compte-rendu")
    if conflict:
        # A second save, made knowingly, keeps this person's text.
        data = form.data.copy()
        data["version"] = version
        form.data = data
    return render(
        request,
        "meetings/minutes_form.html",
        {
            **_base(access, session),
            "form": form,
            "conflict": conflict,
            "saved_decisions": decisions,
        },
    )


@login_required
@require_POST
def minutes_publish(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_write_minutes(access, session))
    try:
        first = services.publish_minutes(session=session, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_url("minutes", session))
    if first:
        messages.success(
            request,
            _("Le compte rendu est publié. Les membres de la communauté sont avisés."),
        )
    else:
        messages.success(
            request,
            _(
                "Le compte rendu publié est mis à jour. Les membres, déjà avisés, "
                "ne reçoivent pas de nouvel avis."
            ),
        )
    return redirect(f"{session.get_absolute_url()}#compte-rendu")


@login_required
def follow_up_create(request, network, community, pk):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    require(perms.can_write_minutes(access, session))
    form = FollowUpForm(request.POST or None, people=community_people(access.community))
    if request.method == "POST" and form.is_valid():
        try:
            services.add_follow_up(
                session=session,
                actor=request.user,
                description=form.cleaned_data["description"],
                assignee=form.cleaned_data["assignee"],
                due_on=form.cleaned_data["due_on"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le suivi est ajouté."))
            if "another" in request.POST:
                return redirect(_url("follow_up_create", session))
            return redirect(f"{session.get_absolute_url()}#suivis")
    return render(
        request,
        "meetings/follow_up_form.html",
        {
            **_base(access, session),
            "form": form,
            "heading": _("Nouveau suivi"),
            "creating": True,
        },
    )


def _next_url(request, session) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return f"{session.get_absolute_url()}#suivis"


@login_required
def follow_up_edit(request, network, community, pk, follow_up):
    access = sessions_access(request.user, network, community)
    session = session_for(access, pk)
    follow_up = follow_up_for(session, follow_up)
    require(perms.can_update_follow_up(access, follow_up))
    follow_up.session = session
    full = perms.can_write_minutes(access, session) and "quick" not in request.POST
    if full:
        form = FollowUpForm(
            request.POST or None,
            instance=follow_up,
            people=community_people(access.community),
        )
    else:
        form = FollowUpStatusForm(
            request.POST or None, initial={"status": follow_up.status}
        )
    if request.method == "POST" and form.is_valid():
        fields = dict(form.cleaned_data) if full else {}
        try:
            services.update_follow_up(
                follow_up=follow_up,
                actor=request.user,
                status=form.cleaned_data["status"],
                **{k: v for k, v in fields.items() if k != "status"},
            )
        except ValidationError as error:
            follow_up.refresh_from_db()
            follow_up.session = session
            show_service_errors(form, error)
        else:
            message = _("Le suivi est mis à jour.")
            if request.htmx:
                return _follow_up_item(request, access, follow_up, notice=message)
            messages.success(request, message)
            return redirect(_next_url(request, session))
    if request.htmx and request.method == "POST":
        return _follow_up_item(request, access, follow_up, form=form)
    return render(
        request,
        "meetings/follow_up_form.html",
        {
            **_base(access, session),
            "form": form,
            "follow_up": follow_up,
            "heading": _("Modifier le suivi"),
            "next": _next_url(request, session),
            "quick": not full,
        },
    )


def _follow_up_item(request, access, follow_up, *, notice="", form=None):
    _with_permission(access, [follow_up])
    return render(
        request,
        "meetings/follow_up_item.html",
        {
            "community": access.community,
            "network": access.network,
            "follow_up": follow_up,
            "show_origin": request.POST.get("origin") == "1",
            "follow_up_statuses": FollowUpStatus.choices,
            "records_next": request.POST.get("next", ""),
            "notice": notice,
            "status_form": form,
        },
    )
