"""Reads of discussions, scoped to what a person may see."""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.http import Http404

from entraide.communities.selectors import CommunityAccess, community_for
from entraide.discussions.models import (
    Attachment,
    Follow,
    HelpfulMark,
    Reply,
    Report,
    ReportStatus,
    Thread,
    ThreadKind,
)
from entraide.discussions.permissions import can_moderate, can_read


def recent_threads(community, *, limit: int = 5) -> QuerySet[Thread]:
    """The community's visible threads, most recent activity first."""
    return (
        Thread.objects.filter(community=community, hidden_at__isnull=True)
        .select_related("author", "community__network")
        .order_by("-last_activity_at", "-pk")[:limit]
    )


def discussions_for(user, network_slug: str, community_slug: str) -> CommunityAccess:
    """The community whose discussions the person may read, or 404."""
    access = community_for(user, network_slug, community_slug)
    if not can_read(access):
        raise Http404
    return access


def threads_for(
    access: CommunityAccess,
    user,
    *,
    kind: str = "",
    followed: bool = False,
    unanswered: bool = False,
) -> QuerySet[Thread]:
    """The threads of the community this person may see, pinned first."""
    threads = Thread.objects.filter(community=access.community)
    if not can_moderate(access):
        threads = threads.filter(hidden_at__isnull=True)
    if kind in ThreadKind.values:
        threads = threads.filter(kind=kind)
    if followed:
        threads = threads.filter(follows__user=user)
    if unanswered:
        threads = threads.filter(
            kind=ThreadKind.QUESTION, reply_count=0, deleted_at__isnull=True
        )
    return threads.select_related("author").order_by(
        "-is_pinned", "-last_activity_at", "-pk"
    )


def thread_for(access: CommunityAccess, pk: int) -> Thread:
    """One thread of the community, or 404 (hidden ones for moderators only)."""
    threads = Thread.objects.filter(community=access.community, pk=pk)
    if not can_moderate(access):
        threads = threads.filter(hidden_at__isnull=True)
    thread = (
        threads.select_related("author", "hidden_by")
        .prefetch_related(
            Prefetch("attachments", queryset=Attachment.objects.filter(reply=None))
        )
        .first()
    )
    if thread is None:
        raise Http404
    thread.community = access.community
    return thread


def reply_for(access: CommunityAccess, thread: Thread, pk: int) -> Reply:
    replies = Reply.objects.filter(thread=thread, pk=pk)
    if not can_moderate(access):
        replies = replies.filter(hidden_at__isnull=True)
    reply = replies.select_related("author").first()
    if reply is None:
        raise Http404
    reply.thread = thread
    return reply


def replies_of(thread: Thread, user) -> QuerySet[Reply]:
    """The thread's replies in order, with what the page shows of each."""
    return (
        Reply.objects.filter(thread=thread)
        .select_related("author", "hidden_by")
        .prefetch_related("attachments")
        .annotate(
            marked_helpful=Exists(
                HelpfulMark.objects.filter(reply=OuterRef("pk"), user=user)
            )
        )
        .order_by("created_at", "pk")
    )


def is_following(thread: Thread, user) -> bool:
    return Follow.objects.filter(thread=thread, user=user).exists()


def open_reports(community) -> QuerySet[Report]:
    return (
        Report.objects.filter(community=community, status=ReportStatus.OPEN)
        .select_related("thread", "reply", "reporter")
        .order_by("created_at", "pk")
    )


def attachment_for(access: CommunityAccess, pk: int) -> Attachment:
    """An attachment of a post the person may see, or 404."""
    attachments = Attachment.objects.filter(
        thread__community=access.community, pk=pk, thread__deleted_at__isnull=True
    ).exclude(reply__deleted_at__isnull=False)
    if not can_moderate(access):
        attachments = attachments.filter(thread__hidden_at__isnull=True).exclude(
            reply__hidden_at__isnull=False
        )
    attachment = attachments.first()
    if attachment is None:
        raise Http404
    return attachment
