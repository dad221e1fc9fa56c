"""Who gets what from the library's authoring URLs (tests/test_access_matrix.py).

A fresh tool is made for each role, written by network A's community member in
the members-only community « pedagogie ». In co-construction it is the
community's and the project leads' (everyone else of network A: 404, like
network B's admin); a signed-out person is sent to sign in. A public tool's page
and file are read by everyone, signed in or not; its versions stay the
collaborators' (403 for readers).
"""

from entraide.core.testing import Rule
from entraide.library.tests.factories import make_tool

OUTSIDE = (
    "member",
    "management",
    "other_community_member",
    "regional_committee",
    "scientific_committee",
)
LEADS = ("project_lead", "admin")
COLLABORATORS = (*LEADS, "community_member", "facilitator")
EDITORS = COLLABORATORS  # the creator, the facilitator and the leads


def _tool_at(status, **fields):
    def kwargs(world):
        tool = make_tool(
            world.network,
            community=world.community,
            created_by=world.people["community_member"],
            status=status,
            **fields,
        )
        return {"network": world.network.slug, "pk": tool.pk}

    return kwargs


def _with_number(factory):
    def kwargs(world):
        return {**factory(world), "number": 1}

    return kwargs


def _diff(factory):
    def kwargs(world):
        return {**factory(world), "old": 1, "new": 1}

    return kwargs


IN_PROGRESS = _tool_at("in_progress", body="Le menu de la semaine")
WITH_FILE = _tool_at("in_progress", with_file=True)
PUBLIC = _tool_at("published", scope="public", with_file=True)
VALIDATED = _tool_at("validated", body="Validé")


def expect(*, acting, refused=(), ok=200, hidden=404, anonymous=302):
    table = {"anonymous": anonymous, "other_network_admin": 404}
    for role in (*OUTSIDE, *COLLABORATORS):
        table[role] = hidden
    table.update(dict.fromkeys(refused, 403))
    table.update(dict.fromkeys(acting, ok))
    return table


EDIT_DATA = {
    "title": "Gabarit de menu revu",
    "kind": "template",
    "language": "fr",
    "licence": "cc_by",
    "body": "Le menu, revu.",
    "lock_version": "0",
}
NETWORK = {"network": "reseau-a"}
MEMBERS = {"anonymous": 302, "other_network_admin": 404}
# Starting a tool: in one's communities (every community role here has one) or,
# for leads, for the network; a plain member or management without one: 403.
CREATE = {
    **MEMBERS,
    "member": 403,
    "management": 403,
    **dict.fromkeys(
        (
            "community_member",
            "other_community_member",
            "facilitator",
            "regional_committee",
            "scientific_committee",
            *LEADS,
        ),
        200,
    ),
}


def _without_communities(world):
    """Earlier rules of the matrix post to communities:join, which makes the
    plain member and management members of the open community: take that back so
    that they have no community to start a tool in."""
    from entraide.communities.models import CommunityMembership

    CommunityMembership.objects.filter(
        user__in=[world.people["member"], world.people["management"]],
        community__network=world.network,
    ).delete()


# A public tool: its page and the published file are everyone's.
EVERYONE: dict = {}
COMMUNITY = {"network": "reseau-a", "slug": "pedagogie"}

RULES = [
    Rule("library:mine", kwargs=NETWORK, expect=MEMBERS),
    Rule(
        "library:create",
        kwargs=NETWORK,
        expect=CREATE,
        setup=_without_communities,
    ),
    Rule(
        "library:create",
        method="POST",
        kwargs=NETWORK,
        data={},
        expect=CREATE,
        setup=_without_communities,
    ),
    Rule("library:detail", kwargs=IN_PROGRESS, expect=expect(acting=COLLABORATORS)),
    Rule("library:detail", kwargs=PUBLIC, expect=EVERYONE),
    Rule("library:detail", method="POST", kwargs=PUBLIC, default=405),
    Rule("library:edit", kwargs=IN_PROGRESS, expect=expect(acting=EDITORS)),
    Rule(
        "library:edit",
        method="POST",
        kwargs=IN_PROGRESS,
        data=EDIT_DATA,
        expect=expect(acting=EDITORS, ok=302),
    ),
    Rule(
        "library:edit",
        kwargs=VALIDATED,
        expect=expect(acting=(), refused=COLLABORATORS),
    ),
    Rule("library:co_authors", kwargs=IN_PROGRESS, expect=expect(acting=EDITORS)),
    Rule(
        "library:co_authors",
        method="POST",
        kwargs=IN_PROGRESS,
        data={},
        expect=expect(acting=EDITORS, ok=302),
    ),
    Rule("library:versions", kwargs=IN_PROGRESS, expect=expect(acting=COLLABORATORS)),
    Rule(
        "library:versions",
        kwargs=PUBLIC,
        expect=expect(
            acting=COLLABORATORS,
            refused=(*OUTSIDE, "other_network_admin"),
            anonymous=302,
        ),
    ),
    Rule(
        "library:version_diff",
        kwargs=_diff(IN_PROGRESS),
        expect=expect(acting=COLLABORATORS),
    ),
    Rule(
        "library:version_file",
        kwargs=_with_number(WITH_FILE),
        expect=expect(acting=COLLABORATORS),
    ),
    Rule(
        "library:version_file",
        kwargs=_with_number(PUBLIC),
        expect=EVERYONE,
    ),
    Rule("library:file", kwargs=WITH_FILE, expect=expect(acting=COLLABORATORS)),
    Rule("library:file", kwargs=PUBLIC, expect=EVERYONE),
    Rule(
        "library:community",
        kwargs=COMMUNITY,
        expect=expect(acting=COLLABORATORS),
    ),
]
