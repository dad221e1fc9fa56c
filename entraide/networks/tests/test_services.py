"""Writes to a network: territory, organisations, people and invitations."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import timezone

from entraide.core.testing import SMTPFixture, make_member, make_network, make_person
from entraide.networks import services
from entraide.networks.models import (
    Invitation,
    Membership,
    Organisation,
    Region,
    SubRegion,
    hash_token,
)
from entraide.networks.tasks import send_invitation_email
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


def invite(network, lead, email="nouvelle@example.org", **fields) -> Invitation:
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.invite_person(
            network=network, actor=lead, email=email, **fields
        )


# --- Territory ----------------------------------------------------------------------


def test_region_name_taken_in_the_network_is_a_field_error(network, lead):
    with pytest.raises(ValidationError) as error:
        services.save_region(
            network=network, actor=lead, data={"name": "RÉGION MCQ", "position": 0}
        )
    assert error.value.message_dict == {
        "name": ["Une région nommée « RÉGION MCQ » existe déjà dans ce réseau."]
    }


def test_same_region_name_is_allowed_in_another_network(network, lead):
    other = make_network("autre", "Autre réseau")
    region = services.save_region(
        network=other, actor=lead, data={"name": "Région mcq", "position": 0}
    )
    assert region.network == other


def test_subregion_takes_its_network_from_its_region(network, lead):
    subregion = services.save_subregion(
        network=network,
        actor=lead,
        data={"region": network.regions.get(), "name": "Nicolet", "position": 0},
    )
    assert subregion.network == network


def test_subregion_cannot_be_put_in_a_region_of_another_network(network, lead):
    other_region = make_network("autre", "Autre").regions.get()
    with pytest.raises(ValidationError):
        services.save_subregion(
            network=network,
            actor=lead,
            data={"region": other_region, "name": "Intrus", "position": 0},
        )
    assert not SubRegion.objects.filter(name="Intrus").exists()


def test_subregion_in_use_cannot_be_deleted(network, lead):
    subregion = network.subregions.first()
    Organisation.objects.create(
        network=network, name="CPE A", kind="cpe", subregion=subregion
    )
    with pytest.raises(ValidationError) as error:
        services.delete_subregion(subregion=subregion, actor=lead)
    assert "1 organisation(s) et 0 personne(s)" in error.value.messages[0]
    assert SubRegion.objects.filter(pk=subregion.pk).exists()


def test_region_whose_subregion_has_people_cannot_be_deleted(network, lead):
    region = network.regions.get()
    Membership.objects.filter(user=lead).update(subregion=network.subregions.first())
    with pytest.raises(ValidationError, match="ne peut pas être supprimée"):
        services.delete_region(region=region, actor=lead)
    assert Region.objects.filter(pk=region.pk).exists()


def test_unused_region_is_deleted_with_its_subregions(network, lead):
    region = network.regions.get()
    services.delete_region(region=region, actor=lead)
    assert not network.regions.exists()
    assert not network.subregions.exists()


# --- Organisations ------------------------------------------------------------------


def test_organisation_name_is_unique_per_network_without_regard_to_case(network, lead):
    Organisation.objects.create(network=network, name="CPE Les Étoiles", kind="cpe")
    with pytest.raises(ValidationError) as error:
        services.save_organisation(
            network=network,
            actor=lead,
            data={"name": "cpe les étoiles", "kind": "cpe"},
        )
    assert error.value.message_dict["name"] == [
        "Une organisation nommée « cpe les étoiles » existe déjà dans ce réseau."
    ]


def test_organisation_cannot_use_a_subregion_of_another_network(network, lead):
    other_subregion = make_network("autre", "Autre").subregions.first()
    with pytest.raises(ValidationError):
        services.save_organisation(
            network=network,
            actor=lead,
            data={"name": "CPE A", "kind": "cpe", "subregion": other_subregion},
        )
    assert not Organisation.objects.exists()


# --- People -------------------------------------------------------------------------


def test_role_change_notifies_the_person_in_their_language(network, lead):
    person = make_member(network, "claire@example.org", language="en")
    membership = Membership.objects.get(user=person)
    services.change_membership(
        membership=membership,
        actor=lead,
        role="management",
        organisation=None,
        subregion=network.subregions.first(),
    )
    membership.refresh_from_db()
    assert membership.role == "management"
    notification = Notification.objects.get(recipient=person)
    assert notification.kind == "networks.role_changed"
    assert notification.actor == lead
    assert notification.context["network"] == network.name


def test_organisation_change_without_role_change_does_not_notify(network, lead):
    person = make_member(network, "claire@example.org")
    organisation = Organisation.objects.create(network=network, name="A", kind="cpe")
    services.change_membership(
        membership=Membership.objects.get(user=person),
        actor=lead,
        role="member",
        organisation=organisation,
        subregion=None,
    )
    assert not Notification.objects.filter(recipient=person).exists()


def test_organisation_of_another_network_is_refused(network, lead):
    person = make_member(network, "claire@example.org")
    foreign = Organisation.objects.create(
        network=make_network("autre", "Autre"), name="B", kind="cpe"
    )
    with pytest.raises(ValidationError):
        services.change_membership(
            membership=Membership.objects.get(user=person),
            actor=lead,
            role="member",
            organisation=foreign,
            subregion=None,
        )


def test_last_manager_cannot_demote_themselves(network, lead):
    membership = Membership.objects.get(user=lead)
    with pytest.raises(ValidationError, match="au moins une chargée"):
        services.change_membership(
            membership=membership,
            actor=lead,
            role="member",
            organisation=None,
            subregion=None,
        )
    membership.refresh_from_db()
    assert membership.role == "project_lead"


def test_last_manager_cannot_remove_themselves(network, lead):
    with pytest.raises(ValidationError):
        services.remove_membership(
            membership=Membership.objects.get(user=lead), actor=lead
        )
    assert Membership.objects.filter(user=lead).exists()


def test_manager_may_step_down_when_another_manager_remains(network, lead):
    make_member(network, "admin@example.org", role="admin")
    services.remove_membership(membership=Membership.objects.get(user=lead), actor=lead)
    assert not Membership.objects.filter(user=lead).exists()


# --- Invitations --------------------------------------------------------------------


def test_invitation_stores_only_a_hash_of_its_token(network, lead, mailoutbox):
    invitation = invite(network, lead, "Nouvelle@Example.org")
    token = invitation.token()
    assert invitation.email == "nouvelle@example.org"
    assert invitation.token_hash == hash_token(token)
    assert token not in str(Invitation.objects.filter(pk=invitation.pk).values())
    assert len(mailoutbox) == 1


def test_invitation_email_reaches_the_real_smtp_server_in_french(
    network, lead, smtp, settings
):
    settings.SITE_URL = "https://entraide.example"
    invitation = invite(network, lead, role="management")
    [message] = smtp.to("nouvelle@example.org")
    body = SMTPFixture.body(message)
    link = "https://entraide.example" + invitation.get_accept_url()
    assert link in body
    # Python folds long encoded headers after "Subject:", hence the strip.
    assert (
        message["Subject"].strip()
        == f"[Entraide] Invitation à rejoindre {network.name} sur Entraide"
    )
    assert f"Lead Test vous invite à rejoindre {network.name} sur Entraide" in body
    assert "Rôle proposé : Direction" in body
    invitation.refresh_from_db()
    assert invitation.email_sent_at is not None


def test_invitation_email_follows_the_network_language(network, lead, mailoutbox):
    network.language = "en"
    network.save()
    invite(network, lead)
    html, _ = mailoutbox[0].alternatives[0]
    assert '<html lang="en">' in html


def test_invitation_email_is_not_sent_twice_for_one_request(network, lead, smtp):
    invitation = invite(network, lead)
    assert send_invitation_email.call(invitation.pk) == "skipped"
    assert len(smtp.to("nouvelle@example.org")) == 1


def test_invitation_email_is_given_back_when_smtp_refuses(network, lead, smtp):
    smtp.refuse = True
    invitation = invite(network, lead)
    invitation.refresh_from_db()
    assert invitation.email_sent_at is None
    smtp.refuse = False
    assert send_invitation_email.call(invitation.pk) == "sent"
    assert len(smtp.to("nouvelle@example.org")) == 1


def test_inviting_a_member_or_a_pending_email_is_refused(network, lead):
    make_member(network, "deja@example.org")
    with pytest.raises(ValidationError) as error:
        invite(network, lead, "DEJA@example.org")
    assert error.value.message_dict["email"] == [
        "Cette personne fait déjà partie du réseau."
    ]
    invite(network, lead)
    with pytest.raises(ValidationError, match="déjà en attente"):
        invite(network, lead)
    assert Invitation.objects.count() == 1


def test_accepting_creates_the_membership_once_and_notifies_both(network, lead):
    organisation = Organisation.objects.create(network=network, name="A", kind="cpe")
    invitation = invite(network, lead, role="management", organisation=organisation)
    person = make_person("autre-adresse@example.org")
    membership = services.accept_invitation(token=invitation.token(), user=person)
    assert (membership.role, membership.organisation) == ("management", organisation)
    invitation.refresh_from_db()
    assert invitation.accepted_by == person
    assert invitation.accepted_at is not None
    kinds = set(Notification.objects.values_list("recipient__email", "kind"))
    assert kinds == {
        ("lead@example.org", "networks.invitation_accepted"),
        ("autre-adresse@example.org", "networks.joined"),
    }
    with pytest.raises(services.InvitationUnusable) as refusal:
        services.accept_invitation(token=invitation.token(), user=person)
    assert refusal.value.reason == "used"
    assert Membership.objects.filter(user=person).count() == 1


def test_used_invitation_cannot_make_a_second_person_member(network, lead):
    invitation = invite(network, lead)
    services.accept_invitation(token=invitation.token(), user=make_person("a@x.org"))
    with pytest.raises(services.InvitationUnusable):
        services.accept_invitation(
            token=invitation.token(), user=make_person("b@x.org")
        )
    assert network.memberships.count() == 2


def test_expired_invitation_is_refused_and_nothing_is_written(network, lead):
    invitation = invite(network, lead)
    person = make_person("a@example.org")
    later = timezone.now() + timedelta(days=15)
    with time_machine.travel(later, tick=False):
        with pytest.raises(services.InvitationUnusable) as refusal:
            services.accept_invitation(token=invitation.token(), user=person)
    assert refusal.value.reason == "expired"
    assert not Membership.objects.filter(user=person).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_invitation_is_still_valid_the_day_before_it_expires(network, lead):
    invitation = invite(network, lead)
    with time_machine.travel(invitation.expires_at - timedelta(hours=1), tick=False):
        services.accept_invitation(
            token=invitation.token(), user=make_person("a@example.org")
        )


def test_revoked_invitation_is_refused(network, lead):
    invitation = invite(network, lead)
    services.revoke_invitation(invitation=invitation, actor=lead)
    with pytest.raises(services.InvitationUnusable) as refusal:
        services.accept_invitation(
            token=invitation.token(), user=make_person("a@example.org")
        )
    assert refusal.value.reason == "revoked"


def test_unknown_token_is_refused(network):
    with pytest.raises(services.InvitationUnusable) as refusal:
        services.accept_invitation(token="x" * 64, user=make_person("a@example.org"))
    assert refusal.value.reason == "unknown"


def test_resending_replaces_the_link_and_extends_the_expiry(network, lead, mailoutbox):
    invitation = invite(network, lead)
    old_token = invitation.token()
    with time_machine.travel(timezone.now() + timedelta(days=10), tick=False):
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.resend_invitation(invitation=invitation, actor=lead)
        invitation.refresh_from_db()
        assert invitation.expires_at > timezone.now() + timedelta(days=13)
    assert len(mailoutbox) == 2
    assert invitation.get_accept_url() in mailoutbox[1].body
    with pytest.raises(services.InvitationUnusable):
        services.accept_invitation(token=old_token, user=make_person("a@x.org"))


def test_accepted_invitation_cannot_be_revoked_or_resent(network, lead):
    invitation = invite(network, lead)
    services.accept_invitation(token=invitation.token(), user=make_person("a@x.org"))
    with pytest.raises(ValidationError, match="déjà été acceptée"):
        services.revoke_invitation(invitation=invitation, actor=lead)
    with pytest.raises(ValidationError, match="déjà été acceptée"):
        services.resend_invitation(invitation=invitation, actor=lead)


def test_already_member_accepting_changes_nothing(network, lead):
    invitation = invite(network, lead, role="admin")
    with pytest.raises(services.AlreadyMember):
        services.accept_invitation(token=invitation.token(), user=lead)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert Membership.objects.get(user=lead).role == "project_lead"


def test_accepting_fills_only_the_blank_profile_fields(network, lead):
    invitation = Invitation(
        network=network, email="n@example.org", first_name="Nadia", job_role="manager"
    )
    invitation.issue_token()
    invitation.save()
    person = make_person("n@example.org", first_name="Nad", last_name="")
    services.accept_invitation(token=invitation.token(), user=person)
    person.refresh_from_db()
    assert (person.first_name, person.job_role) == ("Nad", "manager")
