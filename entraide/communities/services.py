"""Writes to communities: create, edit, archive, membership, requests,
invitations and committee seats."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityInvitation,
    CommunityMembership,
    CommunityRole,
    JoinPolicy,
    JoinRequest,
    RequestStatus,
    Seat,
    SeatTerm,
)
from entraide.networks.models import Membership, Network
from entraide.notifications.services import notify
from entraide.search.services import index_later

# Path segments beside community slugs under /r/<network>/communautes/.
RESERVED_SLUGS = frozenset({"creer"})
SLUG_MAX = 80

COMMUNITY_FIELDS = (
    "name",
    "kind",
    "mandate",
    "means",
    "audience_job_roles",
    "sessions_per_year_min",
    "sessions_per_year_max",
    "season_start_month",
    "season_end_month",
    "visibility",
    "join_policy",
    "welcome_message",
    "seats_per_subregion",
)


def _unique_slug(network: Network, name: str, *, exclude_pk=None) -> str:
    base = slugify(name)[: SLUG_MAX - 4].strip("-") or "communaute"
    taken = set(
        Community.objects.filter(network=network, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 1
    while slug in taken or slug in RESERVED_SLUGS:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _check_ranges(community: Community) -> None:
    low, high = community.sessions_per_year_min, community.sessions_per_year_max
    if low is not None and high is not None and low > high:
        raise ValidationError(
            {
                "sessions_per_year_max": _(
                    "Le maximum de rencontres doit être égal ou supérieur au minimum."
                )
            }
        )
    if (community.season_start_month is None) != (community.season_end_month is None):
        field = (
            "season_end_month"
            if community.season_end_month is None
            else "season_start_month"
        )
        raise ValidationError(
            {field: _("Indiquez le mois de début et le mois de fin de la saison.")}
        )


def _check_people_of(network: Network, people, field: str) -> None:
    outsiders = [
        p
        for p in people
        if not Membership.objects.filter(network=network, user=p).exists()
    ]
    if outsiders:
        raise ValidationError(
            {field: _("Seules les personnes du réseau peuvent être choisies.")}
        )


def _check_organisations_of(network: Network, organisations) -> None:
    if any(o.network_id != network.pk for o in organisations):
        raise ValidationError(
            {"partner_organisations": _("Choisissez des organisations de ce réseau.")}
        )


def _check_subregions_of(network: Network, subregions) -> None:
    if any(s.network_id != network.pk for s in subregions):
        raise ValidationError(
            {"audience_subregions": _("Choisissez des sous-régions de ce réseau.")}
        )


def sync_seats(*, community: Community) -> None:
    """Give a regional committee its seats in every sub-region of the network.

    Seats are only added: a seat beyond the count that was never held goes away,
    one with a history stays, so no term is lost.
    """
    if not community.has_seats:
        return
    existing = set(community.seats.values_list("subregion_id", "number"))
    wanted = [
        Seat(community=community, subregion=subregion, number=number)
        for subregion in community.network.subregions.all()
        for number in range(1, community.seats_per_subregion + 1)
        if (subregion.pk, number) not in existing
    ]
    Seat.objects.bulk_create(wanted)
    community.seats.filter(
        number__gt=community.seats_per_subregion, terms__isnull=True
    ).delete()


def _apply(community: Community, data: dict) -> None:
    for name in COMMUNITY_FIELDS:
        if name in data:
            setattr(community, name, data[name])
    if community.audience_job_roles is None:
        community.audience_job_roles = []


def _set_facilitators(community: Community, people, role: str) -> None:
    for person in people:
        membership, created = CommunityMembership.objects.get_or_create(
            community=community, user=person, defaults={"role": role}
        )
        if not created and membership.role not in FACILITATING_ROLES:
            membership.role = role
            membership.save(update_fields=["role"])


@transaction.atomic
def create_community(
    *,
    network: Network,
    actor,
    data: dict,
    audience_subregions=(),
    partner_organisations=(),
    facilitators=(),
    mentors=(),
) -> Community:
    """A new community; its facilitators and mentors become its first members."""
    community = Community(network=network, created_by=actor)
    _apply(community, data)
    community.slug = _unique_slug(network, community.name)
    _check_subregions_of(network, audience_subregions)
    _check_organisations_of(network, partner_organisations)
    _check_people_of(network, facilitators, "facilitators")
    _check_people_of(network, mentors, "mentors")
    community.full_clean(exclude=["network", "created_by"])
    _check_ranges(community)
    try:
        with transaction.atomic():
            community.save()
    except IntegrityError as error:
        raise ValidationError(
            {"name": _("Une communauté porte déjà ce nom; choisissez-en un autre.")}
        ) from error
    community.audience_subregions.set(audience_subregions)
    community.partner_organisations.set(partner_organisations)
    _set_facilitators(community, facilitators, CommunityRole.FACILITATOR)
    _set_facilitators(community, mentors, CommunityRole.MENTOR)
    sync_seats(community=community)
    index_later(community)
    return community


@transaction.atomic
def update_community(
    *,
    community: Community,
    actor,
    data: dict,
    audience_subregions=None,
    partner_organisations=None,
) -> Community:
    """Change what the community is; the slug (its address) stays."""
    network = community.network
    _apply(community, data)
    if audience_subregions is not None:
        _check_subregions_of(network, audience_subregions)
    if partner_organisations is not None:
        _check_organisations_of(network, partner_organisations)
    community.full_clean(exclude=["network", "created_by"])
    _check_ranges(community)
    community.save()
    if audience_subregions is not None:
        community.audience_subregions.set(audience_subregions)
    if partner_organisations is not None:
        community.partner_organisations.set(partner_organisations)
    sync_seats(community=community)
    index_later(community)
    return community


def archive_community(*, community: Community, actor) -> Community:
    """Archived: kept and readable by its members, closed to joining and changes."""
    if not community.is_archived():
        community.archived_at = timezone.now()
        community.save(update_fields=["archived_at"])
    return community


def restore_community(*, community: Community, actor) -> Community:
    if community.is_archived():
        community.archived_at = None
        community.save(update_fields=["archived_at"])
    return community


# --- Membership -----------------------------------------------------------------


def _network_member(community: Community, user) -> Membership:
    membership = Membership.objects.filter(
        network=community.network_id, user=user
    ).first()
    if membership is None:
        raise ValidationError(_("Cette personne ne fait pas partie du réseau."))
    return membership


def _refuse_if_archived(community: Community) -> None:
    if community.is_archived():
        raise ValidationError(_("Cette communauté est archivée."))


def _add_member(community: Community, user, role: str) -> CommunityMembership:
    membership, created = CommunityMembership.objects.get_or_create(
        community=community, user=user, defaults={"role": role}
    )
    if created:
        JoinRequest.objects.filter(
            community=community, user=user, status=RequestStatus.PENDING
        ).update(status=RequestStatus.WITHDRAWN, decided_at=timezone.now())
    return membership


@transaction.atomic
def join_community(*, community: Community, user) -> CommunityMembership:
    """Join an open community (idempotent)."""
    _refuse_if_archived(community)
    _network_member(community, user)
    if community.join_policy != JoinPolicy.OPEN:
        raise ValidationError(_("Cette communauté n'est pas ouverte à tous."))
    return _add_member(community, user, CommunityRole.MEMBER)


def _facilitating_people(community: Community):
    return [
        m.user
        for m in community.memberships.filter(role__in=FACILITATING_ROLES)
        .select_related("user")
        .order_by("pk")
    ]


@transaction.atomic
def request_to_join(*, community: Community, user, message: str = "") -> JoinRequest:
    """Ask to join; the community's facilitators are told."""
    _refuse_if_archived(community)
    _network_member(community, user)
    if community.join_policy != JoinPolicy.REQUEST:
        raise ValidationError(_("Cette communauté n'accepte pas de demandes."))
    if community.memberships.filter(user=user).exists():
        raise ValidationError(_("Vous faites déjà partie de cette communauté."))
    pending = JoinRequest.objects.filter(
        community=community, user=user, status=RequestStatus.PENDING
    ).first()
    if pending is not None:
        return pending
    join_request = JoinRequest(community=community, user=user, message=message)
    join_request.full_clean(exclude=["community", "user"])
    try:
        with transaction.atomic():
            join_request.save()
    except IntegrityError:
        return JoinRequest.objects.get(
            community=community, user=user, status=RequestStatus.PENDING
        )
    url = _url("communities:requests", community)
    for facilitator in _facilitating_people(community):
        notify(
            recipient=facilitator,
            kind="communities.join_requested",
            context={"community": community.name, "person": str(user)},
            url=url,
            actor=user,
            network=community.network,
            community=community,
        )
    return join_request


