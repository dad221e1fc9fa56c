"""Community pages through the test client: lists, home page, forms, HTMX,
privacy in member lists, removal taking effect at once, seats, query counts."""

import html

import pytest
from django.urls import reverse

from entraide.communities import services
from entraide.communities.models import Community, CommunityMembership, JoinRequest
from entraide.communities.tests.conftest import create
from entraide.core.testing import make_member, make_person
from entraide.networks.models import Membership

pytestmark = pytest.mark.django_db


def url(name, community, **kwargs):
    return reverse(
        f"communities:{name}",
        kwargs={
            "network": community.network.slug,
            "community": community.slug,
            **kwargs,
        },
    )


def list_url(network):
    return reverse("communities:list", kwargs={"network": network.slug})


def text(response) -> str:
    return html.unescape(response.content.decode())


# --- List --------------------------------------------------------------------------


def test_list_shows_communities_meant_for_me_first(client, network, lead):
    educator = make_member(network, "educ@example.org", job_role="educator")
    create(network, lead, name="A — Gestion", audience_job_roles=["manager"])
    create(network, lead, name="B — Éducatrices", audience_job_roles=["educator"])
    create(network, lead, name="C — Tout le monde")
    client.force_login(educator)
    page = client.get(list_url(network)).context["page"]
    assert [c.name for c in page.object_list] == [
        "B — Éducatrices",
        "A — Gestion",
        "C — Tout le monde",
    ]
    assert [c.for_me for c in page.object_list] == [True, False, False]


def test_subregion_audience_counts_too(client, network, lead):
    subregion = network.subregions.first()
    person = make_person("sub@example.org", job_role="educator")
    Membership.objects.create(network=network, user=person, subregion=subregion)
    elsewhere = create(network, lead, name="A — Ailleurs")
    elsewhere.audience_subregions.set(network.subregions.exclude(pk=subregion.pk))
    here = create(network, lead, name="B — Ici", audience_job_roles=["educator"])
    here.audience_subregions.set([subregion])
    client.force_login(person)
    names = [c.name for c in client.get(list_url(network)).context["page"]]
    assert names == ["B — Ici", "A — Ailleurs"]


def test_members_only_community_is_not_listed_for_non_members(
    client, network, lead, community, educator, facilitator
):
    client.force_login(educator)
    assert community.name not in text(client.get(list_url(network)))
    client.force_login(facilitator)
    assert community.name in text(client.get(list_url(network)))
    client.force_login(lead)
    assert community.name in text(client.get(list_url(network)))


def test_archived_communities_are_listed_apart(client, network, lead):
    community = create(network, lead, name="Ancienne")
    services.archive_community(community=community, actor=lead)
    client.force_login(lead)
    assert "Ancienne" not in text(client.get(list_url(network)))
    assert "Ancienne" in text(client.get(list_url(network) + "?archivees=1"))


def test_list_query_count_is_constant(
    client, network, lead, django_assert_max_num_queries
):
    def add(count):
        for i in range(count):
            c = create(network, lead, name=f"Communauté {i}", join_policy="open")
            for j in range(3):
                services.join_community(
                    community=c,
                    user=make_member(network, f"p{c.pk}-{j}@example.org"),
                )

    add(2)
    client.force_login(lead)
    with django_assert_max_num_queries(12) as small:
        client.get(list_url(network))
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(list_url(network))


# --- Create and edit ---------------------------------------------------------------


def test_project_lead_creates_a_community_with_facilitators(
    client, network, lead, facilitator
):
    client.force_login(lead)
    response = client.post(
        reverse("communities:create", kwargs={"network": network.slug}),
        {
            "name": "Communauté de pratique Pédagogie",
            "kind": "practice",
            "mandate": "Partage d'expertise, **échanges**, recension",
            "audience_job_roles": ["pedagogy_lead"],
            "sessions_per_year_min": 3,
            "sessions_per_year_max": 4,
            "season_start_month": 9,
            "season_end_month": 5,
            "visibility": "network",
            "join_policy": "request",
            "seats_per_subregion": 0,
            "facilitators": "ANIM@example.org",
        },
    )
    community = Community.objects.get()
    assert response.status_code == 302
    assert response["Location"] == community.get_absolute_url()
    assert community.memberships.get().user == facilitator
    page = text(client.get(community.get_absolute_url()))
    assert "<strong>échanges</strong>" in page
    assert "3 à 4" in page
    assert "De septembre à mai" in page


