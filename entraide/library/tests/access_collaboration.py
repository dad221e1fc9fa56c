"""Who gets what from the library's collaboration URLs (tests/test_access_matrix.py).

A fresh tool is made for each role (``kwargs`` is called once per role), built by
network A's community member in the members-only community « pedagogie », so the
first person allowed to act does not move it out of the next one's reach.
Outside the community, a tool in co-construction is a 404; a published one
(network scope) is read by network A's members, who may not act on it (403).
"""

from entraide.core.testing import Rule
from entraide.library.models import CommentKind, SuggestionStatus, ToolComment
from entraide.library.tests.factories import make_tool

OUTSIDE = (
    "member",
    "management",
    "other_community_member",
    "regional_committee",
    "scientific_committee",
)
LEADS = ("project_lead", "admin")


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


def _suggestion(world):
    kwargs = _tool_at("in_progress")(world)
    note = ToolComment.objects.create(
        tool_id=kwargs["pk"],
        author=world.people["facilitator"],
        kind=CommentKind.SUGGESTION,
        body="Ajouter un exemple",
        suggestion_status=SuggestionStatus.OPEN,
    )
    return {**kwargs, "comment": note.pk}


IN_PROGRESS = _tool_at("in_progress")
VALIDATED = _tool_at("validated")
PUBLISHED = _tool_at("published", scope="network")
ARCHIVED = _tool_at("archived")


def expect(*, acting, refused=(), hidden_code=404, ok=302):
    """``acting`` get ``ok``; ``refused`` see the tool but may not (403); everyone
    else of network A gets ``hidden_code``; network B's admin 404."""
    table = {"anonymous": 302, "other_network_admin": 404}
    for role in (*OUTSIDE, *LEADS, "community_member", "facilitator"):
        table[role] = hidden_code
    table.update(dict.fromkeys(refused, 403))
    table.update(dict.fromkeys(acting, ok))
    return table


COLLABORATORS = (*LEADS, "community_member", "facilitator")
FACILITATORS = (*LEADS, "facilitator")
POST_ONLY = {"anonymous": 302}
COMMENT = {"comment": ""}


def _post_only(name, kwargs):
    return Rule(name, kwargs=kwargs, expect=POST_ONLY, default=405)


RULES = [
    _post_only("library:comment", IN_PROGRESS),
    Rule(
        "library:comment",
        method="POST",
        kwargs=IN_PROGRESS,
        data={"kind": "comment", "body": "Merci pour cet outil."},
        expect=expect(acting=COLLABORATORS),
    ),
    _post_only("library:resolve_suggestion", _suggestion),
    Rule(
        "library:resolve_suggestion",
        method="POST",
        kwargs=_suggestion,
        data={"outcome": "accepted"},
        expect=expect(acting=COLLABORATORS),
    ),
    _post_only("library:validate", IN_PROGRESS),
    Rule(
        "library:validate",
        method="POST",
        kwargs=IN_PROGRESS,
        data=COMMENT,
        expect=expect(acting=FACILITATORS, refused=("community_member",)),
    ),
    Rule(
        "library:publish",
        kwargs=VALIDATED,
        expect=expect(
            acting=LEADS, refused=("community_member", "facilitator"), ok=200
        ),
    ),
    Rule(
        "library:publish",
        method="POST",
        kwargs=VALIDATED,
        data={"scope": "public", "comment": ""},
        expect=expect(acting=LEADS, refused=("community_member", "facilitator")),
    ),
    _post_only("library:reopen", PUBLISHED),
    Rule(
        "library:reopen",
        method="POST",
        kwargs=PUBLISHED,
        data=COMMENT,
        expect=expect(acting=FACILITATORS, refused=("community_member", *OUTSIDE)),
    ),
    _post_only("library:archive", IN_PROGRESS),
    Rule(
        "library:archive",
        method="POST",
        kwargs=IN_PROGRESS,
        data=COMMENT,
        expect=expect(acting=FACILITATORS, refused=("community_member",)),
    ),
    _post_only("library:restore", ARCHIVED),
    Rule(
        "library:restore",
        method="POST",
        kwargs=ARCHIVED,
        data=COMMENT,
        expect=expect(acting=FACILITATORS, refused=("community_member",)),
    ),
    _post_only("library:report_use", PUBLISHED),
    Rule(
        "library:report_use",
        method="POST",
        kwargs=PUBLISHED,
        data={"comment": "Au dîner"},
        expect=expect(acting=(*COLLABORATORS, *OUTSIDE)),
    ),
    Rule(
        "library:links", kwargs=IN_PROGRESS, expect=expect(acting=COLLABORATORS, ok=200)
    ),
    Rule(
        "library:links",
        method="POST",
        kwargs=IN_PROGRESS,
        data={},
        expect=expect(acting=COLLABORATORS),
    ),
]
