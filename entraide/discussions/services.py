"""Every write of the discussions: threads, replies, marks, follows, moderation.

Views check who may act (``permissions.py``); services check the data, write in one
transaction, keep the counters right and notify, after commit, only people who are
still members of the community.
"""

import re
import unicodedata
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entraide.communities.models import CommunityMembership
from entraide.communities.permissions import can_facilitate
from entraide.core.uploads import CheckedUpload
from entraide.discussions.models import (
    Attachment,
    Follow,
    HelpfulMark,
    ModerationAction,
    ModerationEvent,
    Reply,
    Report,
    ReportStatus,
    Thread,
)
from entraide.notifications.services import notify
from entraide.search.services import index_later

MAX_FILES_PER_POST = 5
MAX_MENTIONS_PER_POST = 20
MENTION_RE = re.compile(r"(?<![\w@.])@([a-z0-9][a-z0-9._-]*[a-z0-9])", re.IGNORECASE)


# --- Mentions ---------------------------------------------------------------------


def handle_of(user) -> str:
    """A person's mention handle: ``prenom.nom`` in lowercase, without accents."""
    name = f"{user.first_name}.{user.last_name}".strip(".")
    if not name:
        name = user.email.split("@")[0]
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    )
    return re.sub(r"[^a-z0-9.]+", "-", ascii_name).strip("-.")


def mentioned_members(community, text: str) -> list:
    """Members of this community named as ``@prenom.nom`` in the text.

    A handle that is not a member of the community resolves to nobody, so a mention
    never reaches (or reveals anything to) someone outside the community.
    """
    handles = {match.lower() for match in MENTION_RE.findall(text or "")}
    if not handles:
        return []
    handles = set(sorted(handles)[:MAX_MENTIONS_PER_POST])
    memberships = CommunityMembership.objects.filter(
        community=community, user__is_active=True
    ).select_related("user")
    return [m.user for m in memberships if handle_of(m.user) in handles]


# --- Helpers ----------------------------------------------------------------------


def _member_ids(community, user_ids: Iterable[int]) -> set[int]:
    return set(
        CommunityMembership.objects.filter(
            community=community, user_id__in=set(user_ids), user__is_active=True
        ).values_list("user_id", flat=True)
    )


def _context(thread: Thread, actor) -> dict:
    return {
        "community": thread.community.name,
        "thread": thread.title,
        "person": str(actor) if actor else "",
    }


def _notify_members(*, community, recipients, kind, thread, actor, url) -> None:
    """Notify each recipient who is still a member of the community, once."""
    by_id = {user.pk: user for user in recipients if user is not None}
    for user_id in sorted(_member_ids(community, by_id)):
        notify(
            recipient=by_id[user_id],
            kind=kind,
            context=_context(thread, actor),
            url=url,
            actor=actor,
            network=community.network,
            community=community,
        )


def _store_files(*, thread, reply, files, user, stored: list[str]) -> None:
    for upload in files:
        attachment = Attachment(
            thread=thread,
            reply=reply,
            uploaded_by=user,
            original_name=upload.original_name,
            content_type=upload.content_type,
            size=upload.size,
        )
        attachment.file.save(f"piece{upload.extension}", upload.content, save=False)
        stored.append(attachment.file.name)
        attachment.full_clean(exclude=["thread", "reply", "uploaded_by"])
        attachment.save()


def _discard(stored: list[str]) -> None:
    """Remove files written by a transaction that did not commit."""
    storage = Attachment._meta.get_field("file").storage
    for name in stored:
        storage.delete(name)


def _check_files(files) -> list[CheckedUpload]:
    files = list(files)
    if len(files) > MAX_FILES_PER_POST:
        raise ValidationError(
            {"attachments": _("Joignez au plus 5 fichiers par message.")}
        )
    if any(not isinstance(f, CheckedUpload) for f in files):
        raise TypeError("attachments must come from entraide.core.uploads")
    return files


def _refresh_reply_count(thread: Thread) -> None:
    thread.reply_count = Reply.objects.filter(
        thread=thread, hidden_at__isnull=True, deleted_at__isnull=True
    ).count()
    Thread.objects.filter(pk=thread.pk).update(reply_count=thread.reply_count)


def _locked(thread: Thread) -> Thread:
    """The thread's row locked for this transaction, so counters stay right."""
    locked = Thread.objects.select_for_update().get(pk=thread.pk)
    locked.community = thread.community
    return locked


# --- Threads and replies ----------------------------------------------------------


