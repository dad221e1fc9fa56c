"""Who may comment, take each step, report a use and link, as truth tables over
the fixture's people × the tool's statuses."""

import pytest

from entraide.library import permissions as perms
from entraide.library.models import ToolStatus
from entraide.library.tests.factories import make_tool

S = ToolStatus
PEOPLE = (
    "anonymous",
    "facilitator",
    "author",
    "co_author",
    "member",
    "partner",
    "network_member",
    "lead",
    "outsider",
)
COMMUNITY = {"facilitator", "author", "co_author", "member", "partner"}
FACILITATORS = {"facilitator", "lead"}
NETWORK = COMMUNITY | {"network_member", "lead"}
LIVE = (S.IN_PROGRESS, S.VALIDATED, S.PUBLISHED)

# predicate: {status: people allowed}
TABLE = {
    "can_comment": {
        **dict.fromkeys(LIVE, COMMUNITY | {"lead"}),
        S.ARCHIVED: set(),
    },
    "can_validate": {S.IN_PROGRESS: FACILITATORS},
    "can_publish": {S.VALIDATED: {"lead"}},
    "can_reopen": {S.VALIDATED: FACILITATORS, S.PUBLISHED: FACILITATORS},
    "can_archive": dict.fromkeys(LIVE, FACILITATORS),
    "can_restore": {S.ARCHIVED: FACILITATORS},
    # The published tool is read by the network (scope « network »).
    "can_report_use": {S.PUBLISHED: NETWORK},
    "can_link": dict.fromkeys(LIVE, {"author", "co_author"} | FACILITATORS),
}


@pytest.fixture
def viewers(library):
    def viewer(name):
        user = None if name == "anonymous" else getattr(library, name)
        return perms.viewer_for(user, library.network)

    return {name: viewer(name) for name in PEOPLE}


@pytest.mark.parametrize("predicate", sorted(TABLE))
@pytest.mark.parametrize("status", list(S))
def test_truth_table(library, viewers, predicate, status):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=status,
    )
    tool.co_authors.add(library.co_author)
    check = getattr(perms, predicate)
    allowed = {name for name in PEOPLE if check(viewers[name], tool)}
    assert allowed == TABLE[predicate].get(status, set())


def test_a_co_author_from_outside_the_community_works_on_the_tool(library, viewers):
    tool = make_tool(
        library.network, community=library.community, created_by=library.author
    )
    tool.co_authors.add(library.network_member)
    outside = perms.viewer_for(library.network_member, library.network)
    assert perms.can_comment(outside, tool)
    assert perms.can_link(outside, tool)
    assert not perms.can_validate(outside, tool)
