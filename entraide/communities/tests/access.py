"""Who gets what from each communities URL (see tests/test_access_matrix.py).

Writes act on a fresh community per request, so one role's POST never changes
what the next role gets. POST-only addresses answer 405 to a GET before anything
is looked up.
"""

from itertools import count

from entraide.communities.models import (
    Community,
    CommunityInvitation,
    CommunityMembership,
    JoinRequest,
)
from entraide.communities.services import sync_seats
from entraide.core.testing import Rule, make_person
from entraide.networks.models import Membership

_serial = count(1)

A_PEOPLE = (
    "member",
    "management",
    "project_lead",
    "admin",
    "community_member",
    "other_community_member",
    "facilitator",
    "regional_committee",
    "scientific_committee",
)


def _kw(community, **extra):
    return {"network": community.network.slug, "community": community.slug, **extra}


def _fresh(
    world,
    *,
    visibility="members",
    join_policy="request",
    staffed=True,
    invite_all=False,
    everyone=False,
    archived=False,
):
    """A new community of network A; ``staffed``: the world's facilitator
    facilitates it and the world's community member belongs to it."""
    number = next(_serial)
    community = Community.objects.create(
        network=world.network,
        slug=f"fraiche-{number}",
        name=f"Fraîche {number}",
        visibility=visibility,
        join_policy=join_policy,
    )
    if archived:
        Community.objects.filter(pk=community.pk).update(
            archived_at=community.created_at
        )
    people = world.people
    if everyone:
        for key in A_PEOPLE:
            CommunityMembership.objects.create(community=community, user=people[key])
    elif staffed:
        CommunityMembership.objects.create(
            community=community, user=people["facilitator"], role="facilitator"
        )
        CommunityMembership.objects.create(
            community=community, user=people["community_member"]
        )
    if invite_all:
        for key in A_PEOPLE:
            if not community.memberships.filter(user=people[key]).exists():
                CommunityInvitation.objects.create(
                    community=community, user=people[key], invited_by=people["admin"]
                )
    world.extra["fresh"] = community
    return community


def _fresh_person(world, subregion=None):
    person = make_person(f"jetable-c{next(_serial)}@a.example")
    Membership.objects.create(network=world.network, user=person, subregion=subregion)
    return person


def _target_member(world):
    community = _fresh(world)
    target = CommunityMembership.objects.create(
        community=community, user=_fresh_person(world)
    )
    return _kw(community, pk=target.pk)


def _pending_request(world):
    community = _fresh(world)
    join_request = JoinRequest.objects.create(
        community=community, user=_fresh_person(world)
    )
    return _kw(community, pk=join_request.pk)


def _seats_of(community):
    if not community.seats.exists():
        sync_seats(community=community)
    return community.seats.order_by("pk")


def _fresh_committee_seat(world):
    number = next(_serial)
    committee = Community.objects.create(
        network=world.network,
        slug=f"comite-{number}",
        name=f"Comité {number}",
        kind="regional_committee",
        visibility="members",
        join_policy="invitation",
        seats_per_subregion=2,
    )
    seat = _seats_of(committee).first()
    world.extra["seat"] = seat
    return _kw(committee, pk=seat.pk)


def _seat_data(world):
    seat = world.extra["seat"]
    return {
        "email": _fresh_person(world, seat.subregion).email,
        "starts_on": "2026-09-01",
        "ends_on": "2028-08-31",
    }


def _community_data(world):
    return {
        "name": f"Communauté {next(_serial)}",
        "kind": "practice",
        "visibility": "network",
        "join_policy": "open",
        "seats_per_subregion": 0,
    }


def _invitee_data(world):
    return {"email": _fresh_person(world).email, "role": "member"}


# What each role sees of a members-only community of A that the world's facilitator
# runs and the world's community member belongs to.
INSIDE = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "other_network_admin": 404,
    "project_lead": 200,
    "admin": 200,
    "community_member": 200,
    "facilitator": 200,
}
# The same for pages that only those who run it may use.
RUNNERS = {**INSIDE, "community_member": 403}


def _ok(expect: dict, code: int) -> dict:
    """Replace every 200 with ``code`` (a successful POST redirects)."""
    return {
        role: (code if status == 200 else status) for role, status in expect.items()
    }


