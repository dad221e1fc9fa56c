"""Demo sessions: idempotent, past ones held, upcoming planned, nothing sent."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from entraide.communities.models import Community
from entraide.core.demo.meetings import SEASON, load_demo_meetings
from entraide.meetings.models import Registration, Session, SessionStatus
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


@time_machine.travel(datetime(2026, 11, 24, 15, 0, tzinfo=UTC), tick=False)
def test_demo_sessions_are_loaded_once_with_the_season_statuses(place):
    Community.objects.create(network=place.network, slug="vide", name="Vide")
    assert load_demo_meetings(["mcq"]) == len(SEASON)
    counts = (Session.objects.count(), Registration.objects.count())
    assert load_demo_meetings(["mcq"]) == len(SEASON)
    assert (Session.objects.count(), Registration.objects.count()) == counts
    statuses = list(
        Session.objects.order_by("starts_at").values_list("status", flat=True)
    )
    assert statuses[:2] == [SessionStatus.HELD, SessionStatus.HELD]
    assert statuses[2] == SessionStatus.HELD  # 10 November
    assert statuses[3] == SessionStatus.CONFIRMED
    assert set(statuses[4:]) == {SessionStatus.PLANNED}
    assert Registration.objects.exists()
    assert not Session.objects.filter(community__slug="vide").exists()
    assert not Notification.objects.exists() and not mail.outbox


def test_demo_without_communities_does_nothing(db):
    assert load_demo_meetings(["mcq"]) == 0
