"""Working together on a tool: comments and suggestions, « Je l'ai utilisé », and
its links to practice sheets and agenda items.

Who may call each service is decided by ``permissions.py`` in the views; the
services check what holds whoever calls them (an archived tool takes no comment,
a suggestion is decided once, a person reports a use once).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.communities.models import FACILITATING_ROLES, CommunityMembership
from entraide.library import selectors_links
from entraide.library.models import (
    CommentKind,
    SuggestionStatus,
    Tool,
    ToolComment,
    ToolStatus,
    ToolUse,
)
from entraide.library.permissions import Viewer
from entraide.library.services.workflow import authors, clean_text, tell

COMMENT_MAX = 5000
USE_COMMENT_MAX = 500


def _person(user) -> str:
    return user.get_full_name() or user.email


def _facilitators(tool: Tool) -> list:
    if tool.community_id is None:
        return []
    return [
        m.user
        for m in CommunityMembership.objects.filter(
            community=tool.community_id,
            role__in=FACILITATING_ROLES,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    ]


def add_comment(
    *, tool: Tool, actor, body: str, kind: str = CommentKind.COMMENT
) -> ToolComment:
    """A comment, or a change suggested, about the tool's current version; its
    creator, co-authors and the community's facilitators are told."""
    body = clean_text(body, field="body", limit=COMMENT_MAX, required=True)
    if kind not in CommentKind.values:
        raise ValidationError(
            {"kind": _("Choisissez un commentaire ou une suggestion.")}, code="kind"
        )
    with transaction.atomic():
        current = Tool.objects.select_for_update().filter(pk=tool.pk).first()
        if current is None or current.status == ToolStatus.ARCHIVED:
            raise ValidationError(
                _("Cet outil est archivé : on ne peut plus le commenter."),
                code="archived",
            )
        comment = ToolComment(
            tool=current,
            author=actor,
            kind=kind,
            body=body,
            version_id=current.current_version_id,
            suggestion_status=(
                SuggestionStatus.OPEN if kind == CommentKind.SUGGESTION else ""
            ),
        )
        comment.full_clean(exclude=["tool", "author", "version"])
        comment.save()
        tell(
            [*authors(tool), *_facilitators(tool)],
            tool,
            actor,
            "library.commented",
            person=_person(actor),
        )
    return comment


def resolve_suggestion(*, comment: ToolComment, actor, outcome: str) -> ToolComment:
    """Accepted or declined, once; the person who suggested it is told."""
    if outcome not in (SuggestionStatus.ACCEPTED, SuggestionStatus.DECLINED):
        raise ValidationError(
            {"outcome": _("Choisissez de retenir ou d'écarter la suggestion.")},
            code="outcome",
        )
    with transaction.atomic():
        current = (
            ToolComment.objects.select_for_update()
            .filter(pk=comment.pk, kind=CommentKind.SUGGESTION)
            .first()
        )
        if current is None or current.suggestion_status != SuggestionStatus.OPEN:
            raise ValidationError(
                _("Une suite a déjà été donnée à cette suggestion."), code="resolved"
            )
        now = timezone.now()
        ToolComment.objects.filter(pk=current.pk).update(
            suggestion_status=outcome, resolved_by=actor, resolved_at=now
        )
        for obj in (current, comment):
            obj.suggestion_status = outcome
            obj.resolved_by = actor
            obj.resolved_at = now
        tool = comment.tool
        tell(
            [comment.author],
            tool,
            actor,
            "library.suggestion_resolved",
            outcome=outcome,
        )
    return comment


def report_use(*, tool: Tool, actor, comment: str = "") -> ToolUse:
    """« Je l'ai utilisé dans mon milieu »: once per person; a second time only
    changes the comment."""
    comment = clean_text(comment, field="comment", limit=USE_COMMENT_MAX)
    with transaction.atomic():
        # The tool's row serialises two reports of one person (double click).
        Tool.objects.select_for_update().filter(pk=tool.pk).first()
        use = ToolUse.objects.filter(tool=tool, user=actor).first()
        if use is not None:
            use.comment = comment
            use.save(update_fields=["comment"])
            return use
        use = ToolUse(tool=tool, user=actor, comment=comment)
        use.full_clean(exclude=["tool", "user"])
        use.save()
        Tool.objects.filter(pk=tool.pk).update(use_count=F("use_count") + 1)
    tool.refresh_from_db(fields=["use_count"])
    return use


def remove_use(*, tool: Tool, actor) -> bool:
    """Take back one's report; ``False`` when there was none."""
    with transaction.atomic():
        Tool.objects.select_for_update().filter(pk=tool.pk).first()
        deleted, _rows = ToolUse.objects.filter(tool=tool, user=actor).delete()
        if deleted:
            Tool.objects.filter(pk=tool.pk, use_count__gt=0).update(
                use_count=F("use_count") - 1
            )
    tool.refresh_from_db(fields=["use_count"])
    return bool(deleted)


def set_links(*, tool: Tool, viewer: Viewer, practices=(), agenda_items=()) -> Tool:
    """The practice sheets and agenda items linked to the tool.

    Only sheets the person may read and agenda items of the tool's community's
    sessions can be chosen (anything else is refused); links to sheets the person
    cannot read, made by someone else, are kept.
    """
    practice_ids = {int(pk) for pk in practices}
    item_ids = {int(pk) for pk in agenda_items}
    readable = set(
        selectors_links.linkable_practices(viewer)
        .filter(pk__in=practice_ids)
        .values_list("pk", flat=True)
    )
    allowed_items = set(
        selectors_links.linkable_agenda_items(tool)
        .filter(pk__in=item_ids)
        .values_list("pk", flat=True)
    )
    errors = {}
    if practice_ids - readable:
        errors["practices"] = _(
            "Une des fiches choisies n'est pas une fiche publiée que vous pouvez lire."
        )
    if item_ids - allowed_items:
        errors["agenda_items"] = _(
            "Un des points choisis n'est pas à l'ordre du jour d'une rencontre "
            "de la communauté de l'outil."
        )
    if errors:
        raise ValidationError(errors, code="not_linkable")
    with transaction.atomic():
        Tool.objects.select_for_update().filter(pk=tool.pk).first()
        visible = set(
            selectors_links.linkable_practices(viewer)
            .filter(pk__in=tool.practices.values("pk"))
            .values_list("pk", flat=True)
        )
        hidden = set(tool.practices.values_list("pk", flat=True)) - visible
        tool.practices.set(readable | hidden)
        tool.agenda_items.set(allowed_items)
    return tool
