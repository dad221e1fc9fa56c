"""Who may see, edit, name co-authors of and download a tool: truth tables over
the fixture's people × the tool's statuses.

The tool is built by the community « Alimentation », created by ``author`` with
``co_author``; once published, it is read by the whole network.
"""

import pytest

from entraide.library import permissions as perms
from entraide.library.models import Tool, ToolVersion
from entraide.library.tests.factories import make_tool

pytestmark = pytest.mark.django_db

PEOPLE = (
    "facilitator",
    "author",
    "co_author",
    "member",
    "partner",
    "network_member",
    "lead",
    "outsider",
)
STATUSES = ("in_progress", "validated", "published", "archived")
COMMUNITY = {"facilitator", "author", "co_author", "member", "partner", "lead"}
ALL = set(STATUSES)

TABLES = {
    # Collaborators see it at every status; the network once it is published.
    "can_view_tool": {
        **{person: ALL for person in COMMUNITY},
        "network_member": {"published"},
        "outsider": set(),
    },
    # Co-authors, the facilitator and the lead, in co-construction only.
    "can_edit_tool": {
        **dict.fromkeys(
            ("author", "co_author", "facilitator", "lead"), {"in_progress"}
        ),
    },
    # Its creator, the facilitator and the lead, until it is archived.
    "can_manage_co_authors": {
        **dict.fromkeys(
            ("author", "facilitator", "lead"), {"in_progress", "validated", "published"}
        ),
    },
    # The published version is the network's; every version the collaborators'.
    "can_download_version": {
        **{person: ALL for person in COMMUNITY},
        "network_member": {"published"},
    },
}


@pytest.fixture
def tools(library):
    made = {}
    for status in STATUSES:
        tool = make_tool(
            library.network,
            community=library.community,
            created_by=library.author,
            status=status,
            scope="network" if status == "published" else "",
            with_file=True,
        )
        tool.co_authors.add(library.co_author)
        made[status] = tool
    return made


def _ask(predicate, viewer, tool):
    if predicate == "can_download_version":
        return perms.can_download_version(viewer, tool, tool.current_version)
    return getattr(perms, predicate)(viewer, tool)


@pytest.mark.parametrize("predicate", sorted(TABLES))
@pytest.mark.parametrize("person", PEOPLE)
def test_truth_table(library, tools, predicate, person):
    viewer = perms.viewer_for(getattr(library, person), library.network)
    allowed = TABLES[predicate].get(person, set())
    got = {
        status
        for status, tool in tools.items()
        if _ask(predicate, viewer, perms_tool(tool))
    }
    assert got == allowed


def perms_tool(tool):
    """The tool as views read it (co-authors prefetched)."""
    return (
        Tool.objects.prefetch_related("co_authors")
        .select_related("current_version")
        .get(pk=tool.pk)
    )


def test_anonymous_sees_only_public_tools(library):
    viewer = perms.viewer_for(None, library.network)
    private = make_tool(library.network, status="published", scope="network")
    public = make_tool(library.network, status="published", scope="public")
    assert not perms.can_view_tool(viewer, private)
    assert perms.can_view_tool(viewer, public)
    assert perms.can_download_version(viewer, public, public.current_version)
    assert not perms.can_edit_tool(viewer, public)


def test_readers_do_not_download_a_working_version(library, tools):
    tool = tools["published"]
    newer = ToolVersion.objects.create(tool=tool, number=2, title="v2")
    viewer = perms.viewer_for(library.network_member, library.network)
    assert not perms.can_download_version(viewer, tool, newer)
    collaborator = perms.viewer_for(library.member, library.network)
    assert perms.can_download_version(collaborator, tool, newer)
