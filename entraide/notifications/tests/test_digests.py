"""Daily and weekly digests: who gets one, when, what it says, and only once."""

from collections import Counter
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import TestCase
from django_tasks_db.models import DBTaskResult

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import SMTPFixture, make_member, make_network, make_person
from entraide.notifications import delivery, digests, services
from entraide.notifications.models import (
    DeliveryStatus,
    Digest,
    EmailDelivery,
    Notification,
)

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
MONTREAL = ZoneInfo("America/Toronto")
VANCOUVER = ZoneInfo("America/Vancouver")


def at(*args, tz=MONTREAL) -> datetime:
    return datetime(*args, tzinfo=tz)


def notify_at(when: datetime, person, **fields):
    fields.setdefault("kind", "networks.joined")
    fields.setdefault("context", {"network": "Réseau Mauricie"})
    with time_machine.travel(when, tick=False):
        return services.notify(recipient=person, **fields)


def person_with(email: str, frequency: str, kind="networks.joined", **fields):
    person = make_person(email, **fields)
    services.set_preferences(user=person, frequencies={kind: frequency})
    return person


def build_and_send(now: datetime) -> int:
    """Build the due digests, then run their sending tasks as a worker would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        built = digests.build_due_digests(now=now)
    return built


def send_all() -> None:
    for digest in Digest.objects.filter(status=DeliveryStatus.PENDING):
        delivery.send(digest.pk, delivery.DIGESTS)


# --- Who gets one, and when -------------------------------------------------


def test_daily_digest_gathers_the_days_notifications_in_one_email(smtp):
    alice = person_with("alice@example.org", "daily")
    for hour in (8, 12, 23):
        notify_at(at(2026, 12, 1, hour), alice)
    notify_at(at(2026, 12, 2, 0, 30), alice)  # the next day: tomorrow's digest
    assert not EmailDelivery.objects.exists()
    assert Notification.objects.filter(recipient=alice).count() == 4

    assert build_and_send(at(2026, 12, 2, 6, 59)) == 0, "before 7:00, nothing"
    assert build_and_send(at(2026, 12, 2, 7, 0)) == 1
    assert len(smtp.to("alice@example.org")) == 1
    digest = Digest.objects.get()
    assert (digest.frequency, str(digest.period_start)) == ("daily", "2026-12-01")
    assert digest.status == DeliveryStatus.SENT
    assert digest.notifications.count() == 3
    body = SMTPFixture.body(smtp.messages[0])
    assert "Voici les 3 notifications de votre journée dans Entraide." in body
    assert smtp.messages[0]["Subject"].strip() == (
        "[Entraide] Votre résumé du 1 décembre 2026"
    )


def test_a_digest_is_built_and_sent_once_however_often_the_job_runs(smtp, settings):
    settings.TASKS = DB_TASKS
    alice = person_with("alice@example.org", "daily")
    notify_at(at(2026, 12, 1, 10), alice)
    assert build_and_send(at(2026, 12, 2, 8)) == 1
    assert build_and_send(at(2026, 12, 2, 8, 1)) == 0
    assert build_and_send(at(2026, 12, 3, 8)) == 0
    (task,) = DBTaskResult.objects.filter(status="READY")
    (digest_ids,) = task.args_kwargs["args"]
    from entraide.notifications.tasks import send_digests

    assert send_digests.call(digest_ids) == {"sent": 1}
    assert send_digests.call(digest_ids) == {"skipped": 1}, "a retried task"
    assert delivery.send(digest_ids[0], delivery.DIGESTS) == "skipped"
    assert len(smtp.to("alice@example.org")) == 1
    assert Digest.objects.count() == 1


def test_two_builders_at_once_make_one_digest_per_person():
    alice = person_with("alice@example.org", "daily")
    notify_at(at(2026, 12, 1, 10), alice)
    now = at(2026, 12, 2, 8)
    # A second builder read the same notifications before the first one wrote.
    digests._build_for([alice.pk], digests._candidates(now), now)
    Notification.objects.update(digest=None)
    digests._build_for([alice.pk], digests._candidates(now), now)
    assert Digest.objects.count() == 1
    assert Notification.objects.get().digest == Digest.objects.get()


def test_off_sends_nothing_but_keeps_the_notification_in_the_list(smtp):
    bob = person_with("bob@example.org", "off")
    notify_at(at(2026, 12, 1, 10), bob)
    build_and_send(at(2026, 12, 9, 8))
    send_all()
    assert Notification.objects.filter(recipient=bob).count() == 1
    assert not Digest.objects.exists()
    assert not EmailDelivery.objects.exists()
    assert smtp.messages == []


def test_nothing_in_the_period_means_no_digest(smtp):
    person_with("alice@example.org", "daily")
    person_with("bob@example.org", "weekly")
    assert build_and_send(at(2026, 12, 14, 8)) == 0
    assert smtp.messages == []


def test_immediately_still_sends_each_email_at_once_and_no_digest(smtp):
    alice = person_with("alice@example.org", "immediately")
    with TestCase.captureOnCommitCallbacks(execute=True):
        notify_at(at(2026, 12, 1, 10), alice)
    assert EmailDelivery.objects.count() == 1
    assert build_and_send(at(2026, 12, 2, 8)) == 0
    assert len(smtp.messages) == 1


def test_weekly_digest_covers_monday_to_sunday_and_goes_the_next_monday(smtp):
    alice = person_with("alice@example.org", "weekly")
    notify_at(at(2026, 11, 29, 22), alice)  # Sunday of the week before
    for day in (30, 1, 6):  # Monday 30 November, Tuesday 1, Sunday 6 December
        month = 11 if day == 30 else 12
        notify_at(at(2026, month, day, 21), alice)
    notify_at(at(2026, 12, 7, 1), alice)  # the next Monday

    assert build_and_send(at(2026, 12, 6, 23, 59)) == 1, "only last week's"
    send_all()
    assert Digest.objects.get().period_start.isoformat() == "2026-11-23"
    assert build_and_send(at(2026, 12, 7, 6, 59)) == 0
    assert build_and_send(at(2026, 12, 7, 7, 0)) == 1
    send_all()
    digest = Digest.objects.get(period_start="2026-11-30")
    assert digest.period_end.isoformat() == "2026-12-06"
    assert digest.notifications.count() == 3
    latest = smtp.messages[-1]
    assert latest["Subject"].strip() == (
        "[Entraide] Votre résumé de la semaine du 30 novembre 2026 au 6 décembre 2026"
    )
    assert "Voici les 3 notifications de votre semaine dans Entraide." in (
        SMTPFixture.body(latest)
    )
    assert Counter(m["To"] for m in smtp.messages) == {"alice@example.org": 2}


def test_english_member_in_vancouver_gets_her_digest_at_her_local_hour(smtp):
    jane = person_with(
        "jane@example.org",
        "daily",
        language="en",
        time_zone="America/Vancouver",
    )
    # 23:30 in Vancouver on December 1 is already December 2 in Montréal and UTC.
    notify_at(at(2026, 12, 1, 23, 30, tz=VANCOUVER), jane)
    assert build_and_send(at(2026, 12, 2, 7, 0)) == 0, "7:00 in Montréal: too early"
    assert build_and_send(at(2026, 12, 2, 6, 59, tz=VANCOUVER)) == 0
    assert build_and_send(at(2026, 12, 2, 7, 0, tz=VANCOUVER)) == 1
    digest = Digest.objects.get()
    assert digest.period_start.isoformat() == "2026-12-01"
    (message,) = smtp.messages
    assert message["Content-Language"] == "en"
    html = message.get_body(preferencelist=("html",)).get_content()
    assert '<html lang="en">' in html
    assert "23:30" in SMTPFixture.body(message), "the time in her own zone"


def test_digest_lists_items_by_community_and_network_with_links_and_casl_footer(
    smtp, settings
):
    settings.SITE_URL = "https://entraide.example"
    settings.PRIVACY_OFFICER_EMAIL = "dpo@entraide.example"
    network = make_network()
    alice = make_member(network, "alice@example.org")
    community = Community.objects.create(network=network, slug="ped", name="Pédagogie")
    CommunityMembership.objects.create(community=community, user=alice)
    services.set_preferences(
        user=alice,
        frequencies={"networks.joined": "daily", "communities.role_changed": "daily"},
    )
    notify_at(
        at(2026, 12, 1, 9),
        alice,
        network=network,
        context={"network": network.name},
        url="/r/mcq/",
    )
    notify_at(
        at(2026, 12, 1, 10),
        alice,
        kind="communities.role_changed",
        context={"community": "Pédagogie", "role": "animatrice"},
        network=network,
        community=community,
        url="/r/mcq/communautes/ped/",
    )
    build_and_send(at(2026, 12, 2, 8))
    (message,) = smtp.messages
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    assert text.index(f"== {network.name} ==") < text.index(
        f"== Pédagogie ({network.name}) =="
    )
    for body in (text, html):
        assert "Pédagogie : votre rôle est maintenant « animatrice »." in body
        assert "https://entraide.example/r/mcq/communautes/ped/" in body
        assert "https://entraide.example/notifications/preferences/" in body
        assert "dpo@entraide.example" in body
    assert message["Message-ID"] == (
        f"<{Digest.objects.get().message_id}@{delivery._mail_domain()}>"
    )


def test_a_choice_for_one_community_overrides_the_kinds(smtp):
    network = make_network()
    alice = make_member(network, "alice@example.org")
    quiet = Community.objects.create(network=network, slug="a", name="Calme")
    busy = Community.objects.create(network=network, slug="b", name="Active")
    for community in (quiet, busy):
        CommunityMembership.objects.create(community=community, user=alice)
    kind = "communities.role_changed"
    services.set_preferences(
        user=alice,
        frequencies={kind: "immediately"},
        overrides={(busy.pk, kind): "weekly", (quiet.pk, kind): ""},
    )
    context = {"community": "x", "role": "membre"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        for community in (quiet, busy):
            notify_at(
                at(2026, 12, 1, 10),
                alice,
                kind=kind,
                context=context,
                community=community,
            )
    assert EmailDelivery.objects.get().notification.community == quiet
    assert Notification.objects.get(community=busy).digest_frequency == "weekly"
    services.set_preferences(
        user=alice, frequencies={}, overrides={(quiet.pk, kind): "off"}
    )
    notify_at(at(2026, 12, 1, 11), alice, kind=kind, context=context, community=quiet)
    assert EmailDelivery.objects.count() == 1


def test_an_override_needs_a_community_of_ones_own():
    network = make_network()
    alice = make_member(network, "alice@example.org")
    theirs = Community.objects.create(network=network, slug="a", name="Autre")
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.set_preferences(
            user=alice,
            frequencies={},
            overrides={(theirs.pk, "communities.role_changed"): "off"},
        )
    CommunityMembership.objects.create(community=theirs, user=alice)
    with pytest.raises(ValidationError):
        services.set_preferences(
            user=alice,
            frequencies={},
            overrides={(theirs.pk, "networks.joined"): "off"},
        )


def test_a_person_deactivated_before_the_digest_goes_gets_nothing(smtp):
    alice = person_with("alice@example.org", "daily")
    notify_at(at(2026, 12, 1, 10), alice)
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    build_and_send(at(2026, 12, 2, 8))
    assert smtp.messages == []
    assert Digest.objects.get().status == DeliveryStatus.FAILED


# --- Cost -------------------------------------------------------------------


def _people_with_digests(count: int, start: int) -> None:
    for index in range(start, start + count):
        person = person_with(f"p{index:03}@example.org", "daily")
        for hour in (9, 14):
            notify_at(at(2026, 12, 1, hour), person)


def test_building_digests_costs_the_same_queries_for_3_or_30_people(
    django_assert_max_num_queries, settings
):
    settings.TASKS = DB_TASKS
    _people_with_digests(3, 0)
    with django_assert_max_num_queries(20) as small:
        assert build_and_send(at(2026, 12, 2, 8)) == 3
    Digest.objects.all().delete()
    DBTaskResult.objects.all().delete()
    _people_with_digests(27, 3)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert build_and_send(at(2026, 12, 2, 8)) == 30
    assert Digest.objects.count() == 30


def test_people_are_taken_in_batches_each_with_one_sending_task(settings):
    settings.TASKS = DB_TASKS
    settings.NOTIFICATIONS_DIGEST_BATCH = 2
    _people_with_digests(5, 0)
    assert build_and_send(at(2026, 12, 2, 8)) == 5
    tasks = DBTaskResult.objects.filter(status="READY")
    assert sorted(len(t.args_kwargs["args"][0]) for t in tasks) == [1, 2, 2]
    assert Digest.objects.count() == 5
    assert not Notification.objects.filter(digest__isnull=True).exists()


def test_a_digest_leaves_out_the_content_of_a_community_left_since(smtp):
    network = make_network()
    alice = make_member(network, "alice@example.org")
    private = Community.objects.create(
        network=network, slug="prive", name="Privée", visibility="members"
    )
    membership = CommunityMembership.objects.create(community=private, user=alice)
    services.set_preferences(
        user=alice,
        frequencies={
            "discussions.reply": "daily",
            "communities.join_declined": "daily",
        },
    )
    notify_at(
        at(2026, 12, 1, 10),
        alice,
        kind="discussions.reply",
        context={"community": "Privée", "person": "Bob", "thread": "Sujet secret"},
        network=network,
        community=private,
    )
    membership.delete()
    build_and_send(at(2026, 12, 2, 8))
    assert smtp.messages == []
    assert Digest.objects.get().status == DeliveryStatus.FAILED

    notify_at(
        at(2026, 12, 2, 10),
        alice,
        kind="discussions.reply",
        context={"community": "Privée", "person": "Bob", "thread": "Autre secret"},
        network=network,
        community=private,
    )
    notify_at(
        at(2026, 12, 2, 11),
        alice,
        kind="communities.join_declined",
        context={"community": "Privée"},
        network=network,
        community=private,
    )
    build_and_send(at(2026, 12, 3, 8))
    (message,) = smtp.messages
    body = SMTPFixture.body(message)
    assert "secret" not in body
    assert "Privée : votre demande d'adhésion n'a pas été retenue." in body
    assert "Voici la notification de votre journée dans Entraide." in body