def test_bad_input_comes_back_in_french_with_the_typed_data(client, network, lead):
    client.force_login(lead)
    response = client.post(
        reverse("communities:create", kwargs={"network": network.slug}),
        {
            "name": "Ma communauté",
            "kind": "practice",
            "mandate": "Mon mandat\u202e",
            "sessions_per_year_min": 5,
            "sessions_per_year_max": 2,
            "visibility": "network",
            "join_policy": "open",
            "seats_per_subregion": 0,
            "facilitators": "inconnue@example.org",
        },
    )
    page = text(response)
    assert response.status_code == 200
    assert "Personne de ce réseau n'a ce courriel : inconnue@example.org." in page
    assert 'value="Ma communauté"' in page
    assert not Community.objects.exists()
    response = client.post(
        reverse("communities:create", kwargs={"network": network.slug}),
        {
            "name": "Ma communauté",
            "kind": "practice",
            "sessions_per_year_min": 5,
            "sessions_per_year_max": 2,
            "visibility": "network",
            "join_policy": "open",
            "seats_per_subregion": 0,
        },
    )
    assert "doit être égal ou supérieur au minimum" in text(response)
    assert not Community.objects.exists()


def test_facilitator_edits_but_cannot_change_kind_or_seats(
    client, community, facilitator
):
    client.force_login(facilitator)
    form = client.get(url("edit", community)).context["form"]
    assert "kind" not in form.fields and "seats_per_subregion" not in form.fields
    client.post(
        url("edit", community),
        {
            "name": "Nouveau nom",
            "kind": "regional_committee",
            "seats_per_subregion": 5,
            "visibility": "members",
            "join_policy": "request",
        },
    )
    community.refresh_from_db()
    assert community.name == "Nouveau nom"
    assert community.kind == "practice" and community.seats_per_subregion == 0


def test_markdown_is_sanitised_on_the_home_page(client, network, lead):
    community = create(
        network,
        lead,
        welcome_message="<script>alert(1)</script>[x](javascript:alert(1))",
    )
    client.force_login(lead)
    page = client.get(community.get_absolute_url()).content.decode()
    assert "<script>alert" not in page
    assert 'href="javascript' not in page


# --- Home page, joining, leaving ---------------------------------------------------


def test_home_page_shows_the_right_button(client, network, lead, educator):
    open_ = create(network, lead, name="Ouverte", join_policy="open")
    on_request = create(network, lead, name="Sur demande", join_policy="request")
    invitation = create(network, lead, name="Invitation", join_policy="invitation")
    client.force_login(educator)
    assert "Me joindre à la communauté" in text(client.get(open_.get_absolute_url()))
    assert "Demander à me joindre" in text(client.get(on_request.get_absolute_url()))
    page = text(client.get(invitation.get_absolute_url()))
    assert "sur invitation seulement" in page