def _url(name: str, community: Community) -> str:
    from django.urls import reverse

    return reverse(
        name, kwargs={"network": community.network.slug, "community": community.slug}
    )


def _decide(join_request: JoinRequest) -> JoinRequest:
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.status != RequestStatus.PENDING:
        raise ValidationError(_("Cette demande a déjà reçu une réponse."))
    return locked


@transaction.atomic
def approve_join_request(*, join_request: JoinRequest, actor) -> CommunityMembership:
    locked = _decide(join_request)
    community = join_request.community
    _refuse_if_archived(community)
    locked.status = RequestStatus.APPROVED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.save(update_fields=["status", "decided_by", "decided_at"])
    membership = _add_member(community, locked.user, CommunityRole.MEMBER)
    notify(
        recipient=locked.user,
        kind="communities.join_approved",
        context={"community": community.name},
        url=community.get_absolute_url(),
        actor=actor,
        network=community.network,
        community=community,
    )
    join_request.status = locked.status
    return membership


@transaction.atomic
def decline_join_request(
    *, join_request: JoinRequest, actor, reason: str = ""
) -> JoinRequest:
    locked = _decide(join_request)
    community = join_request.community
    locked.status = RequestStatus.DECLINED
    locked.decided_by = actor
    locked.decided_at = timezone.now()
    locked.reason = reason
    locked.full_clean(exclude=["community", "user", "decided_by"])
    locked.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    # The person may not see a members-only community: the link goes to the list.
    notify(
        recipient=locked.user,
        kind="communities.join_declined",
        context={"community": community.name},
        url=_list_url(community.network),
        actor=actor,
        network=community.network,
        community=community,
    )
    return locked