def start_thread(
    *, community, author, kind: str, title: str, body: str, files=()
) -> Thread:
    files = _check_files(files)
    now = timezone.now()
    thread = Thread(
        community=community,
        author=author,
        kind=kind,
        title=title.strip(),
        body=body,
        last_activity_at=now,
    )
    thread.full_clean(exclude=["community", "author"])
    stored: list[str] = []
    try:
        with transaction.atomic():
            thread.save()
            index_later(thread)
            Follow.objects.create(thread=thread, user=author)
            _store_files(
                thread=thread, reply=None, files=files, user=author, stored=stored
            )
            mentioned = [u for u in mentioned_members(community, body) if u != author]
            _notify_members(
                community=community,
                recipients=mentioned,
                kind="discussions.mention",
                thread=thread,
                actor=author,
                url=thread.get_absolute_url(),
            )
    except BaseException:
        _discard(stored)
        raise
    return thread


def post_reply(*, thread: Thread, author, body: str, files=()) -> Reply:
    files = _check_files(files)
    reply = Reply(thread=thread, author=author, body=body)
    reply.full_clean(exclude=["thread", "author"])
    community = thread.community
    stored: list[str] = []
    try:
        with transaction.atomic():
            thread = _locked(thread)
            reply.thread = thread
            reply.save()
            _store_files(
                thread=thread, reply=reply, files=files, user=author, stored=stored
            )
            _refresh_reply_count(thread)
            thread.last_activity_at = reply.created_at
            Thread.objects.filter(pk=thread.pk).update(
                last_activity_at=reply.created_at
            )
            mentioned = [u for u in mentioned_members(community, body) if u != author]
            followers = [
                f.user
                for f in Follow.objects.filter(thread=thread)
                .exclude(user=author)
                .select_related("user")
            ]
            mentioned_ids = {u.pk for u in mentioned}
            url = reply.get_absolute_url()
            _notify_members(
                community=community,
                recipients=mentioned,
                kind="discussions.mention",
                thread=thread,
                actor=author,
                url=url,
            )
            _notify_members(
                community=community,
                recipients=[u for u in followers if u.pk not in mentioned_ids],
                kind="discussions.reply",
                thread=thread,
                actor=author,
                url=url,
            )
    except BaseException:
        _discard(stored)
        raise
    return reply


def edit_thread(*, thread: Thread, actor, kind: str, title: str, body: str) -> Thread:
    before = {u.pk for u in mentioned_members(thread.community, thread.body)}
    thread.kind = kind
    thread.title = title.strip()
    thread.body = body
    thread.edited_at = timezone.now()
    thread.full_clean(exclude=["community", "author"])
    with transaction.atomic():
        thread.save(update_fields=["kind", "title", "body", "edited_at"])
        index_later(thread)
        _notify_new_mentions(thread, thread, actor, before, thread.get_absolute_url())
    return thread


def edit_reply(*, reply: Reply, actor, body: str) -> Reply:
    thread = reply.thread
    before = {u.pk for u in mentioned_members(thread.community, reply.body)}
    reply.body = body
    reply.edited_at = timezone.now()
    reply.full_clean(exclude=["thread", "author"])
    with transaction.atomic():
        reply.save(update_fields=["body", "edited_at"])
        _notify_new_mentions(thread, reply, actor, before, reply.get_absolute_url())
    return reply


def _notify_new_mentions(thread, post, actor, before: set[int], url: str) -> None:
    """Only people mentioned for the first time by this edit hear of it."""
    mentioned = [
        u
        for u in mentioned_members(thread.community, post.body)
        if u.pk not in before and u != actor
    ]
    _notify_members(
        community=thread.community,
        recipients=mentioned,
        kind="discussions.mention",
        thread=thread,
        actor=actor,
        url=url,
    )


def delete_post(*, post: Thread | Reply, actor) -> Thread | Reply:
    """Soft delete: the post shows "Message supprimé"; replies stay in place."""
    if post.is_deleted:
        return post
    with transaction.atomic():
        post.deleted_at = timezone.now()
        post.save(update_fields=["deleted_at"])
        index_later(post)
        if isinstance(post, Reply):
            _refresh_reply_count(_locked(post.thread))
    return post


# --- Helpful marks and follows ----------------------------------------------------


def toggle_helpful(*, reply: Reply, user) -> bool:
    """Mark the reply as helpful to this person, or take the mark back.

    Returns whether the mark is now set; the reply's count is kept right under
    concurrent clicks by counting the marks again inside the transaction.
    """
    with transaction.atomic():
        deleted, _ = HelpfulMark.objects.filter(reply=reply, user=user).delete()
        marked = not deleted
        if marked:
            try:
                with transaction.atomic():
                    HelpfulMark.objects.create(reply=reply, user=user)
            except IntegrityError:
                pass
        reply.helpful_count = HelpfulMark.objects.filter(reply=reply).count()
        Reply.objects.filter(pk=reply.pk).update(helpful_count=reply.helpful_count)
    return marked


