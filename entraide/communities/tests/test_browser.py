"""Browser stories: a project lead fills a committee seat; a facilitator approves
a join request without a page reload."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from entraide.communities import services
from entraide.communities.models import CommunityMembership, SeatTerm
from entraide.core.testing import assert_accessible, make_member, make_network, sign_in
from entraide.networks.models import Membership, SubRegion

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def test_project_lead_fills_the_last_vacant_seat_of_drummond(page, live_server):
    network = make_network()
    region = network.regions.get()
    drummond = SubRegion.objects.create(region=region, name="Drummond")
    lead = make_member(network, "lead@example.org", role="project_lead")
    committee = services.create_community(
        network=network,
        actor=lead,
        data={
            "name": "Comité régional Odyssée",
            "kind": "regional_committee",
            "visibility": "members",
            "join_policy": "invitation",
            "seats_per_subregion": 2,
        },
    )
    holder = make_member(network, "tenante@example.org", first_name="Tenante")
    Membership.objects.filter(user=holder).update(subregion=drummond)
    newcomer = make_member(network, "nouvelle@example.org", first_name="Nouvelle")
    Membership.objects.filter(user=newcomer).update(subregion=drummond)
    elsewhere = make_member(network, "ailleurs@example.org")
    Membership.objects.filter(user=elsewhere).update(
        subregion=network.subregions.exclude(pk=drummond.pk).first()
    )
    first, last = committee.seats.filter(subregion=drummond).order_by("number")
    services.assign_seat(
        seat=first,
        actor=lead,
        holder=holder,
        starts_on=date(2025, 9, 1),
        ends_on=date(2099, 8, 31),
    )

    sign_in(page, live_server, "lead@example.org")
    page.goto(f"{live_server.url}/r/{network.slug}/communautes/")
    assert_accessible(page, context="community list")
    page.get_by_role("link", name="Comité régional Odyssée").click()
    assert_accessible(page, context="committee home")
    page.get_by_role("link", name="Sièges").click()
    drummond_seats = page.get_by_role("region", name="Drummond")
    expect(drummond_seats).to_contain_text("Tenante Test")
    expect(drummond_seats).to_contain_text("1 vacant")
    assert_accessible(page, context="seats")

    drummond_seats.get_by_role("link", name="Pourvoir").click()
    page.get_by_label("Courriel de la personne").fill("ailleurs@example.org")
    page.get_by_role("button", name="Attribuer le siège").click()
    expect(
        page.get_by_text("Ce siège revient à une personne de la sous-région Drummond")
    ).to_be_visible()
    expect(page.get_by_label("Courriel de la personne")).to_have_value(
        "ailleurs@example.org"
    )
    assert_accessible(page, context="seat form with an error")

    page.get_by_label("Courriel de la personne").fill("nouvelle@example.org")
    page.get_by_role("button", name="Attribuer le siège").click()
    expect(
        page.get_by_text("Le siège de Drummond est attribué à Nouvelle Test.")
    ).to_be_visible()
    drummond_seats = page.get_by_role("region", name="Drummond")
    expect(drummond_seats).to_contain_text("Nouvelle Test")
    expect(drummond_seats).not_to_contain_text("vacant")
    assert_accessible(page, context="seats filled")
    assert SeatTerm.objects.get(seat=last).holder == newcomer
    assert CommunityMembership.objects.filter(
        community=committee, user=newcomer
    ).exists()


def test_facilitator_approves_a_join_request(page, live_server):
    network = make_network()
    lead = make_member(network, "lead@example.org", role="project_lead")
    facilitator = make_member(network, "anim@example.org", first_name="Annie")
    educator = make_member(network, "educ@example.org", first_name="Élise")
    community = services.create_community(
        network=network,
        actor=lead,
        data={
            "name": "Communauté de pratique Pédagogie",
            "visibility": "network",
            "join_policy": "request",
            "welcome_message": "Bienvenue dans la **communauté**!",
        },
        facilitators=[facilitator],
    )

    sign_in(page, live_server, "educ@example.org")
    page.goto(f"{live_server.url}{community.get_absolute_url()}")
    assert_accessible(page, context="home page before asking")
    page.get_by_role("button", name="Demander à me joindre").click()
    expect(page.get_by_text("Votre demande d'adhésion est en attente")).to_be_visible()
    assert_accessible(page, context="home page after asking")
    page.context.clear_cookies()

    sign_in(page, live_server, "anim@example.org")
    page.goto(f"{live_server.url}/notifications/")
    page.get_by_role(
        "button", name=re.compile(r"^Communauté de pratique Pédagogie : Élise Test")
    ).click()
    expect(page.get_by_role("heading", name="Demandes d'adhésion")).to_be_visible()
    assert_accessible(page, context="requests")
    url_before = page.url
    page.get_by_role("button", name="Accepter").click()
    expect(
        page.get_by_text("Élise Test fait maintenant partie de la communauté.")
    ).to_be_visible()
    assert page.url == url_before
    assert_accessible(page, context="request approved in place")
    assert community.memberships.filter(user=educator, role="member").exists()
