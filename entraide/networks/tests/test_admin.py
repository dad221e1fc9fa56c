"""Django admin: staff who are not superusers see only the networks they administer."""

import html

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from entraide.core.testing import make_member, make_network, make_person
from entraide.networks import services
from entraide.networks.models import Membership, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    network_a = make_network("reseau-a", "Réseau A")
    network_b = make_network("reseau-b", "Réseau B")
    staff = make_member(network_a, "staff@a.example", role="admin", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="networks")
    )
    admin_b = make_member(network_b, "admin@b.example", role="admin")
    return {
        "a": network_a,
        "b": network_b,
        "staff": staff,
        "admin_b": admin_b,
        "org_a": Organisation.objects.create(
            network=network_a, name="CPE A", kind="cpe"
        ),
        "org_b": Organisation.objects.create(
            network=network_b, name="CPE B", kind="cpe"
        ),
        "invitation_b": services.invite_person(
            network=network_b, actor=admin_b, email="secret@b.example"
        ),
    }


def page(client, name, *args, **query):
    response = client.get(reverse(f"admin:networks_{name}", args=args), query)
    return response.status_code, html.unescape(response.content.decode())


def test_lists_show_only_rows_of_administered_networks(client, world):
    client.force_login(world["staff"])
    for name, visible, hidden in [
        ("network_changelist", "Réseau A", "Réseau B"),
        ("organisation_changelist", "CPE A", "CPE B"),
        ("region_changelist", "Région reseau-a", "Région reseau-b"),
        ("subregion_changelist", "Sous-région A reseau-a", "Sous-région A reseau-b"),
        ("membership_changelist", "Staff Test", "Admin Test"),
        ("invitation_changelist", "", "secret@b.example"),
    ]:
        status, content = page(client, name)
        assert status == 200, name
        assert visible in content, name
        assert hidden not in content, name


def test_search_and_filters_do_not_reveal_other_networks(client, world):
    client.force_login(world["staff"])
    _, content = page(client, "organisation_changelist", q="CPE B")
    assert "0 résultat (" in content
    assert "/change/" not in content.split('id="result_list"')[-1]
    _, content = page(client, "membership_changelist")
    assert "Réseau B" not in content


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("network", "b"),
        ("organisation", "org_b"),
        ("invitation", "invitation_b"),
    ],
)
def test_change_and_delete_views_of_other_networks_are_404(client, world, name, key):
    client.force_login(world["staff"])
    pk = world[key].pk
    assert page(client, f"{name}_change", pk)[0] == 404
    assert page(client, f"{name}_delete", pk)[0] == 404
    assert page(client, f"{name}_history", pk)[0] == 404
    response = client.post(
        reverse(f"admin:networks_{name}_delete", args=[pk]), {"post": "yes"}
    )
    assert response.status_code == 404
    assert type(world[key]).objects.filter(pk=pk).exists()


def test_membership_of_another_network_is_404(client, world):
    client.force_login(world["staff"])
    membership = Membership.objects.get(user=world["admin_b"])
    assert page(client, "membership_change", membership.pk)[0] == 404


def test_choice_lists_hold_only_the_administered_networks(client, world):
    outsider = make_person("outsider@c.example")
    client.force_login(world["staff"])
    _, content = page(client, "organisation_add")
    assert "Réseau A" in content and "Réseau B" not in content
    assert "Sous-région A reseau-b" not in content
    _, content = page(client, "membership_add")
    assert "staff@a.example" in content.lower() or "Staff Test" in content
    assert "admin@b.example" not in content and "CPE B" not in content
    assert str(outsider) not in content


def test_forged_post_cannot_put_a_row_in_another_network(client, world):
    client.force_login(world["staff"])
    response = client.post(
        reverse("admin:networks_organisation_add"),
        {"network": world["b"].pk, "name": "Intruse", "kind": "cpe"},
    )
    assert response.status_code == 200
    assert not Organisation.objects.filter(name="Intruse").exists()


def test_staff_who_are_not_network_admins_see_no_rows(client, world):
    lead = make_member(world["a"], "lead@a.example", role="project_lead", is_staff=True)
    lead.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="networks")
    )
    client.force_login(lead)
    _, content = page(client, "organisation_changelist")
    assert "CPE A" not in content and "CPE B" not in content
    assert page(client, "organisation_change", world["org_a"].pk)[0] == 404


def test_only_superusers_add_or_delete_networks(client, world):
    client.force_login(world["staff"])
    assert page(client, "network_add")[0] == 403
    assert page(client, "network_delete", world["a"].pk)[0] == 403


def test_superuser_sees_every_network(client, world):
    root = make_person("root@example.org", is_staff=True, is_superuser=True)
    client.force_login(root)
    _, content = page(client, "organisation_changelist")
    assert "CPE A" in content and "CPE B" in content
    assert page(client, "organisation_change", world["org_b"].pk)[0] == 200
