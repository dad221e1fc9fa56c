"""Writes to sessions and registrations.

Registering locks the session row and counts seats inside the transaction, so the
last seat taken by many people at once is never given twice.
"""

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.communities.models import CommunityMembership
from entraide.meetings.models import (
    ACTIVE_STATUSES,
    Registration,
    RegistrationStatus,
    Session,
    SessionFormat,
    SessionStatus,
)
from entraide.notifications.services import notify
from entraide.search.services import index_later

EDITABLE_FIELDS = (
    "title",
    "theme",
    "description",
    "starts_at",
    "duration_minutes",
    "format",
    "video_url",
    "place",
    "capacity",
    "status",
)


def _context(session: Session) -> dict:
    return {
        "community": session.community.name,
        "session": session.title,
        "session_id": session.pk,
    }


def notify_about(session: Session, user, kind: str, actor=None) -> None:
    """Tell one person about this session (context and link filled in)."""
    notify(
        recipient=user,
        kind=kind,
        context=_context(session),
        url=session.get_absolute_url(),
        actor=actor,
        network=session.community.network,
        community=session.community,
    )


def _check_team(community, co_facilitators, partner_organisations) -> None:
    """Co-facilitators are members of the community; partners are its partners."""
    errors = {}
    if co_facilitators:
        members = set(
            CommunityMembership.objects.filter(
                community=community, user__in=co_facilitators
            ).values_list("user_id", flat=True)
        )
        if any(person.pk not in members for person in co_facilitators):
            errors["co_facilitators"] = _(
                "La coanimation se choisit parmi les membres de la communauté."
            )
    if partner_organisations:
        allowed = set(community.partner_organisations.values_list("pk", flat=True))
        if any(org.pk not in allowed for org in partner_organisations):
            errors["partner_organisations"] = _(
                "Choisissez parmi les organisations partenaires de la communauté."
            )
    if errors:
        raise ValidationError(errors)


def _set_team(session: Session, co_facilitators, partner_organisations) -> None:
    if co_facilitators is not None:
        session.co_facilitators.set(co_facilitators)
    if partner_organisations is not None:
        session.partner_organisations.set(partner_organisations)


def video_room_url(community) -> str:
    """A new, unguessable room on the network's video service (e.g. Jitsi)."""
    base = community.network.video_service_url.rstrip("/")
    room = f"{community.network.slug}-{community.slug}-{secrets.token_hex(6)}"
    return f"{base}/{room}"


def create_session(
    *,
    community,
    actor,
    co_facilitators=None,
    partner_organisations=None,
    generate_video_room: bool = False,
    **fields,
) -> Session:
    """A new session; one in the past is refused.

    With ``generate_video_room``, a virtual or hybrid session without a link gets a
    room of its own on the network's video service.
    """
    fields = {k: v for k, v in fields.items() if k in EDITABLE_FIELDS}
    fields.setdefault("status", SessionStatus.PLANNED)
    session = Session(community=community, created_by=actor, **fields)
    if (
        generate_video_room
        and not session.video_url
        and session.format != SessionFormat.IN_PERSON
        and community.network.video_service_url
    ):
        session.video_url = video_room_url(community)
    session.full_clean(exclude=["community", "created_by"])
    if session.starts_at <= timezone.now():
        raise ValidationError(
            {
                "starts_at": _(
                    "Une nouvelle rencontre ne peut pas commencer dans le passé."
                )
            }
        )
    _check_team(community, co_facilitators, partner_organisations)
    with transaction.atomic():
        session.save()
        _set_team(session, co_facilitators, partner_organisations)
        index_later(session)
    return session


def update_session(
    *,
    session: Session,
    actor,
    co_facilitators=None,
    partner_organisations=None,
    **fields,
) -> Session:
    """Changes a session and bumps its calendar sequence."""
    for name, value in fields.items():
        if name in EDITABLE_FIELDS:
            setattr(session, name, value)
    session.full_clean(exclude=["community", "created_by"])
    _check_team(session.community, co_facilitators, partner_organisations)
    with transaction.atomic():
        Session.objects.select_for_update().filter(pk=session.pk).first()
        session.sequence += 1
        session.save()
        _set_team(session, co_facilitators, partner_organisations)
        index_later(session)
        if session.is_open_for_registration():
            _fill_from_waiting(session)
    return session


def cancel_session(*, session: Session, actor) -> Session:
    """Marks the session cancelled and tells everyone registered or waiting."""
    with transaction.atomic():
        session = Session.objects.select_for_update().get(pk=session.pk)
        if session.status == SessionStatus.CANCELLED:
            return session
        session.status = SessionStatus.CANCELLED
        session.sequence += 1
        session.save(update_fields=["status", "sequence", "updated_at"])
        people = [
            r.user
            for r in session.registrations.filter(
                status__in=ACTIVE_STATUSES
            ).select_related("user")
        ]
        for person in people:
            notify_about(session, person, "meetings.cancelled", actor=actor)
    return session


def register(*, session: Session, user) -> Registration:
    """Registers the person, or puts them on the waiting list when it is full.

    Registering again while already registered or waiting returns that
    registration unchanged.
    """
    with transaction.atomic():
        session = (
            Session.objects.select_for_update()
            .select_related("community__network")
            .get(pk=session.pk)
        )
        existing = session.registrations.filter(
            user=user, status__in=ACTIVE_STATUSES
        ).first()
        if existing is not None:
            return existing
        if not session.is_open_for_registration():
            raise ValidationError(_("Les inscriptions à cette rencontre sont fermées."))
        taken = session.registrations.filter(
            status=RegistrationStatus.REGISTERED
        ).count()
        full = session.capacity is not None and taken >= session.capacity
        registration = Registration.objects.create(
            session=session,
            user=user,
            status=RegistrationStatus.WAITLISTED
            if full
            else RegistrationStatus.REGISTERED,
        )
        notify_about(
            session,
            user,
            "meetings.waitlisted" if full else "meetings.registered",
        )
    return registration


def cancel_registration(*, session: Session, user) -> Registration | None:
    """Cancels the person's registration; the first person waiting takes the seat."""
    with transaction.atomic():
        session = (
            Session.objects.select_for_update()
            .select_related("community__network")
            .get(pk=session.pk)
        )
        registration = session.registrations.filter(
            user=user, status__in=ACTIVE_STATUSES
        ).first()
        if registration is None:
            return None
        freed = registration.status == RegistrationStatus.REGISTERED
        registration.status = RegistrationStatus.CANCELLED
        registration.save(update_fields=["status"])
        if freed and session.is_open_for_registration():
            _fill_from_waiting(session)
    return registration


def _fill_from_waiting(session: Session) -> None:
    """Gives free seats to the people waiting, first come, first served."""
    waiting = (
        session.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .select_related("user")
        .order_by("created_at", "pk")
    )
    if session.capacity is not None:
        taken = session.registrations.filter(
            status=RegistrationStatus.REGISTERED
        ).count()
        waiting = waiting[: max(session.capacity - taken, 0)]
    for registration in waiting:
        registration.status = RegistrationStatus.REGISTERED
        registration.save(update_fields=["status"])
        notify_about(session, registration.user, "meetings.promoted")
