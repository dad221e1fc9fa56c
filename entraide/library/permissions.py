"""Who may see and do what with a tool and a reference dossier.

A ``Viewer`` is a person as seen from one network: their membership there and their
role in each of its communities, read once per request (two queries), so lists can
ask about many tools without more queries. Every predicate takes the viewer and the
object; views, templates and tests ask these and nothing else.

- The community that builds a tool works on it: its members read every version and
  comment; co-authors (and the tool's creator) edit while it is in co-construction;
  the community's facilitators validate; a project lead publishes.
- Readers see the published version only, as far as its scope allows: the
  community's members, the network's members, or everyone.
"""

from dataclasses import dataclass, field

from entraide.communities.models import FACILITATING_ROLES, CommunityMembership
from entraide.library.models import (
    Dossier,
    DossierScope,
    Tool,
    ToolScope,
    ToolStatus,
    ToolVersion,
)
from entraide.networks.models import MANAGING_ROLES, Membership


@dataclass(frozen=True)
class Viewer:
    user: object
    network: object
    membership: Membership | None
    # {community id: CommunityRole value} for the person's communities here.
    roles: dict = field(default_factory=dict)
    # Communities of the network that are archived (no new work there).
    archived: frozenset = frozenset()

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def is_signed_in(self) -> bool:
        return self.user is not None

    @property
    def leads(self) -> bool:
        """Project lead or network admin: publishes tools, builds dossiers."""
        return self.membership is not None and self.membership.role in MANAGING_ROLES

    def in_community(self, community_id) -> bool:
        return self.is_member and community_id in self.roles

    def facilitates(self, community_id) -> bool:
        return self.is_member and self.roles.get(community_id) in FACILITATING_ROLES

    def working_communities(self) -> list:
        """Communities where the person may start a tool (not archived)."""
        return [pk for pk in self.roles if pk not in self.archived]


def viewer_for(user, network) -> Viewer:
    """The person as seen from ``network`` (two queries; none when anonymous)."""
    if user is None or not user.is_authenticated:
        return Viewer(user=None, network=network, membership=None)
    membership = Membership.objects.filter(user=user, network=network).first()
    if membership is None:
        return Viewer(user=user, network=network, membership=None)
    rows = CommunityMembership.objects.filter(
        user=user, community__network=network
    ).values_list("community_id", "role", "community__archived_at")
    return Viewer(
        user=user,
        network=network,
        membership=membership,
        roles={pk: role for pk, role, _archived in rows},
        archived=frozenset(pk for pk, _role, archived in rows if archived),
    )


def _here(viewer: Viewer, obj) -> bool:
    return viewer.is_member and viewer.network.pk == obj.network_id


def is_co_author(viewer: Viewer, tool: Tool) -> bool:
    """The creator or a co-author (``co_authors`` should be prefetched)."""
    if viewer.user is None or not _here(viewer, tool):
        return False
    if tool.created_by_id == viewer.user.pk:
        return True
    return any(person.pk == viewer.user.pk for person in tool.co_authors.all())


def is_collaborator(viewer: Viewer, tool: Tool) -> bool:
    """Works on the tool: sees every version, its comments and its history."""
    if not _here(viewer, tool):
        return False
    return (
        viewer.leads
        or (tool.community_id is not None and viewer.in_community(tool.community_id))
        or is_co_author(viewer, tool)
    )


def can_read_published(viewer: Viewer, tool: Tool) -> bool:
    """A reader of the published version, as its scope allows."""
    if not tool.is_readable():
        return False
    if tool.scope == ToolScope.PUBLIC:
        return True
    if tool.scope == ToolScope.NETWORK:
        return _here(viewer, tool)
    return is_collaborator(viewer, tool)


def can_view_tool(viewer: Viewer, tool: Tool) -> bool:
    """Anyone else gets a 404, the same answer as for a missing tool."""
    return is_collaborator(viewer, tool) or can_read_published(viewer, tool)


def sees_working_version(viewer: Viewer, tool: Tool) -> bool:
    return is_collaborator(viewer, tool)


