"""The demo communiqués: consents, last month's archived, this month's draft;
loading twice changes nothing and sends no email."""

import datetime

import pytest
import time_machine
from django.core import mail

from entraide.communiques.models import (
    Communique,
    CommuniqueDelivery,
    CommuniqueStatus,
    Consent,
)
from entraide.core.demo.communiques import load_demo_communiques
from entraide.core.demo.communities import load_communities
from entraide.core.demo.loader import load_demo
from entraide.core.demo.meetings import load_demo_meetings

pytestmark = pytest.mark.django_db

LOADED_ON = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)


def test_demo_communiques_loaded_once_without_email():
    with time_machine.travel(LOADED_ON, tick=False):
        slugs = [s.slug for s in load_demo()]
        load_communities()
        load_demo_meetings(["mcq"])
        count = load_demo_communiques(slugs)
        before = (Consent.objects.count(), CommuniqueDelivery.objects.count())
        assert load_demo_communiques(slugs) == count
    assert (Consent.objects.count(), CommuniqueDelivery.objects.count()) == before
    mcq = Communique.objects.filter(network__slug="mcq")
    november = mcq.get(month=datetime.date(2026, 11, 1))
    december = mcq.get(month=datetime.date(2026, 12, 1))
    assert november.status == CommuniqueStatus.SENT
    assert december.status == CommuniqueStatus.DRAFT
    assert Consent.objects.filter(network__slug="mcq").count() >= 150
    assert (
        november.deliveries.count()
        == Consent.objects.filter(network__slug="mcq").count()
    )
    assert not CommuniqueDelivery.objects.exclude(status="sent").exists()
    assert mail.outbox == []
