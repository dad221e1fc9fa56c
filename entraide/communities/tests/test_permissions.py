"""Truth tables: every action × role × visibility (and join policy)."""

import pytest
from django.utils import timezone

from entraide.communities import permissions as p
from entraide.communities.models import Community, CommunityMembership
from entraide.networks.models import Membership

# Who the person is, relative to one community of one network.
ROLES = {
    "outsider": (None, None),  # anonymous, or of another network
    "network_member": ("member", None),
    "management": ("management", None),
    "project_lead": ("project_lead", None),
    "admin": ("admin", None),
    "member": ("member", "member"),
    "observer": ("member", "observer"),
    "facilitator": ("member", "facilitator"),
    "co_facilitator": ("member", "co_facilitator"),
    "mentor": ("member", "mentor"),
}


def build(role, *, visibility="network", join_policy="request", archived=False):
    community = Community(
        pk=1,
        network_id=1,
        slug="c",
        name="C",
        visibility=visibility,
        join_policy=join_policy,
        archived_at=timezone.now() if archived else None,
    )
    network_role, community_role = ROLES[role]
    nm = Membership(pk=1, network_id=1, role=network_role) if network_role else None
    member = (
        CommunityMembership(pk=1, community_id=1, role=community_role)
        if community_role
        else None
    )
    return community, nm, member


EVERYONE = set(ROLES)
NETWORK = EVERYONE - {"outsider"}
MANAGERS = {"project_lead", "admin"}
MEMBERS = {"member", "observer", "facilitator", "co_facilitator", "mentor"}
RUNNERS = MANAGERS | {"facilitator", "co_facilitator", "mentor"}


@pytest.mark.parametrize(
    ("visibility", "allowed"),
    [("public", EVERYONE), ("network", NETWORK), ("members", MEMBERS | MANAGERS)],
)
@pytest.mark.parametrize("role", ROLES)
def test_who_sees_the_community(role, visibility, allowed):
    community, nm, member = build(role, visibility=visibility)
    assert p.can_view_community(community, nm, member) is (role in allowed)


@pytest.mark.parametrize("role", ROLES)
def test_an_invitation_opens_a_members_only_page_to_network_people(role):
    community, nm, member = build(role, visibility="members")
    expected = role in NETWORK
    assert p.can_view_community(community, nm, member, invited=True) is expected


@pytest.mark.parametrize("visibility", ["public", "network", "members"])
@pytest.mark.parametrize("role", ROLES)
def test_content_is_for_members_only_whatever_the_visibility(role, visibility):
    community, nm, member = build(role, visibility=visibility)
    assert p.can_view_content(community, nm, member) is (role in MEMBERS)
    assert p.can_view_members(community, nm, member) is (role in MEMBERS | RUNNERS)


@pytest.mark.parametrize(
    ("policy", "join", "ask"),
    [
        ("open", NETWORK - MEMBERS, set()),
        ("request", set(), NETWORK - MEMBERS),
        ("invitation", set(), set()),
    ],
)
@pytest.mark.parametrize("archived", [False, True])
@pytest.mark.parametrize("role", ROLES)
def test_who_may_join_or_ask(role, policy, join, ask, archived):
    community, nm, member = build(role, join_policy=policy, archived=archived)
    assert p.can_join(community, nm, member) is (role in join and not archived)
    assert p.can_request_to_join(community, nm, member) is (
        role in ask and not archived
    )


@pytest.mark.parametrize("role", ROLES)
def test_who_runs_the_community(role):
    community, nm, member = build(role)
    assert p.can_facilitate(member, nm) is (role in RUNNERS)
    assert p.can_edit_community(member, nm) is (role in RUNNERS)
    assert p.can_manage_members(community, member, nm) is (role in RUNNERS)
    assert p.can_create_community(nm) is (role in MANAGERS)
    assert p.can_archive_community(nm) is (role in MANAGERS)
    assert p.can_change_structure(nm) is (role in MANAGERS)
    assert p.can_leave(member) is (role in MEMBERS)


@pytest.mark.parametrize("role", ROLES)
def test_nobody_manages_members_of_an_archived_community(role):
    community, nm, member = build(role, archived=True)
    assert not p.can_manage_members(community, member, nm)


@pytest.mark.parametrize("role", ROLES)
def test_runners_change_others_but_not_themselves(role):
    community, nm, member = build(role)
    other = CommunityMembership(pk=99, community_id=1, role="member")
    assert p.can_change_member(community, member, nm, other) is (role in RUNNERS)
    if member is not None:
        assert not p.can_change_member(community, member, nm, member)
    foreign = CommunityMembership(pk=98, community_id=2, role="member")
    assert not p.can_change_member(community, member, nm, foreign)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["regional_committee", "practice"])
def test_only_managers_fill_seats_of_a_regional_committee(role, kind):
    community, nm, _member = build(role)
    community.kind = kind
    community.seats_per_subregion = 2
    has_seats = kind == "regional_committee"
    assert p.can_view_seats(community) is has_seats
    assert p.can_manage_seats(community, nm) is (has_seats and role in MANAGERS)