def test_join_with_htmx_returns_the_box_and_without_js_redirects(
    client, network, lead, educator
):
    community = create(network, lead, join_policy="open")
    client.force_login(educator)
    response = client.post(url("join", community), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'id="membership-box"' in text(response)
    assert "Quitter la communauté" in text(response)
    assert "<html" not in text(response)
    other = create(network, lead, name="Autre", join_policy="open")
    response = client.post(url("join", other))
    assert response.status_code == 302
    assert other.memberships.filter(user=educator).exists()


def test_request_with_a_message_reaches_facilitators(
    client, community, educator, facilitator
):
    community.visibility = "network"
    community.save()
    client.force_login(educator)
    response = client.post(url("request", community), {"message": "Je suis CP"})
    assert response.status_code == 302
    assert JoinRequest.objects.get().message == "Je suis CP"
    assert "en attente" in text(client.get(community.get_absolute_url()))


def test_non_member_sees_no_recent_discussion(client, network, lead, educator):
    community = create(network, lead, join_policy="open")
    client.force_login(educator)
    assert "Discussions récentes" not in text(client.get(community.get_absolute_url()))
    services.join_community(community=community, user=educator)
    assert "Discussions récentes" in text(client.get(community.get_absolute_url()))


def test_facilitator_names_follow_privacy_settings(client, network, lead, educator):
    community = create(network, lead, visibility="network", join_policy="open")
    private = make_member(network, "privee@example.org", first_name="Privée")
    public = make_member(network, "publique@example.org", first_name="Publique")
    public.profile_visibility = "network"
    public.save()
    for person in (private, public):
        CommunityMembership.objects.create(
            community=community, user=person, role="facilitator"
        )
    client.force_login(educator)
    page = text(client.get(community.get_absolute_url()))
    assert "Publique Test" in page and "Privée Test" not in page
    assert "Et 1 autre personne" in page
    services.join_community(community=community, user=educator)
    page = text(client.get(community.get_absolute_url()))
    assert "Privée Test" in page


def test_leaving_hides_a_members_only_community_at_once(client, community, facilitator):
    client.force_login(facilitator)
    assert client.get(community.get_absolute_url()).status_code == 200
    response = client.post(url("leave", community))
    assert response.status_code == 302
    assert client.get(community.get_absolute_url()).status_code == 404


def test_home_page_query_count_is_constant(
    client, network, lead, community, facilitator, django_assert_max_num_queries
):
    client.force_login(facilitator)
    with django_assert_max_num_queries(30) as small:
        client.get(community.get_absolute_url())
    for i in range(30):
        CommunityMembership.objects.create(
            community=community,
            user=make_member(network, f"m{i}@example.org"),
            role="facilitator" if i % 3 == 0 else "member",
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(community.get_absolute_url())


# --- Members -----------------------------------------------------------------------


def test_member_list_hides_emails_unless_shown(client, community, facilitator):
    shown = make_member(community.network, "montre@example.org")
    shown.show_email = True
    shown.save()
    hidden = make_member(community.network, "cache@example.org")
    for person in (shown, hidden):
        CommunityMembership.objects.create(community=community, user=person)
    client.force_login(hidden)
    page = text(client.get(url("members", community)))
    assert "montre@example.org" in page
    assert "cache@example.org" in page  # one's own address
    client.force_login(shown)
    page = text(client.get(url("members", community)))
    assert "cache@example.org" not in page
    assert "Changer le rôle" not in page


def test_removed_member_loses_access_on_the_next_request(
    client, community, facilitator, educator
):
    membership = CommunityMembership.objects.create(community=community, user=educator)
    other = client.__class__()
    other.force_login(educator)
    assert other.get(url("members", community)).status_code == 200
    client.force_login(facilitator)
    response = client.post(url("member_remove", community, pk=membership.pk))
    assert response.status_code == 302
    assert other.get(url("members", community)).status_code == 404
    assert other.get(community.get_absolute_url()).status_code == 404


def test_facilitator_sets_a_role(client, community, facilitator, educator):
    membership = CommunityMembership.objects.create(community=community, user=educator)
    client.force_login(facilitator)
    client.post(url("member_role", community, pk=membership.pk), {"role": "observer"})
    membership.refresh_from_db()
    assert membership.role == "observer"
    client.post(url("member_role", community, pk=membership.pk), {"role": "roi"})
    membership.refresh_from_db()
    assert membership.role == "observer"


def test_member_list_query_count_is_constant(
    client, network, community, facilitator, django_assert_max_num_queries
):
    client.force_login(facilitator)
    with django_assert_max_num_queries(20) as small:
        client.get(url("members", community))
    for i in range(20):
        CommunityMembership.objects.create(
            community=community, user=make_member(network, f"m{i}@example.org")
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url("members", community))


# --- Requests and invitations ------------------------------------------------------


def test_facilitator_approves_with_htmx(client, community, facilitator, educator):
    join_request = services.request_to_join(community=community, user=educator)
    client.force_login(facilitator)
    page = text(client.get(url("requests", community)))
    assert "Élise Test" in page
    response = client.post(
        url("request_approve", community, pk=join_request.pk), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "Élise Test fait maintenant partie de la communauté." in text(response)
    assert community.memberships.filter(user=educator).exists()
    response = client.post(url("request_approve", community, pk=join_request.pk))
    assert response.status_code == 302  # already answered: a message, no error


def test_invite_by_email_then_accept_from_the_home_page(
    client, community, facilitator, educator
):
    client.force_login(facilitator)
    response = client.post(
        url("invitations", community), {"email": "inconnue@example.org"}
    )
    assert "Aucune personne de ce réseau n'a ce courriel." in text(response)
    client.post(
        url("invitations", community), {"email": educator.email, "role": "mentor"}
    )
    client.force_login(educator)
    page = text(client.get(community.get_absolute_url()))
    assert "Accepter l'invitation" in page
    client.post(url("invitation_answer", community), {"accept": "1"})
    assert community.memberships.get(user=educator).role == "mentor"


# --- Seats -------------------------------------------------------------------------


@pytest.fixture
def committee(network, lead):
    return create(
        network,
        lead,
        name="Comité régional",
        kind="regional_committee",
        visibility="members",
        join_policy="invitation",
        seats_per_subregion=2,
    )


def test_seat_for_someone_of_another_subregion_is_refused_in_french(
    client, network, lead, committee
):
    seat = committee.seats.first()
    other = network.subregions.exclude(pk=seat.subregion_id).first()
    person = make_person("ailleurs@example.org")
    Membership.objects.create(network=network, user=person, subregion=other)
    client.force_login(lead)
    response = client.post(
        url("seat_assign", committee, pk=seat.pk),
        {"email": person.email, "starts_on": "2026-09-01", "ends_on": "2028-08-31"},
    )
    page = text(response)
    assert response.status_code == 200
    assert f"Ce siège revient à une personne de la sous-région {seat.subregion}" in page
    assert 'value="ailleurs@example.org"' in page
    assert not seat.terms.exists()


def test_seats_page_shows_held_and_vacant_by_subregion(
    client, network, lead, committee
):
    seat = committee.seats.first()
    person = make_person("rep@example.org", first_name="Rep")
    Membership.objects.create(network=network, user=person, subregion=seat.subregion)
    client.force_login(lead)
    response = client.post(
        url("seat_assign", committee, pk=seat.pk),
        {"email": person.email, "starts_on": "2020-09-01", "ends_on": "2099-08-31"},
    )
    assert response.status_code == 302
    page = text(client.get(url("seats", committee)))
    assert "Sièges occupés : 1 · sièges vacants : 3" in page
    assert "Rep Test" in page
