"""Community pages: list, home page, settings, membership, requests, invitations
and committee seats.

Every view: the community through ``community_for`` (404 when missing or not
visible), the permission (403), the form, one service, a redirect with a message.
HTMX requests to join, ask or decide get the changed fragment back instead.
"""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.accounts.models import JobRole
from entraide.communities import services
from entraide.communities.forms import (
    MONTHS,
    CommunityForm,
    DeclineForm,
    InvitationForm,
    JoinRequestForm,
    RoleForm,
    SeatForm,
)
from entraide.communities.models import CommunityRole
from entraide.communities.permissions import (
    can_archive_community,
    can_change_member,
    can_change_structure,
    can_create_community,
    can_edit_community,
    can_facilitate,
    can_join,
    can_leave,
    can_manage_members,
    can_manage_seats,
    can_request_to_join,
    can_view_content,
    can_view_members,
    can_view_seats,
)
from entraide.communities.selectors import (
    community_for,
    community_members,
    facilitators_of,
    pending_invitations,
    pending_request_of,
    pending_requests,
    profile_visible_to,
    seat_terms,
    seats_by_subregion,
    visible_communities,
)
from entraide.core.shortcuts import require, show_service_errors
from entraide.discussions.selectors import recent_threads
from entraide.networks.selectors import network_for

PAGE_SIZE = 25
TERM_YEARS = 2


def _detail(access):
    return redirect(access.community.get_absolute_url())


def _nav(access) -> dict:
    """What the community's sub-navigation shows to this person."""
    community, nm, member = access.community, access.network_membership, access.member
    return {
        "community": community,
        "network": access.network,
        "can_view_members": can_view_members(community, nm, member),
        "can_facilitate": can_facilitate(member, nm),
        "can_view_seats": can_view_seats(community),
    }


def _month(number):
    return dict(MONTHS).get(number) if number else None


def _say(request, error: ValidationError) -> None:
    messages.error(request, " ".join(error.messages))


# --- List and create ------------------------------------------------------------


@login_required
def community_list(request, network):
    network, membership = network_for(request.user, network)
    communities = visible_communities(request.user, network, membership)
    show_archived = request.GET.get("archivees") == "1"
    communities = communities.filter(archived_at__isnull=not show_archived)
    page = Paginator(communities, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "communities/community_list.html",
        {
            "network": network,
            "page": page,
            "show_archived": show_archived,
            "query_string": "archivees=1" if show_archived else "",
            "can_create": can_create_community(membership),
        },
    )


@login_required
def community_create(request, network):
    network, membership = network_for(request.user, network)
    require(can_create_community(membership))
    form = CommunityForm(
        request.POST or None, network=network, structure=True, creating=True
    )
    if request.method == "POST" and form.is_valid():
        try:
            community = services.create_community(
                network=network, actor=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("La communauté « %(name)s » est créée.") % {"name": community.name},
            )
            return redirect(community.get_absolute_url())
    return render(
        request,
        "communities/community_form.html",
        {
            "network": network,
            "form": form,
            "title": _("Créer une communauté"),
            "cancel_url": reverse("communities:list", kwargs={"network": network.slug}),
        },
    )


# --- Home page ------------------------------------------------------------------


def _membership_context(request, access) -> dict:
    community, nm, member = (
        access.community,
        access.network_membership,
        access.member,
    )
    return {
        "community": community,
        "network": access.network,
        "member": member,
        "invitation": access.invitation,
        "pending_request": (
            pending_request_of(request.user, community) if member is None else None
        ),
        "can_join": can_join(community, nm, member),
        "can_request": can_request_to_join(community, nm, member),
        "can_leave": can_leave(member),
    }