RULES = [
    # --- Lists and creation
    Rule(
        "communities:list",
        kwargs=lambda w: {"network": w.network.slug},
        expect={"anonymous": 302, "other_network_admin": 404},
    ),
    Rule(
        "communities:list",
        kwargs=lambda w: {"network": w.other_network.slug},
        expect={"anonymous": 302, "other_network_admin": 200},
        default=404,
    ),
    Rule(
        "communities:create",
        kwargs=lambda w: {"network": w.network.slug},
        expect={
            "anonymous": 302,
            "project_lead": 200,
            "admin": 200,
            "other_network_admin": 404,
        },
        default=403,
    ),
    Rule(
        "communities:create",
        method="POST",
        data=_community_data,
        kwargs=lambda w: {"network": w.network.slug},
        expect={
            "anonymous": 302,
            "project_lead": 302,
            "admin": 302,
            "other_network_admin": 404,
        },
        default=403,
    ),
    # --- Home pages: members-only, network-wide, another network's, crossed
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(w.community),
        expect={**INSIDE, "anonymous": 404},
        default=404,
    ),
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(w.other_community),
        expect={"anonymous": 404, "other_network_admin": 404},
    ),
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(w.foreign_community),
        expect={"other_network_admin": 200},
        default=404,
    ),
    Rule(
        "communities:detail",
        kwargs=lambda w: {
            "network": w.network.slug,
            "community": w.foreign_community.slug,
        },
        default=404,
    ),
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(_fresh(w, visibility="public")),
    ),
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(w.regional_committee),
        expect={
            "anonymous": 404,
            "project_lead": 200,
            "admin": 200,
            "regional_committee": 200,
        },
        default=404,
    ),
    # POST-only addresses answer 405 to GET, before anything is looked up.
    # Invited to a members-only community: its page shows the invitation.
    Rule(
        "communities:detail",
        kwargs=lambda w: _kw(_fresh(w, staffed=False, invite_all=True)),
        expect={"anonymous": 404, "other_network_admin": 404},
    ),
    # --- Settings
    Rule(
        "communities:edit",
        kwargs=lambda w: _kw(w.community),
        expect=RUNNERS,
        default=404,
    ),
    Rule(
        "communities:edit",
        kwargs=lambda w: _kw(w.other_community),
        expect={
            "anonymous": 302,
            "project_lead": 200,
            "admin": 200,
            "other_network_admin": 404,
        },
        default=403,
    ),
    Rule(
        "communities:edit",
        method="POST",
        data=_community_data,
        kwargs=lambda w: _kw(_fresh(w)),
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    Rule(
        "communities:archive",
        method="POST",
        data={},
        kwargs=lambda w: _kw(_fresh(w)),
        expect={**_ok(RUNNERS, 302), "facilitator": 403},
        default=404,
    ),
    Rule(
        "communities:archive",
        kwargs=lambda w: _kw(w.community),
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "communities:restore",
        method="POST",
        data={},
        kwargs=lambda w: _kw(_fresh(w, archived=True)),
        expect={**_ok(RUNNERS, 302), "facilitator": 403},
        default=404,
    ),
    Rule(
        "communities:restore",
        kwargs=lambda w: _kw(w.community),
        expect={"anonymous": 302},
        default=405,
    ),
    # --- Joining, asking, leaving
    Rule(
        "communities:join",
        method="POST",
        data={},
        kwargs=lambda w: _kw(_fresh(w, visibility="network", join_policy="open")),
        expect={
            "anonymous": 302,
            "other_network_admin": 404,
            "community_member": 403,
            "facilitator": 403,
        },
        default=302,
    ),
    Rule(
        "communities:join",
        method="POST",
        data={},
        kwargs=lambda w: _kw(w.community),
        expect={
            **INSIDE,
            "project_lead": 403,
            "admin": 403,
            "community_member": 403,
            "facilitator": 403,
        },
        default=404,
    ),
    Rule(
        "communities:join",
        kwargs=lambda w: _kw(w.other_community),
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "communities:request",
        kwargs=lambda w: _kw(_fresh(w, visibility="network")),
        expect={
            "anonymous": 302,
            "other_network_admin": 404,
            "community_member": 403,
            "facilitator": 403,
        },
    ),
    Rule(
        "communities:request",
        method="POST",
        data={"message": "Bonjour!"},
        kwargs=lambda w: _kw(_fresh(w, visibility="network")),
        expect={
            "anonymous": 302,
            "other_network_admin": 404,
            "community_member": 403,
            "facilitator": 403,
        },
        default=302,
    ),
    Rule(
        "communities:request",
        kwargs=lambda w: _kw(w.other_community),
        expect={"anonymous": 302, "other_network_admin": 404},
        default=403,
    ),
    Rule(
        "communities:leave",
        kwargs=lambda w: _kw(w.community),
        expect={**INSIDE, "project_lead": 403, "admin": 403},
        default=404,
    ),
    Rule(
        "communities:leave",
        method="POST",
        data={},
        kwargs=lambda w: _kw(_fresh(w, everyone=True)),
        expect={"anonymous": 302, "other_network_admin": 404},
        default=302,
    ),
    # --- Members
    Rule(
        "communities:members",
        kwargs=lambda w: _kw(w.community),
        expect=INSIDE,
        default=404,
    ),
    Rule(
        "communities:members",
        kwargs=lambda w: _kw(w.other_community),
        expect={
            "anonymous": 302,
            "other_network_admin": 404,
            "other_community_member": 200,
            "project_lead": 200,
            "admin": 200,
        },
        default=403,
    ),
    Rule(
        "communities:member_role",
        method="POST",
        data={"role": "mentor"},
        kwargs=_target_member,
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    Rule(
        "communities:member_role",
        kwargs=_target_member,
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "communities:member_remove",
        method="POST",
        data={},
        kwargs=_target_member,
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    # A member of A's community through another community's address: 404.
    Rule(
        "communities:member_remove",
        method="POST",
        data={},
        kwargs=lambda w: _kw(
            w.other_community,
            pk=w.community.memberships.get(user=w.people["community_member"]).pk,
        ),
        expect={"anonymous": 302},
        default=404,
    ),
    Rule(
        "communities:member_remove",
        kwargs=_target_member,
        expect={"anonymous": 302},
        default=405,
    ),
    # --- Join requests
    Rule(
        "communities:requests",
        kwargs=lambda w: _kw(w.community),
        expect=RUNNERS,
        default=404,
    ),
    Rule(
        "communities:request_approve",
        method="POST",
        data={},
        kwargs=_pending_request,
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    Rule(
        "communities:request_decline",
        method="POST",
        data={"reason": "Complet"},
        kwargs=_pending_request,
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    Rule(
        "communities:request_approve",
        kwargs=_pending_request,
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "communities:request_decline",
        kwargs=_pending_request,
        expect={"anonymous": 302},
        default=405,
    ),
    # --- Invitations
    Rule(
        "communities:invitations",
        kwargs=lambda w: _kw(w.community),
        expect=RUNNERS,
        default=404,
    ),
    Rule(
        "communities:invitations",
        method="POST",
        data=_invitee_data,
        kwargs=lambda w: _kw(_fresh(w)),
        expect=_ok(RUNNERS, 302),
        default=404,
    ),
    Rule(
        "communities:invitation_answer",
        method="POST",
        data={"accept": "1"},
        kwargs=lambda w: _kw(_fresh(w, staffed=False, invite_all=True)),
        expect={"anonymous": 302, "other_network_admin": 404},
        default=302,
    ),
    # No invitation: nothing to answer (and the community stays hidden).
    Rule(
        "communities:invitation_answer",
        method="POST",
        data={"accept": "1"},
        kwargs=lambda w: _kw(w.community),
        expect={**_ok(INSIDE, 403)},
        default=404,
    ),
    # --- Seats
    Rule(
        "communities:seats",
        kwargs=lambda w: (_seats_of(w.regional_committee), _kw(w.regional_committee))[
            1
        ],
        expect={
            "anonymous": 302,
            "project_lead": 200,
            "admin": 200,
            "regional_committee": 200,
        },
        default=404,
    ),
    Rule(
        "communities:seats",
        kwargs=lambda w: _kw(w.other_community),
        expect={"anonymous": 302},
        default=404,
    ),
    Rule(
        "communities:seat_assign",
        kwargs=lambda w: _kw(
            w.regional_committee, pk=_seats_of(w.regional_committee).first().pk
        ),
        expect={
            "anonymous": 302,
            "project_lead": 200,
            "admin": 200,
            "regional_committee": 403,
        },
        default=404,
    ),
    Rule(
        "communities:seat_assign",
        method="POST",
        data=_seat_data,
        kwargs=_fresh_committee_seat,
        expect={"anonymous": 302, "project_lead": 302, "admin": 302},
        default=404,
    ),
    # A seat of one committee through another's address: 404.
    Rule(
        "communities:seat_assign",
        kwargs=lambda w: _kw(
            w.community, pk=_seats_of(w.regional_committee).first().pk
        ),
        expect={"anonymous": 302},
        default=404,
    ),
]
