"""What each kind puts in the index, and who may find it, mirroring each app's
own visibility rules (``selectors.py`` of practices, library, communities,
discussions, meetings; ``communities.selectors.profile_visible_to``).

A builder returns the row's fields, or ``None`` when nobody should find the
object through search (a draft, a hidden thread, an archived tool).
"""

from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone, translation

from entraide.accounts.models import ProfileVisibility
from entraide.communities.models import Community, Visibility
from entraide.discussions.models import Thread
from entraide.library.models import Tool, ToolScope, ToolStatus
from entraide.meetings.models import Session
from entraide.networks.models import Membership
from entraide.practices.models import PracticeSheet, Scope
from entraide.search.models import Audience, Kind

# Longer bodies are cut: snippets come from the start, and the rest adds little.
BODY_MAX = 20_000

PRACTICE_AUDIENCE = {
    Scope.PUBLIC: Audience.PUBLIC,
    Scope.PROVINCIAL: Audience.POOLED,
    Scope.NETWORK: Audience.NETWORK,
}
TOOL_AUDIENCE = {
    ToolScope.PUBLIC: Audience.PUBLIC,
    ToolScope.NETWORK: Audience.NETWORK,
    ToolScope.COMMUNITY: Audience.COMMUNITY,
}
COMMUNITY_AUDIENCE = {
    Visibility.PUBLIC: Audience.PUBLIC,
    Visibility.NETWORK: Audience.NETWORK,
    Visibility.MEMBERS: Audience.COMMUNITY,
}


def _join(*parts) -> str:
    return "\n".join(str(part) for part in parts if part)[:BODY_MAX]


def practice_document(sheet: PracticeSheet) -> dict | None:
    """Published sheets only, in their published version (a sheet under revision
    stays readable as it was published)."""
    version = sheet.published_version
    audience = PRACTICE_AUDIENCE.get(sheet.scope)
    if version is None or audience is None:
        return None
    return {
        "network_id": sheet.network_id,
        "community_id": None,
        "user_id": None,
        "audience": audience,
        "managers_see": False,
        "title": version.title,
        "body": _join(
            version.summary,
            version.context_need,
            version.steps,
            version.resources,
            version.results,
            *(theme.name for theme in sheet.themes.all()),
            sheet.zone.name if sheet.zone_id else "",
        ),
        "context": sheet.zone.name if sheet.zone_id else "",
        "url": reverse(
            "practices:practice",
            kwargs={"network": sheet.network.slug, "pk": sheet.pk},
        ),
        "updated_at": sheet.published_at or sheet.updated_at,
    }


def tool_document(tool: Tool) -> dict | None:
    """Like ``library.selectors.readable_tools``: a published version, not archived."""
    version = tool.published_version
    audience = TOOL_AUDIENCE.get(tool.scope)
    if version is None or audience is None or tool.status == ToolStatus.ARCHIVED:
        return None
    if audience == Audience.COMMUNITY and tool.community_id is None:
        return None
    with translation.override("fr-ca"):
        kind = str(tool.get_kind_display())
    return {
        "network_id": tool.network_id,
        "community_id": tool.community_id,
        "user_id": None,
        "audience": audience,
        "managers_see": True,
        "title": version.title,
        "body": _join(
            version.description,
            version.body,
            kind,
            *(theme.name for theme in tool.themes.all()),
        ),
        "context": tool.community.name if tool.community_id else "",
        "url": tool.get_absolute_url(),
        "updated_at": tool.published_at or tool.updated_at,
    }


def community_document(community: Community) -> dict | None:
    """Name, mandate and means: what its page shows to those who may see it.
    Members-only communities are listed to their members and the managers."""
    return {
        "network_id": community.network_id,
        "community_id": community.pk,
        "user_id": None,
        "audience": COMMUNITY_AUDIENCE.get(community.visibility, Audience.COMMUNITY),
        "managers_see": True,
        "title": community.name,
        "body": _join(community.mandate, community.means),
        "context": "",
        "url": community.get_absolute_url(),
        "updated_at": community.archived_at or community.created_at,
    }