def set_following(*, thread: Thread, user, follow: bool) -> bool:
    if follow:
        Follow.objects.get_or_create(thread=thread, user=user)
    else:
        Follow.objects.filter(thread=thread, user=user).delete()
    return follow


# --- Moderation -------------------------------------------------------------------


def _reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": _("Indiquez un motif.")})
    if len(reason) > 1000:
        raise ValidationError(
            {"reason": _("Le motif ne peut dépasser 1 000 caractères.")}
        )
    return reason


def _event(post, actor, action: str, reason: str = "") -> None:
    thread = post if isinstance(post, Thread) else post.thread
    ModerationEvent.objects.create(
        community=thread.community,
        thread=thread,
        reply=post if isinstance(post, Reply) else None,
        actor=actor,
        action=action,
        reason=reason,
    )


def hide_post(*, post: Thread | Reply, actor, reason: str) -> Thread | Reply:
    reason = _reason(reason, required=True)
    thread = post if isinstance(post, Thread) else post.thread
    with transaction.atomic():
        post.hidden_at = timezone.now()
        post.hidden_by = actor
        post.hidden_reason = reason
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        index_later(post)
        if isinstance(post, Reply):
            _refresh_reply_count(_locked(thread))
        _event(post, actor, ModerationAction.HIDE, reason)
        if post.author_id and post.author_id != actor.pk:
            _notify_members(
                community=thread.community,
                recipients=[post.author],
                kind="discussions.hidden",
                thread=thread,
                actor=actor,
                url=thread.get_absolute_url() if isinstance(post, Reply) else "",
            )
    return post


def unhide_post(*, post: Thread | Reply, actor) -> Thread | Reply:
    with transaction.atomic():
        post.hidden_at = None
        post.hidden_by = None
        post.hidden_reason = ""
        post.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])
        index_later(post)
        if isinstance(post, Reply):
            _refresh_reply_count(_locked(post.thread))
        _event(post, actor, ModerationAction.UNHIDE)
    return post


def set_locked(*, thread: Thread, actor, locked: bool) -> Thread:
    with transaction.atomic():
        thread.is_locked = locked
        thread.save(update_fields=["is_locked"])
        _event(
            thread, actor, ModerationAction.LOCK if locked else ModerationAction.UNLOCK
        )
    return thread


def set_pinned(*, thread: Thread, actor, pinned: bool) -> Thread:
    with transaction.atomic():
        thread.is_pinned = pinned
        thread.save(update_fields=["is_pinned"])
        _event(
            thread, actor, ModerationAction.PIN if pinned else ModerationAction.UNPIN
        )
    return thread


# --- Reports ----------------------------------------------------------------------


def report_post(*, post: Thread | Reply, reporter, reason: str) -> Report:
    """Tell the community's facilitators about a post, with the reporter's reason."""
    reason = _reason(reason, required=True)
    thread = post if isinstance(post, Thread) else post.thread
    community = thread.community
    report = Report(
        community=community,
        thread=thread,
        reply=post if isinstance(post, Reply) else None,
        reporter=reporter,
        reason=reason,
    )
    with transaction.atomic():
        report.save()
        facilitators = [
            m.user
            for m in CommunityMembership.objects.filter(community=community)
            .select_related("user")
            .order_by("pk")
            if can_facilitate(m, None) and m.user_id != reporter.pk
        ]
        _notify_members(
            community=community,
            recipients=facilitators,
            kind="discussions.reported",
            thread=thread,
            actor=None,
            url=_reports_url(community),
        )
    return report


def _reports_url(community) -> str:
    from django.urls import reverse

    return reverse(
        "discussions:reports",
        kwargs={"network": community.network.slug, "community": community.slug},
    )


def resolve_report(*, report: Report, actor, resolution: str = "") -> Report:
    resolution = _reason(resolution, required=False)
    if report.status == ReportStatus.RESOLVED:
        return report
    with transaction.atomic():
        report.status = ReportStatus.RESOLVED
        report.resolved_by = actor
        report.resolved_at = timezone.now()
        report.resolution = resolution
        report.save(
            update_fields=["status", "resolved_by", "resolved_at", "resolution"]
        )
        _event(
            report.reply or report.thread, actor, ModerationAction.RESOLVE, resolution
        )
        _notify_members(
            community=report.community,
            recipients=[report.reporter],
            kind="discussions.report_resolved",
            thread=report.thread,
            actor=actor,
            url=report.thread.get_absolute_url(),
        )
    return report
