"""The demo communities: deterministic, idempotent, with the promised people."""

import pytest

from entraide.communities.models import Community, CommunityMembership, SeatTerm
from entraide.communities.selectors import seats_by_subregion
from entraide.core.demo.communities import load_communities
from entraide.core.demo.loader import load_demo

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Community.objects.values_list("network__slug", "slug", "kind")),
        sorted(
            CommunityMembership.objects.values_list(
                "community__slug", "user__email", "role"
            )
        ),
        sorted(SeatTerm.objects.values_list("seat_id", "holder__email")),
    )


def test_demo_communities_load_twice_to_the_same_rows():
    load_demo()
    assert load_communities() == 10
    first = snapshot()
    load_communities()
    assert snapshot() == first


def test_regional_committee_has_seats_held_by_their_subregion_and_drummond_vacancy():
    load_demo()
    load_communities()
    committee = Community.objects.get(slug="comite-regional-odyssee")
    groups = {g.subregion.name: g for g in seats_by_subregion(committee)}
    assert all(len(g.rows) == 2 for g in groups.values())
    assert groups["Drummond"].vacant == 1
    for group in groups.values():
        for row in group.rows:
            if row.current:
                holder_subregion = row.current.holder.memberships.get(
                    network=committee.network
                ).subregion
                assert holder_subregion == group.subregion
                assert committee.memberships.filter(user=row.current.holder).exists()


def test_demo_accounts_have_their_places():
    load_demo()
    load_communities()
    roles = dict(
        CommunityMembership.objects.filter(
            user__email__endswith="@demo.entraide.ca", community__slug="pedagogie"
        ).values_list("user__email", "role")
    )
    assert roles["conseillere@demo.entraide.ca"] == "facilitator"
    assert roles["educatrice@demo.entraide.ca"] == "member"
    assert CommunityMembership.objects.filter(
        user__email="chargee.projet@demo.entraide.ca",
        community__slug="comite-regional-odyssee",
    ).exists()
    cap = Community.objects.get(slug="cap-gestionnaires")
    assert cap.partner_organisations.count() == 3