def _list_url(network: Network) -> str:
    from django.urls import reverse

    return reverse("communities:list", kwargs={"network": network.slug})


@transaction.atomic
def invite_to_community(
    *, community: Community, actor, user, role: str = CommunityRole.MEMBER
) -> CommunityInvitation:
    """Invite a person of the network; they answer from the community's page."""
    _refuse_if_archived(community)
    _network_member(community, user)
    if community.memberships.filter(user=user).exists():
        raise ValidationError(
            {"email": _("Cette personne fait déjà partie de la communauté.")}
        )
    if community.invitations.filter(user=user, status=RequestStatus.PENDING).exists():
        raise ValidationError(
            {"email": _("Cette personne a déjà une invitation en attente.")}
        )
    invitation = CommunityInvitation(
        community=community, user=user, role=role, invited_by=actor
    )
    invitation.full_clean(exclude=["community", "user", "invited_by"])
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError as error:
        raise ValidationError(
            {"email": _("Cette personne a déjà une invitation en attente.")}
        ) from error
    notify(
        recipient=user,
        kind="communities.invited",
        context={"community": community.name, "person": str(actor)},
        url=community.get_absolute_url(),
        actor=actor,
        network=community.network,
        community=community,
    )
    return invitation


def _answer(invitation: CommunityInvitation, user) -> CommunityInvitation:
    locked = CommunityInvitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.user_id != user.pk or locked.status != RequestStatus.PENDING:
        raise ValidationError(_("Cette invitation n'est plus valide."))
    return locked