def community_detail(request, network, community):
    access = community_for(request.user, network, community)
    community, nm, member = access.community, access.network_membership, access.member
    facilitators = facilitators_of(community)
    shown = [
        m
        for m in facilitators
        if profile_visible_to(
            m.user,
            viewer=request.user if request.user.is_authenticated else None,
            shares_community=member is not None,
            same_network=nm is not None,
        )
    ]
    content = can_view_content(community, nm, member)
    threads = list(recent_threads(community, limit=5)) if content else []
    return render(
        request,
        "communities/community_detail.html",
        {
            **_membership_context(request, access),
            **_nav(access),
            "facilitators": shown,
            "audience_roles": [
                JobRole(role).label
                for role in community.audience_job_roles
                if role in JobRole.values
            ],
            "season_start": _month(community.season_start_month),
            "season_end": _month(community.season_end_month),
            "hidden_facilitators": len(facilitators) - len(shown),
            "partners": community.partner_organisations.all(),
            "audience_subregions": community.audience_subregions.all(),
            "member_count": community.memberships.count(),
            "can_view_content": content,
            "can_edit": can_edit_community(member, nm),
            "can_archive": can_archive_community(nm),
            "threads": threads,
        },
    )


@login_required
def community_edit(request, network, community):
    access = community_for(request.user, network, community)
    community, nm, member = access.community, access.network_membership, access.member
    require(can_edit_community(member, nm) and not community.is_archived())
    form = CommunityForm(
        request.POST or None,
        instance=community,
        network=access.network,
        structure=can_change_structure(nm),
        creating=False,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_community(
                community=community, actor=request.user, **form.service_kwargs()
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Les changements sont enregistrés."))
            return redirect(community.get_absolute_url())
    return render(
        request,
        "communities/community_form.html",
        {
            "network": access.network,
            "community": community,
            "form": form,
            "title": _("Modifier la communauté"),
            "cancel_url": community.get_absolute_url(),
            "can_archive": can_archive_community(nm),
        },
    )


@login_required
@require_POST
def community_archive(request, network, community):
    access = community_for(request.user, network, community)
    require(can_archive_community(access.network_membership))
    services.archive_community(community=access.community, actor=request.user)
    messages.success(
        request,
        _("La communauté est archivée : on ne peut plus s'y joindre ni la modifier."),
    )
    return _detail(access)


@login_required
@require_POST
def community_restore(request, network, community):
    access = community_for(request.user, network, community)
    require(can_archive_community(access.network_membership))
    services.restore_community(community=access.community, actor=request.user)
    messages.success(request, _("La communauté est de nouveau active."))
    return _detail(access)


# --- Joining and leaving --------------------------------------------------------


def _membership_box(request, access, *, status=200):
    access = community_for(request.user, access.network.slug, access.community.slug)
    return render(
        request,
        "communities/_membership_box.html",
        _membership_context(request, access),
        status=status,
    )


@login_required
@require_POST
def community_join(request, network, community):
    access = community_for(request.user, network, community)
    require(can_join(access.community, access.network_membership, access.member))
    services.join_community(community=access.community, user=request.user)
    message = _("Bienvenue dans la communauté « %(name)s »!") % {
        "name": access.community.name
    }
    if request.htmx:
        return _membership_box(request, access)
    messages.success(request, message)
    return _detail(access)


@login_required
def community_request(request, network, community):
    access = community_for(request.user, network, community)
    community_ = access.community
    require(can_request_to_join(community_, access.network_membership, access.member))
    form = JoinRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_to_join(
                community=community_,
                user=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            if request.htmx:
                return _membership_box(request, access)
            messages.success(
                request,
                _(
                    "Votre demande est envoyée. Les personnes qui animent la "
                    "communauté vous répondront."
                ),
            )
            return _detail(access)
    return render(
        request,
        "communities/request_form.html",
        {"community": community_, "network": access.network, "form": form},
    )


@login_required
def community_leave(request, network, community):
    access = community_for(request.user, network, community)
    require(can_leave(access.member))
    if request.method == "POST":
        services.leave_community(membership=access.member)
        messages.success(
            request,
            _("Vous avez quitté la communauté « %(name)s ».")
            % {"name": access.community.name},
        )
        return redirect("communities:list", network=access.network.slug)
    return render(
        request,
        "communities/confirm.html",
        {
            "community": access.community,
            "network": access.network,
            "title": _("Quitter la communauté"),
            "question": _(
                "Quitter la communauté « %(name)s »? Vous n'aurez plus accès à ses "
                "discussions."
            )
            % {"name": access.community.name},
            "button": _("Quitter la communauté"),
        },
    )


# --- Members --------------------------------------------------------------------


@login_required
def member_list(request, network, community):
    access = community_for(request.user, network, community)
    community_, nm, member = (
        access.community,
        access.network_membership,
        access.member,
    )
    require(can_view_members(community_, nm, member))
    page = Paginator(community_members(community_), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    manage = can_manage_members(community_, member, nm)
    rows = [
        {
            "membership": m,
            "can_change": manage and can_change_member(community_, member, nm, m),
            "show_email": m.user.show_email or m.user.pk == request.user.pk,
        }
        for m in page.object_list
    ]
    return render(
        request,
        "communities/member_list.html",
        {
            **_nav(access),
            "page": page,
            "rows": rows,
            "roles": CommunityRole.choices,
            "can_manage": manage,
        },
    )


def _target(access, pk):
    return get_object_or_404(access.community.memberships.select_related("user"), pk=pk)


@login_required
@require_POST
def member_role(request, network, community, pk):
    access = community_for(request.user, network, community)
    target = _target(access, pk)
    require(
        can_change_member(
            access.community, access.member, access.network_membership, target
        )
    )
    form = RoleForm(request.POST)
    if form.is_valid():
        services.set_member_role(
            membership=target, actor=request.user, role=form.cleaned_data["role"]
        )
        messages.success(
            request,
            _("Le rôle de %(person)s est maintenant « %(role)s ».")
            % {"person": target.user, "role": target.get_role_display()},
        )
    else:
        messages.error(request, _("Choisissez un rôle de la liste."))
    return redirect("communities:members", network=network, community=community)


@login_required
@require_POST
def member_remove(request, network, community, pk):
    access = community_for(request.user, network, community)
    target = _target(access, pk)
    require(
        can_change_member(
            access.community, access.member, access.network_membership, target
        )
    )
    services.remove_member(membership=target, actor=request.user)
    messages.success(
        request,
        _("%(person)s ne fait plus partie de la communauté.") % {"person": target.user},
    )
    return redirect("communities:members", network=network, community=community)


# --- Join requests --------------------------------------------------------------


def _manage_members(request, network, community):
    access = community_for(request.user, network, community)
    require(
        can_manage_members(access.community, access.member, access.network_membership)
    )
    return access


@login_required
def request_list(request, network, community):
    access = _manage_members(request, network, community)
    page = Paginator(pending_requests(access.community), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "communities/request_list.html",
        {
            **_nav(access),
            "page": page,
            "decline_form": DeclineForm(),
        },
    )


def _decided(request, access, join_request, message):
    if request.htmx:
        return render(
            request,
            "communities/_request_decided.html",
            {"join_request": join_request, "message": message},
        )
    messages.success(request, message)
    return redirect(
        "communities:requests",
        network=access.network.slug,
        community=access.community.slug,
    )


def _pending(access, pk):
    return get_object_or_404(
        access.community.join_requests.select_related("user", "community__network"),
        pk=pk,
    )


@login_required
@require_POST
def request_approve(request, network, community, pk):
    access = _manage_members(request, network, community)
    join_request = _pending(access, pk)
    try:
        services.approve_join_request(join_request=join_request, actor=request.user)
    except ValidationError as error:
        _say(request, error)
        return redirect("communities:requests", network=network, community=community)
    return _decided(
        request,
        access,
        join_request,
        _("%(person)s fait maintenant partie de la communauté.")
        % {"person": join_request.user},
    )


@login_required
@require_POST
def request_decline(request, network, community, pk):
    access = _manage_members(request, network, community)
    join_request = _pending(access, pk)
    form = DeclineForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.decline_join_request(
            join_request=join_request, actor=request.user, reason=reason
        )
    except ValidationError as error:
        _say(request, error)
        return redirect("communities:requests", network=network, community=community)
    return _decided(
        request,
        access,
        join_request,
        _("La demande de %(person)s est refusée.") % {"person": join_request.user},
    )


# --- Invitations ----------------------------------------------------------------


@login_required
def invitation_list(request, network, community):
    access = _manage_members(request, network, community)
    form = InvitationForm(request.POST or None, network=access.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_to_community(
                community=access.community,
                actor=request.user,
                user=form.person,
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(person)s est invitée ou invité; la personne en est avisée.")
                % {"person": form.person},
            )
            return redirect(
                "communities:invitations", network=network, community=community
            )
    page = Paginator(pending_invitations(access.community), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "communities/invitation_list.html",
        {
            **_nav(access),
            "form": form,
            "page": page,
        },
    )


@login_required
@require_POST
def invitation_answer(request, network, community):
    access = community_for(request.user, network, community)
    require(access.invitation is not None)
    try:
        if "accept" in request.POST:
            services.accept_community_invitation(
                invitation=access.invitation, user=request.user
            )
            messages.success(
                request,
                _("Bienvenue dans la communauté « %(name)s »!")
                % {"name": access.community.name},
            )
            return _detail(access)
        services.decline_community_invitation(
            invitation=access.invitation, user=request.user
        )
    except ValidationError as error:
        _say(request, error)
        return _detail(access)
    messages.info(request, _("Vous avez décliné l'invitation."))
    return redirect("communities:list", network=access.network.slug)


# --- Seats ----------------------------------------------------------------------


@login_required
def seat_list(request, network, community):
    access = community_for(request.user, network, community)
    community_, nm, member = (
        access.community,
        access.network_membership,
        access.member,
    )
    if not can_view_seats(community_):
        raise Http404
    groups = seats_by_subregion(community_)
    shares = member is not None or can_facilitate(member, nm)
    for group in groups:
        for row in group.rows:
            for term in (row.current, row.upcoming):
                if term is not None:
                    term.holder_visible = profile_visible_to(
                        term.holder,
                        viewer=request.user,
                        shares_community=shares,
                        same_network=nm is not None,
                    )
    return render(
        request,
        "communities/seat_list.html",
        {
            **_nav(access),
            "groups": groups,
            "held": sum(len(g.rows) - g.vacant for g in groups),
            "vacant": sum(g.vacant for g in groups),
            "can_manage": can_manage_seats(community_, nm),
        },
    )


def _default_term() -> tuple[date, date]:
    today = timezone.localdate()
    try:
        end = today.replace(year=today.year + TERM_YEARS)
    except ValueError:  # 29 February
        end = today.replace(year=today.year + TERM_YEARS, day=28)
    return today, end


@login_required
def seat_assign(request, network, community, pk):
    access = community_for(request.user, network, community)
    seat = get_object_or_404(access.community.seats.select_related("subregion"), pk=pk)
    require(can_manage_seats(access.community, access.network_membership))
    starts_on, ends_on = _default_term()
    form = SeatForm(
        request.POST or None,
        network=access.network,
        initial={"starts_on": starts_on, "ends_on": ends_on},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.assign_seat(
                seat=seat,
                actor=request.user,
                holder=form.person,
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Le siège de %(subregion)s est attribué à %(person)s.")
                % {"subregion": seat.subregion.name, "person": form.person},
            )
            return redirect("communities:seats", network=network, community=community)
    return render(
        request,
        "communities/seat_form.html",
        {
            **_nav(access),
            "seat": seat,
            "terms": seat_terms(seat)[:50],
            "form": form,
        },
    )
