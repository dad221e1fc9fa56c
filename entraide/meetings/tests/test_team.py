"""Co-facilitators, partner organisations and the video room of a session."""

import html

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings.models import Session
from entraide.networks.models import Organisation


@pytest.fixture
def college(place):
    organisation = Organisation.objects.create(
        network=place.network, name="Cégep de Trois-Rivières", kind="college"
    )
    place.community.partner_organisations.add(organisation)
    return organisation


def test_co_facilitators_and_partners_are_kept(place, college):
    session = place.session(
        co_facilitators=[place.peer], partner_organisations=[college]
    )
    assert list(session.co_facilitators.all()) == [place.peer]
    assert list(session.partner_organisations.all()) == [college]


def test_co_facilitator_must_be_a_member_and_partner_the_communitys(place):
    stranger_org = Organisation.objects.create(
        network=place.network, name="Ailleurs", kind="partner"
    )
    with pytest.raises(ValidationError) as error:
        place.session(
            co_facilitators=[place.outsider], partner_organisations=[stranger_org]
        )
    assert set(error.value.message_dict) == {"co_facilitators", "partner_organisations"}
    assert not Session.objects.exists()


def test_video_room_is_generated_on_the_networks_service(place):
    place.network.video_service_url = "https://visio.reseau.example/"
    place.network.save(update_fields=["video_service_url"])
    first = place.session(generate_video_room=True)
    second = place.session(generate_video_room=True)
    assert first.video_url.startswith("https://visio.reseau.example/mcq-pedagogie-")
    assert first.video_url != second.video_url
    pasted = place.session(generate_video_room=True, video_url="https://x.example/a")
    assert pasted.video_url == "https://x.example/a"
    in_person = place.session(generate_video_room=True, format="in_person")
    assert in_person.video_url == ""


def test_no_room_without_a_configured_service(place):
    assert place.session(generate_video_room=True).video_url == ""


def test_form_offers_the_team_and_the_room(client, place, college):
    place.network.video_service_url = "https://visio.reseau.example"
    place.network.save(update_fields=["video_service_url"])
    partner = make_member(place.network, "partenaire@cegep.example", first_name="Ana")
    CommunityMembership.objects.create(
        community=place.community, user=partner, role="observer"
    )
    client.force_login(place.facilitator)
    url = reverse("meetings:create", kwargs=place.kwargs())
    page = html.unescape(client.get(url).content.decode())
    assert "Coanimation" in page and "Cégep de Trois-Rivières" in page
    assert "Créer une salle" in page
    # Plain members are not offered as co-facilitators: the list stays short.
    assert "Julie Tremblay" not in page
    response = client.post(
        url,
        {
            "title": "Le jeu dehors",
            "starts_at": "2031-01-14T18:30",
            "duration_minutes": "90",
            "format": "virtual",
            "status": "planned",
            "co_facilitators": [partner.pk],
            "partner_organisations": [college.pk],
            "generate_video_room": "on",
        },
    )
    assert response.status_code == 302
    session = Session.objects.get()
    assert list(session.co_facilitators.all()) == [partner]
    assert session.video_url.startswith("https://visio.reseau.example/")
    detail = html.unescape(client.get(session.get_absolute_url()).content.decode())
    assert "Coanimation : Ana" in detail
    assert "En partenariat avec : Cégep de Trois-Rivières" in detail


def test_admin_lists_only_sessions_of_administered_networks(client, place):
    from entraide.communities.models import Community

    mine = place.session(title="Chez nous")
    other = Community.objects.create(
        network=place.foreign_admin.memberships.get().network,
        slug="ailleurs",
        name="Ailleurs",
    )
    Session.objects.create(
        community=other, title="Chez les autres", starts_at=mine.starts_at
    )
    staff = make_member(place.network, "staff@mcq.example", role="admin", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="meetings")
    )
    client.force_login(staff)
    page = client.get(reverse("admin:meetings_session_changelist")).content.decode()
    assert "Chez nous" in page and "Chez les autres" not in page
    foreign = Session.objects.get(title="Chez les autres")
    response = client.get(reverse("admin:meetings_session_change", args=[foreign.pk]))
    assert response.status_code == 404
