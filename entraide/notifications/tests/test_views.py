import pytest
from django.urls import reverse

from entraide.core.testing import make_network, make_person
from entraide.notifications import kinds, services
from entraide.notifications.models import Notification, NotificationPreference

pytestmark = pytest.mark.django_db


def notify(person, count=1, **fields):
    fields.setdefault("kind", "networks.joined")
    fields.setdefault("context", {"network": "Réseau Mauricie"})
    return [services.notify(recipient=person, **fields) for _ in range(count)]


@pytest.fixture
def alice(client):
    person = make_person("alice@example.org")
    client.force_login(person)
    return person


def test_bell_shows_the_unread_count(client, alice):
    notify(alice, 3)
    services.mark_read(user=alice, notification_ids=[Notification.objects.first().pk])
    content = client.get(reverse("core:home")).content.decode()
    assert 'id="unread-count">2<' in content


def test_bell_has_no_badge_when_everything_is_read(client, alice):
    content = client.get(reverse("core:home")).content.decode()
    assert 'id="unread-count"' not in content


def test_list_shows_the_persons_notifications_newest_first(client, alice):
    network = make_network()
    notify(alice, context={"network": "Premier"}, network=network)
    notify(alice, context={"network": "Second"})
    notify(make_person("bob@example.org"), context={"network": "Celui de Bob"})
    response = client.get(reverse("notifications:list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.index("Second :") < content.index("Premier :")
    assert "Celui de Bob" not in content
    assert network.name in content
    assert content.count("Non lue :") == 2


def test_list_is_paginated(client, alice):
    notify(alice, 30)
    first = client.get(reverse("notifications:list")).content.decode()
    assert first.count('class="notification ') == 25
    second = client.get(reverse("notifications:list") + "?page=2").content.decode()
    assert second.count('class="notification ') == 5


def test_list_query_count_does_not_grow_with_notifications(
    client, alice, django_assert_max_num_queries
):
    network = make_network()
    actor = make_person("bob@example.org")
    notify(alice, 2, network=network, actor=actor, url="/")
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("notifications:list"))
    notify(alice, 20, network=network, actor=actor, url="/")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("notifications:list"))


def test_mark_read_without_javascript_redirects_back(client, alice):
    (notification,) = notify(alice)
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]),
        {"next": "/?x=1"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/?x=1"
    notification.refresh_from_db()
    assert notification.is_read


def test_mark_read_refuses_to_redirect_elsewhere(client, alice):
    (notification,) = notify(alice)
    response = client.post(
        reverse("notifications:mark_read", args=[notification.pk]),
        {"next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("notifications:list")


def test_mark_read_with_htmx_returns_the_item_and_the_new_count(client, alice):
    first, second = notify(alice, 2)
    response = client.post(
        reverse("notifications:mark_read", args=[first.pk]), HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.startswith(f'<li id="notification-{first.pk}"')
    assert "notification-unread" not in content
    assert f'id="notification-{first.pk}-state"' in content
    assert '<span id="unread-count" class="badge" hx-swap-oob="true">1<' in content
    assert "<html" not in content


def test_marking_the_last_unread_one_removes_the_badge(client, alice):
    (notification,) = notify(alice)
    content = client.post(
        reverse("notifications:mark_read", args=[notification.pk]),
        HTTP_HX_REQUEST="true",
    ).content.decode()
    assert '<span id="unread-count" hx-swap-oob="delete"></span>' in content


def test_mark_all_read(client, alice):
    notify(alice, 3)
    other = notify(make_person("bob@example.org"))[0]
    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    assert "3 notifications marquées comme lues." in response.content.decode()
    assert not Notification.objects.filter(recipient=alice, read_at=None).exists()
    other.refresh_from_db()
    assert not other.is_read


def test_open_follows_a_local_link_and_marks_read(client, alice):
    (notification,) = notify(alice, url="/r/mcq/?onglet=membres")
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == "/r/mcq/?onglet=membres"
    notification.refresh_from_db()
    assert notification.is_read


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "javascript:alert(1)",
        "notifications:list",
        "",
    ],
)
def test_open_never_leaves_the_site(client, alice, url):
    (notification,) = notify(alice, url=url)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("notifications:list")


@pytest.mark.parametrize("name", ["notifications:mark_read", "notifications:open"])
def test_another_persons_notification_is_not_found(client, alice, name):
    (theirs,) = notify(make_person("bob@example.org"))
    response = client.post(reverse(name, args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert not theirs.is_read


def test_preferences_show_current_choices(client, alice):
    services.set_preferences(user=alice, frequencies={"networks.joined": "weekly"})
    content = client.get(reverse("notifications:preferences")).content.decode()
    for name, value, number in (
        ("networks_joined", "weekly", 2),
        ("networks_role_changed", "immediately", 0),
        ("networks_invitation_accepted", "off", 3),
    ):
        assert (
            f'name="kind_{name}" value="{value}" id="id_kind_{name}_{number}" checked'
            in content
        )
    assert content.count(" checked") == len(kinds.KINDS)


def all_kinds(frequency: str) -> dict[str, str]:
    return {"kind_" + key.replace(".", "_"): frequency for key in kinds.KINDS}


def test_preferences_choose_a_frequency_per_kind(client, alice):
    data = {
        **all_kinds("immediately"),
        "kind_networks_joined": "off",
        "kind_networks_role_changed": "daily",
    }
    response = client.post(reverse("notifications:preferences"), data, follow=True)
    assert "Vos préférences ont été enregistrées." in response.content.decode()
    choices = dict(
        NotificationPreference.objects.filter(user=alice).values_list(
            "kind", "frequency"
        )
    )
    assert choices["networks.joined"] == "off"
    assert choices["networks.role_changed"] == "daily"
    assert choices["networks.invitation_accepted"] == "immediately"


def test_preferences_refuse_an_unknown_choice_and_keep_what_was_typed(client, alice):
    data = {**all_kinds("weekly"), "kind_networks_joined": "hourly"}
    response = client.post(reverse("notifications:preferences"), data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "hourly" in content and "Sélectionnez un choix valide." in content
    assert (
        'name="kind_networks_role_changed" value="weekly" '
        'id="id_kind_networks_role_changed_2" checked' in content
    )
    assert not NotificationPreference.objects.exists()


def test_preferences_left_out_keep_their_current_choice(client, alice):
    services.set_preferences(user=alice, frequencies={"networks.joined": "daily"})
    client.post(
        reverse("notifications:preferences"), {"kind_networks_role_changed": "off"}
    )
    choices = dict(
        NotificationPreference.objects.filter(user=alice).values_list(
            "kind", "frequency"
        )
    )
    assert choices == {"networks.joined": "daily", "networks.role_changed": "off"}


def test_anonymous_visitor_is_sent_to_sign_in(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
