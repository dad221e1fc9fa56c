"""Access rules of the workflow pages (gathered in access.py), and ``make_sheet``.

A fresh sheet is made for each role (``kwargs`` is called once per role), so the
first person allowed to decide does not move the sheet out of the next one's reach.
Network A's plain ``member`` writes the sheets: a draft is theirs alone (404 for
everyone else); a submitted sheet is for the regional committee and the leads.
"""

from entraide.core.testing import Rule
from entraide.practices.models import PracticeSheet, SheetState, SheetVersion


def make_sheet(
    network,
    author,
    *,
    state=SheetState.DRAFT,
    title="Les routines du matin",
    summary="Accueillir chaque enfant par son prénom.",
    steps="1. Accueillir. 2. Chanter.",
    **fields,
) -> PracticeSheet:
    """A sheet at ``state`` with one author version, made directly (no service)."""
    sheet = PracticeSheet.objects.create(
        network=network, author=author, state=state, **fields
    )
    version = SheetVersion.objects.create(
        sheet=sheet,
        number=1,
        created_by=author,
        title=title,
        summary=summary,
        steps=steps,
    )
    sheet.current_version = version
    sheet.save(update_fields=["current_version"])
    return sheet


def _kwargs_at(state):
    def kwargs(world):
        sheet = make_sheet(world.network, world.people["member"], state=state)
        return {"network": world.network.slug, "pk": sheet.pk}

    return kwargs


def _network(world):
    return {"network": world.network.slug}


def _bulk_data(world):
    sheet = make_sheet(
        world.network, world.people["member"], state=SheetState.SUBMITTED
    )
    return {"sheets": [sheet.pk], "action": "retain", "comment": ""}


COMMUNITY_ROLES = (
    "community_member",
    "other_community_member",
    "facilitator",
    "scientific_committee",
)
# A draft: its author only.
AUTHOR_ONLY = {
    "anonymous": 302,
    "member": 200,
    "management": 404,
    "project_lead": 404,
    "admin": 404,
    "other_network_admin": 404,
    "regional_committee": 404,
    **dict.fromkeys(COMMUNITY_ROLES, 404),
}
AUTHOR_ACTS = {**AUTHOR_ONLY, "member": 302}
# A submitted or retained sheet: the regional committee and the leads decide;
# management reads it (403 on deciding); the author may not decide on it.
DECIDERS = {
    "anonymous": 302,
    "member": 403,
    "management": 403,
    "project_lead": 200,
    "admin": 200,
    "other_network_admin": 404,
    "regional_committee": 200,
    **dict.fromkeys(COMMUNITY_ROLES, 404),
}
DECIDERS_ACT = {
    **DECIDERS,
    "project_lead": 302,
    "admin": 302,
    "regional_committee": 302,
}
QUEUE = {
    "anonymous": 302,
    "member": 403,
    "management": 403,
    "project_lead": 200,
    "admin": 200,
    "other_network_admin": 403,
    "regional_committee": 200,
    **dict.fromkeys(COMMUNITY_ROLES, 403),
}
QUEUE_ACTS = {**QUEUE, "project_lead": 302, "admin": 302, "regional_committee": 302}

# A sheet with the scientific committee: its members and the leads end the
# evaluation; the regional committee and management read it (403 on acting).
EVALUATORS = {
    **DECIDERS,
    "regional_committee": 403,
    "scientific_committee": 200,
}
EVALUATORS_ACT = {
    **EVALUATORS,
    "project_lead": 302,
    "admin": 302,
    "scientific_committee": 302,
}

SUBMITTED = _kwargs_at(SheetState.SUBMITTED)
WITH_SCIENTIFIC = _kwargs_at(SheetState.SENT_TO_SCIENTIFIC)
RETAINED = _kwargs_at(SheetState.RETAINED)
DRAFT = _kwargs_at(SheetState.DRAFT)


def _comment(world):
    return {"comment": "Préciser le matériel."}


def _reason(world):
    return {"reason": "Hors du mandat de la recension."}


RULES = [
    Rule("practices:submit", kwargs=DRAFT, expect=AUTHOR_ONLY),
    Rule(
        "practices:submit",
        method="POST",
        kwargs=DRAFT,
        data={"comment": ""},
        expect=AUTHOR_ACTS,
    ),
    Rule("practices:request_changes", kwargs=SUBMITTED, expect=DECIDERS),
    Rule(
        "practices:request_changes",
        method="POST",
        kwargs=SUBMITTED,
        data=_comment,
        expect=DECIDERS_ACT,
    ),
    Rule("practices:retain", kwargs=SUBMITTED, expect=DECIDERS),
    Rule(
        "practices:retain",
        method="POST",
        kwargs=SUBMITTED,
        data={"comment": ""},
        expect=DECIDERS_ACT,
    ),
    Rule("practices:decline", kwargs=SUBMITTED, expect=DECIDERS),
    Rule(
        "practices:decline",
        method="POST",
        kwargs=SUBMITTED,
        data=_reason,
        expect=DECIDERS_ACT,
    ),
    Rule("practices:send_to_scientific", kwargs=RETAINED, expect=DECIDERS),
    Rule(
        "practices:send_to_scientific",
        method="POST",
        kwargs=RETAINED,
        data={"comment": ""},
        expect=DECIDERS_ACT,
    ),
    Rule("practices:mark_evaluated", kwargs=WITH_SCIENTIFIC, expect=EVALUATORS),
    Rule(
        "practices:mark_evaluated",
        method="POST",
        kwargs=WITH_SCIENTIFIC,
        data={"comment": ""},
        expect=EVALUATORS_ACT,
    ),
    Rule("practices:regional_queue", kwargs=_network, expect=QUEUE),
    Rule(
        "practices:regional_bulk",
        kwargs=_network,
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "practices:regional_bulk",
        method="POST",
        kwargs=_network,
        data=_bulk_data,
        expect=QUEUE_ACTS,
    ),
]
