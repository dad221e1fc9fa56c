"""Writes to a session's agenda: points, proposals from members, their documents.

Every change to the order locks the session row first, then the agenda rows, so
two facilitators reordering at once wait for each other instead of interleaving
their renumbering. Accepted points are numbered 1, 2, 3… without gaps; proposals
and declined points keep position 0, outside the order.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entraide.communities.models import FACILITATING_ROLES, CommunityMembership
from entraide.core.uploads import CheckedUpload, check_upload
from entraide.meetings.models import (
    AgendaDocument,
    AgendaItem,
    AgendaStatus,
    Session,
)
from entraide.notifications.kinds import Detail, EmailExtras
from entraide.notifications.services import notify

ITEM_FIELDS = (
    "title",
    "description",
    "duration_minutes",
    "presenter",
    "presenter_name",
)
MAX_DOCUMENTS_PER_ITEM = 10
UP = "up"
DOWN = "down"


def _context(item: AgendaItem, **extra) -> dict:
    session = item.session
    return {
        "community": session.community.name,
        "session": session.title,
        "session_id": session.pk,
        "item": item.title,
        **extra,
    }


def _lock_session(session: Session) -> None:
    """Every agenda write of one session waits for the one before it."""
    Session.objects.select_for_update().filter(pk=session.pk).first()


def _accepted(session: Session):
    return AgendaItem.objects.filter(
        session=session, status=AgendaStatus.ACCEPTED
    ).order_by("position", "pk")


def _renumber(items: list[AgendaItem]) -> None:
    changed = []
    for index, item in enumerate(items, start=1):
        if item.position != index:
            item.position = index
            changed.append(item)
    if changed:
        AgendaItem.objects.bulk_update(changed, ["position"])


def _next_position(session: Session) -> int:
    return _accepted(session).count() + 1


def _check_presenter(session: Session, presenter) -> None:
    if presenter is None:
        return
    is_member = CommunityMembership.objects.filter(
        community=session.community_id, user=presenter
    ).exists()
    if not is_member:
        raise ValidationError(
            {
                "presenter": _(
                    "La personne qui présente doit être membre de la communauté. "
                    "Pour une personne invitée, écrivez plutôt son nom."
                )
            }
        )


def _build(item: AgendaItem, fields: dict) -> AgendaItem:
    for name, value in fields.items():
        if name in ITEM_FIELDS:
            setattr(item, name, value)
    item.title = (item.title or "").strip()
    item.presenter_name = (item.presenter_name or "").strip()
    if item.presenter is not None:
        item.presenter_name = ""
    item.full_clean(exclude=["session", "presenter", "proposed_by", "position"])
    _check_presenter(item.session, item.presenter)
    return item


def add_item(*, session: Session, actor, **fields) -> AgendaItem:
    """A facilitator's point: accepted at once, placed last."""
    item = _build(
        AgendaItem(session=session, proposed_by=actor, status=AgendaStatus.ACCEPTED),
        fields,
    )
    with transaction.atomic():
        _lock_session(session)
        item.position = _next_position(session)
        item.save()
    return item


def propose_item(*, session: Session, actor, **fields) -> AgendaItem:
    """A member's suggestion, waiting for the facilitators, who are told of it."""
    item = _build(
        AgendaItem(
            session=session,
            proposed_by=actor,
            status=AgendaStatus.PROPOSED,
            position=0,
        ),
        fields,
    )
    facilitators = (
        CommunityMembership.objects.filter(
            community=session.community_id, role__in=FACILITATING_ROLES
        )
        .exclude(user=actor)
        .select_related("user")
        .order_by("user_id")
    )
    with transaction.atomic():
        item.save()
        for membership in facilitators:
            notify(
                recipient=membership.user,
                kind="meetings.agenda_proposed",
                context=_context(item, person=actor.get_full_name() or actor.email),
                url=session.get_absolute_url(),
                actor=actor,
                network=session.community.network,
                community=session.community,
            )
    return item


def _tell_proposer(item: AgendaItem, actor, kind: str, **extra) -> None:
    proposer = item.proposed_by
    if proposer is None or proposer == actor:
        return
    notify(
        recipient=proposer,
        kind=kind,
        context=_context(item, **extra),
        url=item.session.get_absolute_url(),
        actor=actor,
        network=item.session.community.network,
        community=item.session.community,
    )


