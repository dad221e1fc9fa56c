"""Community services: creation, joining, requests, invitations, roles, seats."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from entraide.communities import services
from entraide.communities.models import (
    Community,
    CommunityMembership,
    CommunityRole,
    JoinRequest,
    RequestStatus,
    SeatTerm,
)
from entraide.communities.tests.conftest import create
from entraide.core.testing import make_member, make_person
from entraide.networks.models import Membership
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_slug_comes_from_the_name_and_is_unique_per_network(network, lead):
    first = create(network, lead, name="Gestion et gouvernance")
    second = create(network, lead, name="Gestion et gouvernance")
    assert first.slug == "gestion-et-gouvernance"
    assert second.slug == "gestion-et-gouvernance-2"


def test_reserved_path_is_never_a_slug(network, lead):
    assert create(network, lead, name="Créer").slug == "creer-2"


def test_facilitators_and_mentors_become_members(network, lead, facilitator):
    mentor = make_member(network, "mentor@example.org")
    community = services.create_community(
        network=network,
        actor=lead,
        data={"name": "CAP"},
        facilitators=[facilitator],
        mentors=[mentor],
    )
    roles = dict(community.memberships.values_list("user__email", "role"))
    assert roles == {"anim@example.org": "facilitator", "mentor@example.org": "mentor"}


def test_people_of_another_network_cannot_facilitate(network, lead):
    from entraide.core.testing import make_network

    outsider = make_member(make_network("autre", "Autre"), "x@example.org")
    with pytest.raises(ValidationError) as error:
        services.create_community(
            network=network,
            actor=lead,
            data={"name": "CAP"},
            facilitators=[outsider],
        )
    assert "facilitators" in error.value.error_dict
    assert not Community.objects.exists()


def test_session_range_must_be_ordered(network, lead):
    with pytest.raises(ValidationError) as error:
        create(network, lead, sessions_per_year_min=4, sessions_per_year_max=3)
    assert "sessions_per_year_max" in error.value.error_dict


def test_regional_committee_gets_seats_in_every_subregion(network, lead):
    committee = create(
        network, lead, name="Comité", kind="regional_committee", seats_per_subregion=2
    )
    assert committee.seats.count() == 2 * network.subregions.count()
    services.update_community(
        community=committee, actor=lead, data={"seats_per_subregion": 1}
    )
    assert committee.seats.count() == network.subregions.count()


def test_joining_an_open_community(network, lead, educator):
    community = create(network, lead, join_policy="open")
    services.join_community(community=community, user=educator)
    services.join_community(community=community, user=educator)
    assert community.memberships.filter(user=educator).count() == 1


def test_joining_needs_an_open_policy(community, educator):
    with pytest.raises(ValidationError):
        services.join_community(community=community, user=educator)


def test_request_notifies_facilitators_and_approval_makes_a_member(
    community, facilitator, educator, lead, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        join_request = services.request_to_join(
            community=community, user=educator, message="Bonjour"
        )
    assert Notification.objects.get(recipient=facilitator).kind == (
        "communities.join_requested"
    )
    assert [m.to for m in mail.outbox] == [[facilitator.email]]
    again = services.request_to_join(community=community, user=educator)
    assert again.pk == join_request.pk
    services.approve_join_request(join_request=join_request, actor=facilitator)
    assert community.memberships.filter(user=educator, role="member").exists()
    assert Notification.objects.filter(
        recipient=educator, kind="communities.join_approved"
    ).exists()
    with pytest.raises(ValidationError):
        services.decline_join_request(join_request=join_request, actor=facilitator)


def test_declined_request_links_to_the_list_not_the_hidden_community(
    community, facilitator, educator
):
    join_request = services.request_to_join(community=community, user=educator)
    services.decline_join_request(
        join_request=join_request, actor=facilitator, reason="Complet"
    )
    join_request.refresh_from_db()
    assert join_request.status == RequestStatus.DECLINED
    note = Notification.objects.get(recipient=educator)
    assert note.url.endswith("/communautes/")
    assert not community.memberships.filter(user=educator).exists()


def test_invitation_accepted_with_its_role(community, facilitator, educator):
    invitation = services.invite_to_community(
        community=community, actor=facilitator, user=educator, role="mentor"
    )
    assert Notification.objects.filter(
        recipient=educator, kind="communities.invited"
    ).exists()
    with pytest.raises(ValidationError):
        services.invite_to_community(
            community=community, actor=facilitator, user=educator
        )
    services.accept_community_invitation(invitation=invitation, user=educator)
    assert community.memberships.get(user=educator).role == "mentor"


def test_only_the_invitee_answers(community, facilitator, educator, lead):
    invitation = services.invite_to_community(
        community=community, actor=facilitator, user=educator
    )
    with pytest.raises(ValidationError):
        services.accept_community_invitation(invitation=invitation, user=lead)
    services.decline_community_invitation(invitation=invitation, user=educator)
    assert not community.memberships.filter(user=educator).exists()


def test_people_outside_the_network_cannot_be_invited(community, facilitator):
    with pytest.raises(ValidationError):
        services.invite_to_community(
            community=community, actor=facilitator, user=make_person("x@y.org")
        )


def test_role_change_is_notified_in_the_persons_language(community, facilitator):
    english = make_member(community.network, "en@example.org", language="en")
    membership = CommunityMembership.objects.create(community=community, user=english)
    services.set_member_role(membership=membership, actor=facilitator, role="mentor")
    note = Notification.objects.get(recipient=english)
    with translation.override("en"):
        assert note.context["role"] == str(CommunityRole.MENTOR.label)


def test_archived_community_refuses_joining(network, lead, educator):
    community = create(network, lead, join_policy="open")
    services.archive_community(community=community, actor=lead)
    with pytest.raises(ValidationError):
        services.join_community(community=community, user=educator)
    services.restore_community(community=community, actor=lead)
    services.join_community(community=community, user=educator)


# --- Seats ---------------------------------------------------------------------


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


def _person_of(network, subregion, email):
    person = make_person(email)
    Membership.objects.create(network=network, user=person, subregion=subregion)
    return person


def test_assigning_a_seat_makes_a_committee_member(network, committee, lead):
    seat = committee.seats.first()
    holder = _person_of(network, seat.subregion, "rep@example.org")
    services.assign_seat(
        seat=seat,
        actor=lead,
        holder=holder,
        starts_on=date(2026, 9, 1),
        ends_on=date(2028, 8, 31),
    )
    assert committee.memberships.filter(user=holder).exists()
    assert Notification.objects.filter(
        recipient=holder, kind="communities.seat_assigned"
    ).exists()


def test_a_seat_cannot_go_to_someone_of_another_subregion(network, committee, lead):
    seat = committee.seats.first()
    other = network.subregions.exclude(pk=seat.subregion_id).first()
    outsider = _person_of(network, other, "ailleurs@example.org")
    with pytest.raises(ValidationError) as error:
        services.assign_seat(
            seat=seat,
            actor=lead,
            holder=outsider,
            starts_on=date(2026, 9, 1),
            ends_on=date(2028, 8, 31),
        )
    assert "sous-région" in error.value.message_dict["email"][0]
    assert not SeatTerm.objects.exists()
    assert not committee.memberships.filter(user=outsider).exists()


def test_terms_of_one_seat_do_not_overlap_and_history_stays(network, committee, lead):
    seat = committee.seats.first()
    first = _person_of(network, seat.subregion, "un@example.org")
    second = _person_of(network, seat.subregion, "deux@example.org")
    services.assign_seat(
        seat=seat,
        actor=lead,
        holder=first,
        starts_on=date(2024, 9, 1),
        ends_on=date(2026, 8, 31),
    )
    with pytest.raises(ValidationError):
        services.assign_seat(
            seat=seat,
            actor=lead,
            holder=second,
            starts_on=date(2026, 1, 1),
            ends_on=date(2027, 8, 31),
        )
    services.assign_seat(
        seat=seat,
        actor=lead,
        holder=second,
        starts_on=date(2026, 9, 1),
        ends_on=date(2028, 8, 31),
    )
    assert seat.terms.count() == 2


def test_end_before_start_is_refused(network, committee, lead):
    seat = committee.seats.first()
    holder = _person_of(network, seat.subregion, "rep@example.org")
    with pytest.raises(ValidationError) as error:
        services.assign_seat(
            seat=seat,
            actor=lead,
            holder=holder,
            starts_on=date(2026, 9, 1),
            ends_on=date(2026, 1, 1),
        )
    assert "ends_on" in error.value.message_dict


def test_leaving_removes_only_the_membership(community, facilitator):
    membership = community.memberships.get(user=facilitator)
    services.leave_community(membership=membership)
    assert not community.memberships.exists()
    assert JoinRequest.objects.count() == 0
