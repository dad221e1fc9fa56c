"""Consent, headers, suppression and one delivery per person, with a real SMTP
server and the immediate task backend."""

import datetime
from urllib.parse import urlparse

import pytest
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from entraide.communiques.models import (
    CommuniqueDelivery,
    CommuniqueStatus,
    Consent,
    Suppression,
)
from entraide.communiques.services import assembly, consent, editing, sending
from entraide.communiques.tests.conftest import subscribed
from entraide.communities.models import Community
from entraide.core.testing import make_member
from entraide.dissemination.models import NewsPost
from entraide.meetings.models import Session
from entraide.notifications.models import DeliveryStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Call a service, then run what it queued after commit, as in a request."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def test_only_consenting_members_receive_it_with_the_unsubscribe_headers(
    committed, smtp, network, lead, draft
):
    people = subscribed(network, 3)
    make_member(network, "sans-consentement@example.org")
    withdrawn = subscribed(network, 1, prefix="retire")[0]
    consent.withdraw_consent(user=withdrawn, network=network)

    committed(sending.send_now, communique=draft, actor=lead)

    assert sorted(m["To"] for m in smtp.messages) == sorted(p.email for p in people)
    for message in smtp.messages:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        https, mailto = [
            part.strip().strip("<>") for part in message["List-Unsubscribe"].split(",")
        ]
        assert https.startswith("http") and "/communiques/desabonnement/" in https
        assert mailto.startswith("mailto:")
        text = smtp.body(message)
        assert https in text and "Pour nous joindre" in text
        assert message.get_body(preferencelist=("html",)) is not None
    draft.refresh_from_db()
    assert draft.status == CommuniqueStatus.SENT


def test_sending_twice_writes_one_delivery_per_person(
    committed, smtp, network, lead, draft
):
    subscribed(network, 4)
    committed(sending.send_now, communique=draft, actor=lead)
    assert sending.write_deliveries(draft.pk) == 0
    draft.status = CommuniqueStatus.SENDING
    draft.save()
    assert sending.write_deliveries(draft.pk) == 0
    assert CommuniqueDelivery.objects.filter(communique=draft).count() == 4
    assert len(smtp.messages) == 4
    row = CommuniqueDelivery.objects.first()
    with pytest.raises(IntegrityError):
        CommuniqueDelivery.objects.create(
            communique=draft, recipient=row.recipient, to_email="x@example.org"
        )


def test_english_recipient_gets_the_fixed_parts_in_english(
    committed, smtp, network, lead, draft
):
    subscribed(network, 1, prefix="english", language="en")
    committed(sending.send_now, communique=draft, actor=lead)
    (message,) = smtp.messages
    assert "Contact us:" in smtp.body(message)
    assert message["Content-Language"] == "en"


