"""Who may do what with a sheet: predicate × role × state, as a truth table."""

import pytest

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.practices import permissions as perms
from entraide.practices.models import SheetState as S
from entraide.practices.tests.access_workflow import make_sheet

ROLES = (
    "author",
    "co_author",
    "peer",
    "rep",
    "rep_b",
    "evaluator",
    "lead",
    "management",
    "outsider",
    "anonymous",
)
EVERY_STATE = tuple(S)
AUTHORS = {"author", "co_author"}
READERS = AUTHORS | {"rep", "rep_b", "lead", "management"}
REGIONAL = {"rep", "rep_b", "lead"}

# For each predicate: the roles allowed, state by state (unlisted state: nobody).
TABLE = {
    "can_view_sheet": {
        S.DRAFT: AUTHORS,
        S.SUBMITTED: READERS,
        S.NEEDS_CHANGES: READERS,
        S.RETAINED: READERS,
        S.NOT_RETAINED: READERS,
        S.SENT_TO_SCIENTIFIC: READERS | {"evaluator"},
        S.EVALUATED: READERS | {"evaluator"},
        S.FORMALISED: READERS | {"evaluator"},
        S.PUBLISHED: READERS | {"evaluator"},
    },
    "can_edit_sheet": {S.DRAFT: AUTHORS, S.NEEDS_CHANGES: AUTHORS},
    "can_submit": {S.DRAFT: AUTHORS, S.NEEDS_CHANGES: AUTHORS},
    "can_review": {S.SUBMITTED: REGIONAL},
    "can_send_to_scientific": {S.RETAINED: REGIONAL},
    "can_evaluate": {S.SENT_TO_SCIENTIFIC: {"evaluator"}},
    "can_mark_evaluated": {S.SENT_TO_SCIENTIFIC: {"evaluator", "lead"}},
    "can_formalise": {
        S.RETAINED: REGIONAL,
        S.EVALUATED: REGIONAL,
        S.FORMALISED: REGIONAL,
    },
    "can_publish": {S.FORMALISED: {"lead"}},
    "can_revise": {S.PUBLISHED: {"lead"}},
}


@pytest.fixture
def people(inventory):
    co_author = make_member(inventory.network, "co@mcq.example")
    management = make_member(
        inventory.network, "direction@mcq.example", role="management"
    )
    return {
        "author": inventory.author,
        "co_author": co_author,
        "peer": inventory.peer,
        "rep": inventory.rep,
        "rep_b": inventory.rep_b,
        "evaluator": inventory.evaluator,
        "lead": inventory.lead,
        "management": management,
        "outsider": inventory.outsider,
        "anonymous": None,
    }


@pytest.mark.parametrize("state", EVERY_STATE)
def test_each_predicate_follows_the_table_for_every_role(inventory, people, state):
    sheet = make_sheet(
        inventory.network,
        inventory.author,
        state=state,
        subregion=inventory.subregion,
    )
    sheet.co_authors.add(people["co_author"])
    got, expected = {}, {}
    for role in ROLES:
        viewer = perms.viewer_for(people[role], inventory.network)
        for name in TABLE:
            got[role, name] = getattr(perms, name)(viewer, sheet)
            expected[role, name] = role in TABLE[name].get(state, set())
    assert got == expected


def test_the_regional_queue_is_for_the_committee_and_the_leads(inventory, people):
    allowed = {
        role
        for role in ROLES
        if perms.can_view_regional_queue(
            perms.viewer_for(people[role], inventory.network)
        )
    }
    assert allowed == REGIONAL


def test_a_representative_never_decides_on_their_own_sheet(inventory):
    sheet = make_sheet(inventory.network, inventory.rep, state=S.SUBMITTED)
    viewer = perms.viewer_for(inventory.rep, inventory.network)
    assert perms.can_view_sheet(viewer, sheet)
    assert not perms.can_review(viewer, sheet)


def test_nobody_of_another_network_sees_or_decides(inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    viewer = perms.viewer_for(inventory.outsider, inventory.other_network)
    assert not perms.can_view_sheet(viewer, sheet)
    assert not perms.can_review(viewer, sheet)


def test_a_person_removed_from_the_committee_loses_the_queue_at_once(inventory):
    CommunityMembership.objects.filter(user=inventory.rep).delete()
    viewer = perms.viewer_for(inventory.rep, inventory.network)
    assert not perms.can_view_regional_queue(viewer)
