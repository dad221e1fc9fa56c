"""Writes to what a session leaves behind: attendance, minutes, decisions, follow-ups.

Demo data writes these rows directly; everything else comes through here, so that
the session turns "held", members hear of published minutes once, and the person
given a follow-up is told.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.communities.models import CommunityMembership
from entraide.meetings.models import (
    FIRST_YEAR,
    LAST_YEAR,
    Attendance,
    AttendanceStatus,
    Decision,
    FollowUp,
    FollowUpStatus,
    Session,
    SessionStatus,
)
from entraide.meetings.selectors_records import minutes_version
from entraide.notifications.services import notify

MAX_DECISIONS = 50
_UNCHANGED = object()


def _context(session: Session, **extra) -> dict:
    return {
        "community": session.community.name,
        "session": session.title,
        "session_id": session.pk,
        **extra,
    }


def _member_ids(community_id: int, user_ids) -> set[int]:
    return set(
        CommunityMembership.objects.filter(
            community=community_id, user__in=list(user_ids)
        ).values_list("user_id", flat=True)
    )


def _locked(session: Session) -> Session:
    return (
        Session.objects.select_for_update()
        .select_related("community__network")
        .get(pk=session.pk)
    )


def record_attendance(
    *, session: Session, actor, statuses: dict[int, str]
) -> list[Attendance]:
    """Records (or corrects) who was present, absent or excused.

    Only members of the community can be marked. A session that has begun and is
    still planned or confirmed becomes "held", with a new calendar sequence.
    """
    if session.is_cancelled():
        raise ValidationError(_("Une rencontre annulée n'a pas de présences."))
    if session.starts_at > timezone.now():
        raise ValidationError(
            _("Les présences se prennent une fois la rencontre commencée.")
        )
    if any(status not in AttendanceStatus.values for status in statuses.values()):
        raise ValidationError(
            {
                "statuses": _(
                    "Choisissez présente ou présent, absente ou absent, ou "
                    "absence motivée."
                )
            }
        )
    members = _member_ids(session.community_id, statuses)
    if any(user_id not in members for user_id in statuses):
        raise ValidationError(
            {
                "statuses": _(
                    "Seuls les membres de la communauté peuvent figurer sur la "
                    "feuille de présence."
                )
            }
        )
    now = timezone.now()
    with transaction.atomic():
        locked = _locked(session)
        existing = {
            a.user_id: a
            for a in Attendance.objects.filter(session=locked, user__in=list(statuses))
        }
        changed, new = [], []
        for user_id, status in statuses.items():
            row = existing.get(user_id)
            if row is None:
                new.append(
                    Attendance(
                        session=locked,
                        user_id=user_id,
                        status=status,
                        recorded_by=actor,
                        recorded_at=now,
                    )
                )
            elif row.status != status:
                row.status, row.recorded_by, row.recorded_at = status, actor, now
                changed.append(row)
        Attendance.objects.bulk_create(new)
        Attendance.objects.bulk_update(
            changed, ["status", "recorded_by", "recorded_at"]
        )
        if statuses and locked.status in (
            SessionStatus.PLANNED,
            SessionStatus.CONFIRMED,
        ):
            locked.status = SessionStatus.HELD
            locked.sequence += 1
            locked.save(update_fields=["status", "sequence", "updated_at"])
            session.status, session.sequence = locked.status, locked.sequence
    return [*new, *changed]


def _clean_decisions(decisions: list[str]) -> list[str]:
    texts = [text.strip() for text in decisions if text and text.strip()]
    if len(texts) > MAX_DECISIONS:
        raise ValidationError(
            {
                "decisions": _("Notez au plus %(count)s décisions.")
                % {"count": MAX_DECISIONS}
            }
        )
    limit = Decision._meta.get_field("text").max_length
    for number, text in enumerate(texts, start=1):
        if len(text) > limit:
            raise ValidationError(
                {
                    "decisions": _(
                        "La décision no %(number)s dépasse %(limit)s caractères."
                    )
                    % {"number": number, "limit": limit}
                }
            )
    return texts


def save_minutes(
    *,
    session: Session,
    actor,
    minutes: str,
    decisions: list[str],
    expected_version: str | None = None,
) -> Session:
    """Saves the minutes (Markdown) and the decisions, in their order.

    With ``expected_version`` (see ``selectors_records.minutes_version``), a save
    made over someone else's newer one is refused instead of overwriting it.
    Once published, the minutes shown to members are the saved ones.
    """
    if session.is_cancelled():
        raise ValidationError(_("Une rencontre annulée n'a pas de compte rendu."))
    minutes = (minutes or "").strip()
    field = Session._meta.get_field("minutes")
    try:
        field.clean(minutes, session)
    except ValidationError as error:
        raise ValidationError({"minutes": error.messages}) from None
    texts = _clean_decisions(decisions)
    with transaction.atomic():
        locked = _locked(session)
        rows = list(Decision.objects.filter(session=locked).order_by("position", "pk"))
        if (
            expected_version is not None
            and minutes_version(locked, rows) != expected_version
        ):
            raise ValidationError(
                _(
                    "Quelqu'un d'autre a modifié le compte rendu pendant que vous "
                    "l'écriviez. Sa version est affichée plus bas; vos changements "
                    "sont conservés dans le formulaire. Enregistrez de nouveau pour "
                    "les garder."
                ),
                code="conflict",
            )
        locked.minutes = minutes
        locked.save(update_fields=["minutes", "updated_at"])
        session.minutes = minutes
        kept = rows[: len(texts)]
        for position, (row, text) in enumerate(zip(kept, texts, strict=False)):
            row.text, row.position = text, position
        Decision.objects.bulk_update(kept, ["text", "position"])
        Decision.objects.bulk_create(
            Decision(session=locked, text=text, position=position, created_by=actor)
            for position, text in enumerate(texts)
            if position >= len(kept)
        )
        Decision.objects.filter(pk__in=[row.pk for row in rows[len(texts) :]]).delete()
    return session


def publish_minutes(*, session: Session, actor) -> bool:
    """Makes the minutes visible to members; True when it was the first time.

    The first publication tells every current member (but the person publishing);
    publishing again after an edit only updates the date, without a second notice.
    """
    if session.is_cancelled():
        raise ValidationError(_("Une rencontre annulée n'a pas de compte rendu."))
    with transaction.atomic():
        locked = _locked(session)
        if not locked.minutes.strip():
            raise ValidationError(
                _("Rédigez le compte rendu avant de le publier."), code="empty"
            )
        first = locked.minutes_published_at is None
        locked.minutes_published_at = timezone.now()
        locked.save(update_fields=["minutes_published_at", "updated_at"])
        session.minutes_published_at = locked.minutes_published_at
        if first:
            members = (
                CommunityMembership.objects.filter(community=locked.community_id)
                .exclude(user=actor)
                .select_related("user")
                .order_by("pk")
            )
            for membership in members:
                notify(
                    recipient=membership.user,
                    kind="meetings.minutes_published",
                    context=_context(locked),
                    url=f"{locked.get_absolute_url()}#compte-rendu",
                    actor=actor,
                    network=locked.community.network,
                    community=locked.community,
                )
    return first


def _one_line(text) -> str:
    """A follow-up is one line: it goes into notification titles and email subjects."""
    return " ".join((text or "").split())


def _check_follow_up(
    session: Session, follow_up: FollowUp, *, check_assignee: bool = True
) -> None:
    errors = {}
    try:
        follow_up.full_clean(exclude=["session", "created_by", "assignee"])
    except ValidationError as error:
        errors.update(error.message_dict)
    if follow_up.due_on is not None and not (
        FIRST_YEAR <= follow_up.due_on.year <= LAST_YEAR
    ):
        errors["due_on"] = [
            _("Entrez une date entre %(first)s et %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        ]
    if (
        check_assignee
        and follow_up.assignee_id is not None
        and not _member_ids(session.community_id, [follow_up.assignee_id])
    ):
        errors["assignee"] = [
            _("La personne responsable doit être membre de la communauté.")
        ]
    if errors:
        raise ValidationError(errors)


def _tell_assignee(follow_up: FollowUp, session: Session, actor) -> None:
    if follow_up.assignee is None or follow_up.assignee_id == getattr(
        actor, "pk", None
    ):
        return
    notify(
        recipient=follow_up.assignee,
        kind="meetings.follow_up_assigned",
        context=_context(session, follow_up=follow_up.description[:200]),
        url=f"{session.get_absolute_url()}#suivis",
        actor=actor,
        network=session.community.network,
        community=session.community,
    )


def add_follow_up(
    *,
    session: Session,
    actor,
    description: str,
    assignee=None,
    due_on: date | None = None,
) -> FollowUp:
    """A follow-up action; the person given it (a member) is told."""
    if session.is_cancelled():
        raise ValidationError(_("Une rencontre annulée n'a pas de suivis."))
    follow_up = FollowUp(
        session=session,
        description=_one_line(description),
        assignee=assignee,
        due_on=due_on,
        status=FollowUpStatus.OPEN,
        created_by=actor,
    )
    _check_follow_up(session, follow_up)
    with transaction.atomic():
        follow_up.save()
        _tell_assignee(follow_up, session, actor)
    return follow_up


def update_follow_up(
    *,
    follow_up: FollowUp,
    actor,
    status: str,
    description=_UNCHANGED,
    assignee=_UNCHANGED,
    due_on=_UNCHANGED,
) -> FollowUp:
    """Changes a follow-up's status (and, for facilitators, what, who, when).

    Done or abandoned sets ``closed_at``; reopening clears it. A new assignee is
    told.
    """
    session = follow_up.session
    previous_assignee = follow_up.assignee_id
    if status not in FollowUpStatus.values:
        raise ValidationError({"status": _("Choisissez un statut de la liste.")})
    if description is not _UNCHANGED:
        follow_up.description = _one_line(description)
    if assignee is not _UNCHANGED:
        follow_up.assignee = assignee
    if due_on is not _UNCHANGED:
        follow_up.due_on = due_on
    was_open = follow_up.is_open()
    follow_up.status = status
    if follow_up.is_open():
        follow_up.closed_at = None
    elif was_open or follow_up.closed_at is None:
        follow_up.closed_at = timezone.now()
    _check_follow_up(
        session, follow_up, check_assignee=follow_up.assignee_id != previous_assignee
    )
    with transaction.atomic():
        follow_up.save()
        if follow_up.assignee_id != previous_assignee:
            _tell_assignee(follow_up, session, actor)
    return follow_up