def can_download_version(viewer: Viewer, tool: Tool, version: ToolVersion) -> bool:
    """Collaborators download every version; readers the published one only."""
    if is_collaborator(viewer, tool):
        return True
    return version.pk == tool.published_version_id and can_read_published(viewer, tool)


def can_create_tool(viewer: Viewer, community=None) -> bool:
    """In a community one belongs to (not archived); project leads also for the
    network itself, without a community."""
    if not viewer.is_member:
        return False
    if community is None:
        return viewer.leads or bool(viewer.working_communities())
    if community.network_id != viewer.network.pk or community.is_archived():
        return False
    return viewer.in_community(community.pk) or viewer.leads


def _facilitates_tool(viewer: Viewer, tool: Tool) -> bool:
    return _here(viewer, tool) and (
        viewer.leads
        or (tool.community_id is not None and viewer.facilitates(tool.community_id))
    )


def can_edit_tool(viewer: Viewer, tool: Tool) -> bool:
    """Co-authors and the community's facilitators, while in co-construction."""
    return tool.is_editable() and (
        is_co_author(viewer, tool) or _facilitates_tool(viewer, tool)
    )


def can_manage_co_authors(viewer: Viewer, tool: Tool) -> bool:
    return tool.status != ToolStatus.ARCHIVED and (
        (viewer.user is not None and tool.created_by_id == viewer.user.pk)
        or _facilitates_tool(viewer, tool)
    )


def can_comment(viewer: Viewer, tool: Tool) -> bool:
    """Collaborators comment and suggest changes until the tool is archived."""
    return tool.status != ToolStatus.ARCHIVED and is_collaborator(viewer, tool)


def can_resolve_suggestion(viewer: Viewer, tool: Tool) -> bool:
    """Deciding what becomes of a suggestion: whoever may edit."""
    return can_edit_tool(viewer, tool)


def can_validate(viewer: Viewer, tool: Tool) -> bool:
    """The community's facilitators (or a project lead) validate a tool in
    co-construction that has content."""
    return (
        tool.status == ToolStatus.IN_PROGRESS
        and tool.current_version_id is not None
        and _facilitates_tool(viewer, tool)
    )


def can_publish(viewer: Viewer, tool: Tool) -> bool:
    return tool.status == ToolStatus.VALIDATED and _here(viewer, tool) and viewer.leads


def can_reopen(viewer: Viewer, tool: Tool) -> bool:
    """Back to co-construction for a new version; readers keep the published one."""
    return tool.status in (
        ToolStatus.VALIDATED,
        ToolStatus.PUBLISHED,
    ) and _facilitates_tool(viewer, tool)


def can_archive(viewer: Viewer, tool: Tool) -> bool:
    return tool.status != ToolStatus.ARCHIVED and _facilitates_tool(viewer, tool)


def can_restore(viewer: Viewer, tool: Tool) -> bool:
    return tool.status == ToolStatus.ARCHIVED and _facilitates_tool(viewer, tool)


def can_report_use(viewer: Viewer, tool: Tool) -> bool:
    """« Je l'ai utilisé »: any signed-in person who reads the published tool."""
    return viewer.is_signed_in and can_read_published(viewer, tool)


def can_link(viewer: Viewer, tool: Tool) -> bool:
    """Linking practice sheets and agenda items: co-authors and facilitators."""
    return tool.status != ToolStatus.ARCHIVED and (
        is_co_author(viewer, tool) or _facilitates_tool(viewer, tool)
    )


def can_manage_dossiers(viewer: Viewer) -> bool:
    return viewer.leads


def can_view_dossier(viewer: Viewer, dossier: Dossier) -> bool:
    if viewer.leads and _here(viewer, dossier):
        return True
    if not dossier.is_published:
        return False
    if dossier.scope == DossierScope.PUBLIC:
        return True
    return _here(viewer, dossier)


def can_edit_dossier(viewer: Viewer, dossier: Dossier) -> bool:
    return _here(viewer, dossier) and viewer.leads
