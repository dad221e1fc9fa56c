"""A tool's steps, one service each: validated, published, reopened, archived,
restored.

Each service locks the tool's row, checks that the tool is still at a status the
step starts from (two facilitators deciding at once: the second is told), writes
one ``ToolTransition`` (who, from, to, scope, why) and tells those concerned once
the transaction commits. Who may call each one is decided by ``permissions.py``,
in the views.
"""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.library.models import (
    Tool,
    ToolScope,
    ToolStatus,
    ToolTransition,
    ToolVersion,
)
from entraide.library.search import tool_search_text
from entraide.networks.models import Membership, NetworkRole
from entraide.notifications.services import notify
from entraide.search.services import index_later

COMMENT_MAX = 2000


def clean_text(text: str, *, field: str, limit: int, required: bool = False) -> str:
    """Stripped text within ``limit``, without NUL, or a French error on ``field``."""
    text = (text or "").strip()
    if required and not text:
        _refuse(field, _("Ce champ est obligatoire."), "required")
    if len(text) > limit:
        _refuse(
            field,
            _("Le texte compte au plus %(limit)s caractères.")
            % {"limit": f"{limit:,}".replace(",", "\u00a0")},
            "max_length",
        )
    if "\x00" in text:
        _refuse(field, _("Le texte contient un caractère invalide."), "null")
    return text


def _refuse(field: str, message: str, code: str):
    raise ValidationError({field: ValidationError(message, code=code)})


def _locked(tool: Tool, allowed: Iterable[str]) -> Tool:
    """The tool's row, locked, if it is still at one of the ``allowed`` statuses."""
    current = Tool.objects.select_for_update().filter(pk=tool.pk).first()
    if current is None or current.status not in allowed:
        status = ToolStatus(current.status).label if current else ""
        raise ValidationError(
            _(
                "Cet outil n'est plus à une étape qui le permet "
                "(étape actuelle : %(status)s)."
            )
            % {"status": status},
            code="wrong_status",
        )
    return current


def _move(
    tool, current, actor, to_status: str, comment: str, *, history_scope="", **fields
):
    """Save the new status on both the locked row and the caller's object."""
    from_status = current.status
    for obj in (current, tool):
        obj.status = to_status
        for name, value in fields.items():
            setattr(obj, name, value)
    current.save(update_fields=["status", "updated_at", *fields])
    tool.updated_at = current.updated_at
    row = ToolTransition(
        tool=current,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        scope=history_scope,
        comment=comment,
    )
    row.full_clean(exclude=["tool", "actor"])
    row.save()
    readers_change = {ToolStatus.PUBLISHED, ToolStatus.ARCHIVED}
    if to_status in readers_change or from_status == ToolStatus.ARCHIVED:
        index_later(current)
    return row


def tell(people, tool: Tool, actor, kind: str, **extra) -> None:
    """Notify each person once, never the actor, after the transaction commits."""
    context = {"network": str(tool.network), "tool": str(tool), **extra}
    recipients = []
    seen = set()
    for person in people:
        if person is None or person.pk in seen or person == actor:
            continue
        seen.add(person.pk)
        recipients.append(person)
    url = tool.get_absolute_url()

    def send():
        for person in recipients:
            notify(
                recipient=person,
                kind=kind,
                context=context,
                url=url,
                actor=actor,
                network=tool.network,
                community=tool.community,
            )

    transaction.on_commit(send)


def authors(tool: Tool) -> list:
    """The creator and the co-authors, creator first."""
    return [tool.created_by, *tool.co_authors.order_by("pk")]


def project_leads(tool: Tool) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            network=tool.network_id,
            role=NetworkRole.PROJECT_LEAD,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    ]


def validate_tool(*, tool: Tool, actor, comment: str = "") -> Tool:
    """The community's facilitator says the tool is ready to be published."""
    comment = clean_text(comment, field="comment", limit=COMMENT_MAX)
    with transaction.atomic():
        current = _locked(tool, (ToolStatus.IN_PROGRESS,))
        if current.current_version_id is None:
            raise ValidationError(
                _("L'outil n'a pas encore de contenu à valider."), code="empty"
            )
        _move(
            tool,
            current,
            actor,
            ToolStatus.VALIDATED,
            comment,
            validated_at=timezone.now(),
        )
        tell([*authors(tool), *project_leads(tool)], tool, actor, "library.validated")
    return tool


def publish_tool(*, tool: Tool, actor, scope: str, comment: str = "") -> Tool:
    """The validated version goes to its readers: the community, the network or
    everyone."""
    comment = clean_text(comment, field="comment", limit=COMMENT_MAX)
    if scope not in ToolScope.values:
        raise ValidationError(
            {"scope": _("Choisissez à qui l'outil est diffusé.")}, code="scope"
        )
    with transaction.atomic():
        current = _locked(tool, (ToolStatus.VALIDATED,))
        version = ToolVersion.objects.filter(pk=current.current_version_id).first()
        if version is None:
            raise ValidationError(
                _("L'outil n'a pas de version à publier."), code="empty"
            )
        tool.current_version = version
        tool.published_version = version
        _move(
            tool,
            current,
            actor,
            ToolStatus.PUBLISHED,
            comment,
            history_scope=scope,
            scope=scope,
            published_version=version,
            published_at=timezone.now(),
            search_text=tool_search_text(tool),
        )
        tell(authors(tool), tool, actor, "library.published", scope=scope)
    return tool


def reopen_tool(*, tool: Tool, actor, comment: str = "") -> Tool:
    """Back to co-construction for a new version; readers keep the published one."""
    comment = clean_text(comment, field="comment", limit=COMMENT_MAX)
    with transaction.atomic():
        current = _locked(tool, (ToolStatus.VALIDATED, ToolStatus.PUBLISHED))
        _move(tool, current, actor, ToolStatus.IN_PROGRESS, comment)
    return tool


def archive_tool(*, tool: Tool, actor, comment: str = "") -> Tool:
    """Out of every list and page for readers; its community keeps its history."""
    comment = clean_text(comment, field="comment", limit=COMMENT_MAX)
    with transaction.atomic():
        current = _locked(
            tool,
            (ToolStatus.IN_PROGRESS, ToolStatus.VALIDATED, ToolStatus.PUBLISHED),
        )
        _move(tool, current, actor, ToolStatus.ARCHIVED, comment)
    return tool


def restore_tool(*, tool: Tool, actor, comment: str = "") -> Tool:
    """Back to the status it had when it was archived."""
    comment = clean_text(comment, field="comment", limit=COMMENT_MAX)
    with transaction.atomic():
        current = _locked(tool, (ToolStatus.ARCHIVED,))
        archived = (
            ToolTransition.objects.filter(tool=current, to_status=ToolStatus.ARCHIVED)
            .order_by("-created_at", "-pk")
            .first()
        )
        previous = archived.from_status if archived else ToolStatus.IN_PROGRESS
        if previous == ToolStatus.PUBLISHED and current.published_version_id is None:
            previous = ToolStatus.VALIDATED
        _move(tool, current, actor, previous, comment)
    return tool
