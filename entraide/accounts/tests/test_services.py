import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessLog
from django.core.exceptions import ValidationError

from entraide.accounts import services
from entraide.accounts.models import User
from entraide.core.testing import make_member, make_network, make_person
from entraide.networks.models import Invitation, Membership, Organisation
from entraide.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def person(network):
    return make_member(network, "ana@exemple.ca")


def test_update_profile_saves_fields_and_placement(network, person):
    organisation = Organisation.objects.create(network=network, name="CPE Soleil")
    subregion = network.subregions.first()
    membership = Membership.objects.get(user=person)
    services.update_profile(
        user=person,
        data={"first_name": "Ana", "time_zone": "America/Vancouver"},
        placements=[(membership, organisation, subregion)],
    )
    person.refresh_from_db()
    membership.refresh_from_db()
    assert person.first_name == "Ana"
    assert person.time_zone == "America/Vancouver"
    assert membership.organisation == organisation
    assert membership.subregion == subregion


def test_update_profile_refuses_another_networks_organisation(network, person):
    other = make_network("autre", "Autre réseau")
    foreign = Organisation.objects.create(network=other, name="CPE Ailleurs")
    membership = Membership.objects.get(user=person)
    with pytest.raises(ValidationError) as error:
        services.update_profile(
            user=person,
            data={"first_name": "Changé"},
            placements=[(membership, foreign, None)],
        )
    assert "organisation" in error.value.message_dict
    person.refresh_from_db()
    membership.refresh_from_db()
    assert person.first_name != "Changé"
    assert membership.organisation is None


def test_update_profile_refuses_fields_outside_the_profile(person):
    with pytest.raises(ValueError):
        services.update_profile(user=person, data={"is_staff": True})
    person.refresh_from_db()
    assert not person.is_staff


@pytest.mark.parametrize(
    "data",
    [
        {"first_name": "A" * 101},
        {"last_name": "Roy\u202eyoR"},
        {"first_name": "Zéro\u200b"},
        {"time_zone": "Europe/Paris"},
        {"language": "es"},
    ],
)
def test_update_profile_validates_before_writing(person, data):
    with pytest.raises(ValidationError):
        services.update_profile(user=person, data=data)
    stored = User.objects.get(pk=person.pk)
    assert stored.first_name == "Ana" and stored.time_zone == "America/Toronto"


def test_update_privacy(person):
    services.update_privacy(
        user=person, data={"profile_visibility": "network", "show_email": True}
    )
    person.refresh_from_db()
    assert person.profile_visibility == "network"
    assert person.show_email


def test_privacy_defaults_are_private():
    person = make_person("nouveau@exemple.ca")
    assert person.profile_visibility == "communities"
    assert person.show_email is False


def test_delete_account_leaves_no_personal_data(network, person, settings):
    EmailAddress.objects.create(user=person, email="ana.perso@exemple.ca")
    Notification.objects.create(recipient=person, kind="networks.joined")
    NotificationPreference.objects.create(user=person, kind="networks.joined")
    Invitation.objects.create(
        network=network, email="Ana@Exemple.ca", token_hash="x" * 64
    )
    AccessAttempt.objects.create(
        username="ana@exemple.ca", ip_address="10.0.0.1", failures_since_start=1
    )
    AccessLog.objects.create(username="ana.perso@exemple.ca", ip_address="10.0.0.1")
    colleague = make_member(network, "bob@exemple.ca")
    Notification.objects.create(
        recipient=colleague, kind="networks.joined", actor=person
    )
    pk = person.pk

    services.delete_account(user=person)

    assert not User.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert not EmailAddress.objects.filter(user_id=pk).exists()
    assert not Notification.objects.filter(recipient_id=pk).exists()
    assert not NotificationPreference.objects.filter(user_id=pk).exists()
    assert not Invitation.objects.exists()
    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    # Others keep their own data; it no longer points to the deleted person.
    assert Notification.objects.get(recipient=colleague).actor is None
    assert Membership.objects.filter(user=colleague).exists()