@transaction.atomic
def accept_community_invitation(
    *, invitation: CommunityInvitation, user
) -> CommunityMembership:
    locked = _answer(invitation, user)
    community = invitation.community
    _refuse_if_archived(community)
    _network_member(community, user)
    locked.status = RequestStatus.APPROVED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at"])
    return _add_member(community, user, locked.role)


@transaction.atomic
def decline_community_invitation(
    *, invitation: CommunityInvitation, user
) -> CommunityInvitation:
    locked = _answer(invitation, user)
    locked.status = RequestStatus.DECLINED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at"])
    return locked


def _role_label(role: str, user) -> str:
    with translation.override(user.language or "fr-ca"):
        return str(CommunityRole(role).label)


@transaction.atomic
def set_member_role(
    *, membership: CommunityMembership, actor, role: str
) -> CommunityMembership:
    if role not in CommunityRole.values:
        raise ValidationError({"role": _("Choisissez un rôle de la liste.")})
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role"])
    community = membership.community
    notify(
        recipient=membership.user,
        kind="communities.role_changed",
        context={
            "community": community.name,
            "role": _role_label(role, membership.user),
        },
        url=community.get_absolute_url(),
        actor=actor,
        network=community.network,
        community=community,
    )
    return membership


def remove_member(*, membership: CommunityMembership, actor) -> None:
    """Takes effect at once: every page asks for the membership on each request."""
    CommunityMembership.objects.filter(pk=membership.pk).delete()


def leave_community(*, membership: CommunityMembership) -> None:
    CommunityMembership.objects.filter(pk=membership.pk).delete()


# --- Seats ----------------------------------------------------------------------


@transaction.atomic
def assign_seat(
    *, seat: Seat, actor, holder, starts_on: date, ends_on: date
) -> SeatTerm:
    """Give a seat to a person of its sub-region for a term; history is kept.

    The holder becomes a member of the committee if they are not one yet.
    """
    community = seat.community
    _refuse_if_archived(community)
    Seat.objects.select_for_update().filter(pk=seat.pk).first()
    membership = Membership.objects.filter(
        network=community.network_id, user=holder
    ).first()
    if membership is None:
        raise ValidationError(
            {"email": _("Aucune personne de ce réseau n'a ce courriel.")}
        )
    if membership.subregion_id != seat.subregion_id:
        raise ValidationError(
            {
                "email": _(
                    "Ce siège revient à une personne de la sous-région "
                    "%(subregion)s; %(person)s n'en fait pas partie."
                )
                % {"subregion": seat.subregion.name, "person": holder}
            }
        )
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("La fin du mandat doit suivre son début.")})
    overlapping = seat.terms.filter(starts_on__lte=ends_on, ends_on__gte=starts_on)
    if overlapping.exists():
        raise ValidationError(
            {
                "starts_on": _(
                    "Ce siège est déjà occupé pendant une partie de cette période."
                )
            }
        )
    other_seat = SeatTerm.objects.filter(
        seat__community=community,
        holder=holder,
        starts_on__lte=ends_on,
        ends_on__gte=starts_on,
    )
    if other_seat.exists():
        raise ValidationError(
            {"email": _("Cette personne occupe déjà un siège pendant cette période.")}
        )
    term = SeatTerm(seat=seat, holder=holder, starts_on=starts_on, ends_on=ends_on)
    term.full_clean(exclude=["seat", "holder"])
    term.save()
    _add_member(community, holder, CommunityRole.MEMBER)
    notify(
        recipient=holder,
        kind="communities.seat_assigned",
        context={
            "community": community.name,
            "subregion": seat.subregion.name,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
        },
        url=_url("communities:seats", community),
        actor=actor,
        network=community.network,
        community=community,
    )
    return term


@transaction.atomic
def end_seat_term(*, term: SeatTerm, actor, ends_on: date) -> SeatTerm:
    """End a term early (the seat becomes vacant the next day); history stays."""
    if ends_on < term.starts_on:
        raise ValidationError({"ends_on": _("La fin du mandat doit suivre son début.")})
    if ends_on < term.ends_on:
        term.ends_on = ends_on
        term.save(update_fields=["ends_on"])
    return term
