import json

import pytest

from entraide.accounts.selectors import personal_data
from entraide.core.testing import make_member, make_network
from entraide.networks.models import Membership, Organisation
from entraide.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def test_personal_data_holds_everything_about_the_person_and_nobody_else():
    network = make_network()
    other_network = make_network("autre", "Réseau voisin")
    organisation = Organisation.objects.create(network=network, name="CPE Soleil")
    person = make_member(network, "ana@exemple.ca", first_name="Ana", last_name="Roy")
    Membership.objects.filter(user=person).update(organisation=organisation)
    colleague = make_member(
        network, "bob@exemple.ca", first_name="Bertrand", last_name="Zed"
    )
    stranger = make_member(other_network, "carl@exemple.ca", first_name="Carlos")
    Notification.objects.create(
        recipient=person,
        kind="networks.invitation_accepted",
        actor=colleague,
        network=network,
        context={"person": "Bertrand Zed", "network": network.name},
    )
    Notification.objects.create(recipient=colleague, kind="networks.joined")
    NotificationPreference.objects.create(user=person, kind="networks.joined")
    NotificationPreference.objects.create(user=stranger, kind="networks.role_changed")

    data = personal_data(person)
    dumped = json.dumps(data, ensure_ascii=False)

    assert data["profile"]["email"] == "ana@exemple.ca"
    assert data["profile"]["first_name"] == "Ana"
    assert [a["email"] for a in data["email_addresses"]] == ["ana@exemple.ca"]
    [membership] = data["memberships"]
    assert membership["network"]["name"] == network.name
    assert membership["organisation"] == "CPE Soleil"
    assert [n["kind"] for n in data["notifications"]] == [
        "networks.invitation_accepted"
    ]
    assert data["notification_preferences"] == [
        {"kind": "networks.joined", "community": None, "frequency": "immediately"}
    ]
    for other in ("bob@exemple.ca", "Bertrand", "Zed", "carl@exemple.ca", "Carlos"):
        assert other not in dumped
    assert other_network.name not in dumped
    assert "password" not in dumped and "argon2" not in dumped


def test_personal_data_reads_a_constant_number_of_queries(
    django_assert_max_num_queries,
):
    network = make_network()
    person = make_member(network, "ana@exemple.ca")
    for index in range(30):
        Notification.objects.create(
            recipient=person, kind="networks.joined", network=network
        )
        make_network(f"reseau-{index}", f"Réseau {index}").memberships.create(
            user=person
        )
    with django_assert_max_num_queries(5):
        personal_data(person)