def test_unsubscribed_between_writing_and_sending_gets_nothing(
    committed, settings, smtp, network, lead, draft
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    (person,) = subscribed(network, 1)
    committed(sending.send_now, communique=draft, actor=lead)
    sending.write_deliveries(draft.pk)
    consent.withdraw_consent(user=person, network=network)
    from entraide.communiques.delivery import COMMUNIQUES
    from entraide.notifications import delivery

    row = CommuniqueDelivery.objects.get()
    assert delivery.send(row.pk, COMMUNIQUES) == "failed"
    assert smtp.messages == []


def test_a_permanent_refusal_suppresses_the_address(
    committed, settings, smtp, network, lead, draft, monkeypatch
):
    """The SMTP server answers 550 to one recipient: that address is suppressed
    and the next communiqué skips it."""
    (person,) = subscribed(network, 1)
    import smtplib

    original = smtplib.SMTP.sendmail

    def refuse(self, from_addr, to_addrs, msg, *args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({person.email: (550, b"No such user")})

    monkeypatch.setattr(smtplib.SMTP, "sendmail", refuse)
    committed(sending.send_now, communique=draft, actor=lead)
    monkeypatch.setattr(smtplib.SMTP, "sendmail", original)
    assert CommuniqueDelivery.objects.get().status == DeliveryStatus.FAILED
    assert Suppression.objects.filter(email=person.email).exists()
    following = assembly.assemble(
        network=network, month=datetime.date(2026, 12, 1), actor=lead
    )
    editing.add_text_item(communique=following, title="Décembre", text="Salut")
    with pytest.raises(Exception, match="Personne"):
        committed(sending.send_now, communique=following, actor=lead)


def test_test_send_goes_to_the_lead_only(committed, smtp, network, lead, draft):
    subscribed(network, 2)
    committed(sending.send_test, communique=draft, actor=lead)
    committed(sending.send_test, communique=draft, actor=lead)
    assert [m["To"] for m in smtp.messages] == [lead.email, lead.email]
    draft.refresh_from_db()
    assert draft.status == CommuniqueStatus.DRAFT


def test_one_click_unsubscribe_needs_no_sign_in(client, network):
    (person,) = subscribed(network, 1)
    token = consent.unsubscribe_token(user=person, network=network)
    url = reverse("communiques:unsubscribe", args=[token])
    page = client.get(url)
    assert page.status_code == 200
    assert Consent.objects.filter(withdrawn_at__isnull=True).count() == 1
    answer = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert answer.status_code == 200
    assert not Consent.objects.filter(withdrawn_at__isnull=True).exists()
    assert client.get(url[:-5] + "abcd/").status_code == 404


def test_consent_keeps_wording_version_language_and_history(network):
    (person,) = subscribed(network, 1)
    first = Consent.objects.get(user=person)
    assert first.wording_version == 1 and network.name in first.wording
    assert first.language
    assert consent.give_consent(user=person, network=network) == first
    consent.withdraw_consent(user=person, network=network)
    consent.give_consent(user=person, network=network)
    assert Consent.objects.filter(user=person).count() == 2


def test_assembly_takes_what_members_may_see_and_is_idempotent(network, lead):
    november = timezone.make_aware(datetime.datetime(2026, 11, 10, 12))
    NewsPost.objects.create(
        network=network,
        title="Nouvelle de novembre",
        slug="novembre",
        body="...",
        status="published",
        published_at=november,
    )
    NewsPost.objects.create(
        network=network, title="Brouillon", slug="brouillon", body="..."
    )
    open_community = Community.objects.create(
        network=network, slug="ouverte", name="Ouverte", visibility="network"
    )
    closed = Community.objects.create(
        network=network, slug="fermee", name="Fermée", visibility="members"
    )
    december = timezone.make_aware(datetime.datetime(2026, 12, 9, 19))
    Session.objects.create(
        community=open_community, title="Visible", starts_at=december
    )
    Session.objects.create(community=closed, title="Privée", starts_at=december)

    month = datetime.date(2026, 11, 1)
    communique = assembly.assemble(network=network, month=month, actor=lead)
    titles = list(communique.items.values_list("title", flat=True))
    assert titles == ["Visible", "Nouvelle de novembre"]
    item = communique.items.get(title="Visible")
    editing.remove_item(communique=communique, item_id=item.pk)
    again = assembly.assemble(network=network, month=month, actor=lead)
    assert again.pk == communique.pk
    assert again.items.count() == 2
    assert list(again.items.filter(removed=False).values_list("title", flat=True)) == [
        "Nouvelle de novembre"
    ]


def test_reorder_and_add_text(network, lead, draft):
    first = editing.add_text_item(communique=draft, title="Un", text="")
    second = editing.add_text_item(communique=draft, title="Deux", text="")
    editing.move_item(communique=draft, item_id=second.pk, direction="up")
    order = list(
        draft.items.filter(removed=False)
        .order_by("position")
        .values_list("pk", flat=True)
    )
    assert order.index(second.pk) < order.index(first.pk)


def test_scheduled_communique_starts_in_housekeeping(
    committed, smtp, network, lead, draft
):
    subscribed(network, 2)
    sending.schedule(
        communique=draft,
        actor=lead,
        when=timezone.now() + datetime.timedelta(hours=1),
    )
    committed(sending.housekeeping)
    assert smtp.messages == []
    committed(sending.housekeeping, now=timezone.now() + datetime.timedelta(hours=2))
    assert len(smtp.messages) == 2


def test_unsubscribe_link_is_absolute_and_local(committed, smtp, network, lead, draft):
    subscribed(network, 1)
    committed(sending.send_now, communique=draft, actor=lead)
    link = smtp.messages[0]["List-Unsubscribe"].split(",")[0].strip("<> ")
    assert urlparse(link).path.startswith("/r/communiques/desabonnement/")