def thread_document(thread: Thread) -> dict | None:
    """Discussions are for the community's members only; hidden and deleted
    threads are never found."""
    if thread.hidden_at is not None or thread.deleted_at is not None:
        return None
    return {
        "network_id": thread.community.network_id,
        "community_id": thread.community_id,
        "user_id": None,
        "audience": Audience.COMMUNITY,
        "managers_see": False,
        "title": thread.title,
        "body": _join(thread.body),
        "context": thread.community.name,
        "url": thread.get_absolute_url(),
        "updated_at": thread.last_activity_at or thread.created_at,
    }


def session_document(session: Session) -> dict | None:
    """Sessions are for the community's members only."""
    return {
        "network_id": session.community.network_id,
        "community_id": session.community_id,
        "user_id": None,
        "audience": Audience.COMMUNITY,
        "managers_see": False,
        "title": session.title,
        "body": _join(session.theme, session.description),
        "context": session.community.name,
        "url": session.get_absolute_url(),
        "updated_at": session.starts_at,
    }


def person_document(membership: Membership) -> dict | None:
    """A person as a member of one network: their name and organisation. A
    profile open to the network is found by its members; otherwise by fellow
    members of the person's communities (read live when searching)."""
    user = membership.user
    name = user.get_full_name()
    if not name or not user.is_active:
        return None
    return {
        "network_id": membership.network_id,
        "community_id": None,
        "user_id": user.pk,
        "audience": Audience.NETWORK
        if user.profile_visibility == ProfileVisibility.NETWORK
        else Audience.PROFILE,
        "managers_see": False,
        "title": name,
        "body": _join(membership.organisation.name if membership.organisation else ""),
        "context": membership.organisation.name if membership.organisation else "",
        "url": "",
        "updated_at": user.date_joined or timezone.now(),
    }


def _practices() -> QuerySet:
    return (
        PracticeSheet.objects.filter(published_version__isnull=False)
        .select_related("network", "published_version", "zone")
        .prefetch_related("themes")
    )


def _tools() -> QuerySet:
    return (
        Tool.objects.filter(published_version__isnull=False)
        .select_related("network", "community", "published_version")
        .prefetch_related("themes")
    )


def _communities() -> QuerySet:
    return Community.objects.select_related("network")


def _threads() -> QuerySet:
    return Thread.objects.filter(
        hidden_at__isnull=True, deleted_at__isnull=True
    ).select_related("community__network")


def _sessions() -> QuerySet:
    return Session.objects.select_related("community__network")


def _people() -> QuerySet:
    return Membership.objects.select_related("user", "organisation").filter(
        user__is_active=True
    )


# kind: (its source rows, the builder of a row)
SOURCES = {
    Kind.PRACTICE: (_practices, practice_document),
    Kind.TOOL: (_tools, tool_document),
    Kind.COMMUNITY: (_communities, community_document),
    Kind.THREAD: (_threads, thread_document),
    Kind.SESSION: (_sessions, session_document),
    Kind.PERSON: (_people, person_document),
}
MODEL_KIND = {
    PracticeSheet: Kind.PRACTICE,
    Tool: Kind.TOOL,
    Community: Kind.COMMUNITY,
    Thread: Kind.THREAD,
    Session: Kind.SESSION,
    Membership: Kind.PERSON,
}


def object_id(kind: str, obj) -> int:
    """A person's row is stored under the person, once per network."""
    return obj.user_id if kind == Kind.PERSON else obj.pk


def source_rows(kind: str, pks: Iterable[int] | None = None) -> Iterator:
    rows, _builder = SOURCES[kind]
    queryset = rows()
    if pks is not None:
        queryset = queryset.filter(pk__in=list(pks))
    return queryset.order_by("pk").iterator(chunk_size=500)


def build(kind: str, obj) -> dict | None:
    _rows, builder = SOURCES[kind]
    return builder(obj)