def _still_proposed(item: AgendaItem) -> AgendaItem:
    current = AgendaItem.objects.select_for_update().filter(pk=item.pk).first()
    if current is None or current.status != AgendaStatus.PROPOSED:
        raise ValidationError(
            _("Cette proposition a déjà été traitée."), code="not_proposed"
        )
    return current


def accept_item(*, item: AgendaItem, actor) -> AgendaItem:
    """The proposal joins the agenda, last, and its proposer is told."""
    with transaction.atomic():
        _lock_session(item.session)
        current = _still_proposed(item)
        item.status = AgendaStatus.ACCEPTED
        item.position = _next_position(item.session)
        current.status, current.position = item.status, item.position
        current.save(update_fields=["status", "position"])
        _tell_proposer(item, actor, "meetings.agenda_accepted")
    return item


def decline_item(*, item: AgendaItem, actor, reason: str = "") -> AgendaItem:
    """The proposal stays out of the agenda; its proposer is told, with the reason."""
    reason = (reason or "").strip()
    if len(reason) > 1000:
        raise ValidationError(
            {"reason": _("Le motif compte au plus 1 000 caractères.")}
        )
    with transaction.atomic():
        _lock_session(item.session)
        current = _still_proposed(item)
        item.status = current.status = AgendaStatus.DECLINED
        item.position = current.position = 0
        current.save(update_fields=["status", "position"])
        _tell_proposer(item, actor, "meetings.agenda_declined", reason=reason)
    return item


def update_item(*, item: AgendaItem, actor, **fields) -> AgendaItem:
    _build(item, fields)
    with transaction.atomic():
        item.save(update_fields=list(ITEM_FIELDS))
    return item


def _discard_files(names: list[str]) -> None:
    storage = AgendaDocument._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def delete_item(*, item: AgendaItem, actor) -> None:
    """The point, its documents and their files; the order closes the gap."""
    with transaction.atomic():
        _lock_session(item.session)
        names = list(item.documents.values_list("file", flat=True))
        was_accepted = item.status == AgendaStatus.ACCEPTED
        item.delete()
        if was_accepted:
            _renumber(list(_accepted(item.session).select_for_update()))
        transaction.on_commit(lambda: _discard_files(names))


def move_item(*, item: AgendaItem, direction: str) -> AgendaItem:
    """One place up or down among the accepted points; the order is renumbered."""
    if direction not in (UP, DOWN):
        raise ValueError(direction)
    if item.status != AgendaStatus.ACCEPTED:
        raise ValidationError(
            _("Seuls les points retenus ont une place dans l'ordre du jour."),
            code="not_accepted",
        )
    with transaction.atomic():
        _lock_session(item.session)
        items = list(_accepted(item.session).select_for_update())
        index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
        if index is None:
            raise ValidationError(
                _("Ce point n'est plus à l'ordre du jour."), code="gone"
            )
        target = index - 1 if direction == UP else index + 1
        if 0 <= target < len(items):
            items[index], items[target] = items[target], items[index]
        _renumber(items)
        item.position = next(o.position for o in items if o.pk == item.pk)
    return item


def attach_document(*, item: AgendaItem, actor, uploaded) -> AgendaDocument:
    """The file checked from its content, stored under a generated name.

    When anything fails after the file was written, the file is removed again: no
    row without its file, no file without its row.
    """
    try:
        checked: CheckedUpload = check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from None
    if item.documents.count() >= MAX_DOCUMENTS_PER_ITEM:
        raise ValidationError(
            {"file": _("Un point compte au plus 10 documents.")}, code="too_many"
        )
    document = AgendaDocument(
        item=item,
        uploaded_by=actor,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
    )
    stored: list[str] = []
    try:
        with transaction.atomic():
            document.file.save(
                f"document{checked.extension}", checked.content, save=False
            )
            stored.append(document.file.name)
            document.full_clean(exclude=["item", "uploaded_by"])
            document.save()
    except BaseException:
        _discard_files(stored)
        raise
    return document


def remove_document(*, document: AgendaDocument, actor) -> None:
    name = document.file.name
    with transaction.atomic():
        document.delete()
        transaction.on_commit(lambda: _discard_files([name]))


def declined_email_extras(notification) -> EmailExtras | None:
    """The facilitator's reason, when one was given, as a line of the email."""
    reason = notification.context.get("reason")
    if not isinstance(reason, str) or not reason:
        return None
    return EmailExtras(details=(Detail(_("Motif :"), reason),))
