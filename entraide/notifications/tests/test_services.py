import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from entraide.core.testing import make_network, make_person
from entraide.notifications import kinds, services
from entraide.notifications.models import (
    DeliveryStatus,
    EmailDelivery,
    Notification,
    NotificationPreference,
)

pytestmark = pytest.mark.django_db


def test_notify_records_the_in_app_notification(django_capture_on_commit_callbacks):
    network = make_network()
    person = make_person("alice@example.org")
    actor = make_person("bob@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        notification = services.notify(
            recipient=person,
            kind="networks.joined",
            context={"network": network.name},
            url="/r/mcq/",
            actor=actor,
            network=network,
        )
    notification.refresh_from_db()
    assert notification.recipient == person
    assert notification.actor == actor
    assert notification.network == network
    assert not notification.is_read
    assert kinds.render_title(notification.kind, notification.context) == (
        f"{network.name} : vous faites maintenant partie de ce réseau."
    )


def test_email_is_sent_only_after_commit(smtp, django_capture_on_commit_callbacks):
    person = make_person("alice@example.org")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            services.notify(
                recipient=person, kind="networks.joined", context={"network": "A"}
            )
            assert smtp.messages == []
        assert smtp.messages == []
    assert len(callbacks) == 1
    assert len(smtp.to("alice@example.org")) == 1
    delivery = EmailDelivery.objects.get()
    assert delivery.status == DeliveryStatus.SENT
    assert delivery.attempts == 1


def test_rolled_back_action_sends_nothing(smtp, django_capture_on_commit_callbacks):
    person = make_person("alice@example.org")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.notify(
                recipient=person, kind="networks.joined", context={"network": "A"}
            )
            raise RuntimeError("the action failed")
    assert callbacks == []
    assert smtp.messages == []
    assert not Notification.objects.exists()
    assert not EmailDelivery.objects.exists()


def test_no_email_when_the_person_turned_it_off(
    smtp, django_capture_on_commit_callbacks
):
    person = make_person("alice@example.org")
    services.set_preferences(user=person, frequencies={"networks.joined": "off"})
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person, kind="networks.joined", context={"network": "A"}
        )
    assert Notification.objects.filter(recipient=person).count() == 1
    assert not EmailDelivery.objects.exists()
    assert smtp.messages == []


def test_kind_off_by_default_sends_no_email_until_turned_on(
    django_capture_on_commit_callbacks,
):
    person = make_person("alice@example.org")
    context = {"person": "Bob", "network": "A"}
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person, kind="networks.invitation_accepted", context=context
        )
    assert not EmailDelivery.objects.exists()
    services.set_preferences(
        user=person, frequencies={"networks.invitation_accepted": "immediately"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person, kind="networks.invitation_accepted", context=context
        )
    assert EmailDelivery.objects.count() == 1


def test_inactive_person_gets_no_email(django_capture_on_commit_callbacks):
    person = make_person("alice@example.org", is_active=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.notify(
            recipient=person, kind="networks.joined", context={"network": "A"}
        )
    assert Notification.objects.count() == 1
    assert not EmailDelivery.objects.exists()


def test_notify_refuses_an_unknown_kind():
    person = make_person("alice@example.org")
    with pytest.raises(KeyError):
        services.notify(recipient=person, kind="nothing.like.this")
    assert not Notification.objects.exists()


def test_mark_read_touches_only_the_persons_own_notifications():
    alice = make_person("alice@example.org")
    bob = make_person("bob@example.org")
    mine = services.notify(recipient=alice, kind="networks.joined")
    theirs = services.notify(recipient=bob, kind="networks.joined")
    assert services.mark_read(user=alice, notification_ids=[mine.pk, theirs.pk]) == 1
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.is_read
    assert not theirs.is_read


def test_set_preferences_updates_in_place():
    person = make_person("alice@example.org")
    services.set_preferences(user=person, frequencies={"networks.joined": "off"})
    services.set_preferences(user=person, frequencies={"networks.joined": "weekly"})
    assert list(
        NotificationPreference.objects.filter(user=person).values_list(
            "kind", "frequency"
        )
    ) == [("networks.joined", "weekly")]


def test_set_preferences_refuses_unknown_kinds_and_writes_nothing():
    person = make_person("alice@example.org")
    with pytest.raises(KeyError):
        services.set_preferences(
            user=person, frequencies={"networks.joined": "off", "nope": "daily"}
        )
    assert not NotificationPreference.objects.exists()


def test_set_preferences_refuses_an_unknown_frequency():
    person = make_person("alice@example.org")
    with pytest.raises(ValidationError):
        services.set_preferences(user=person, frequencies={"networks.joined": "hourly"})
    assert not NotificationPreference.objects.exists()


def test_title_falls_back_to_label_when_context_is_incomplete():
    assert kinds.render_title("networks.joined", {}) == "Bienvenue dans un réseau"
    assert kinds.render_title("gone.kind", {}) == "gone.kind"
