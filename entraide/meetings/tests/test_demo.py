"""Demo sessions: idempotent, past ones held, upcoming planned, nothing sent."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.core import mail

from entraide.communities.models import Community
from entraide.core.demo.meetings import SEASON, load_demo_meetings
from entraide.meetings.models import (
    AgendaItem,
    Attendance,
    Decision,
    FollowUp,
    Registration,
    Session,
    SessionStatus,
    YearTheme,
)
from entraide.meetings.selectors_records import carried_follow_ups
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


def _records_snapshot():
    return {
        "themes": sorted(YearTheme.objects.values_list("pk", "title", "position")),
        "agenda": sorted(AgendaItem.objects.values_list("pk", "session", "title")),
        "attendance": sorted(Attendance.objects.values_list("pk", "user", "status")),
        "decisions": sorted(Decision.objects.values_list("pk", "session", "text")),
        "follow_ups": sorted(
            FollowUp.objects.values_list("pk", "status", "assignee", "due_on")
        ),
        "minutes": sorted(
            Session.objects.values_list("pk", "minutes", "minutes_published_at")
        ),
    }


@time_machine.travel(datetime(2026, 12, 2, 14, 0, tzinfo=UTC), tick=False)
def test_demo_records_fill_the_past_and_carry_follow_ups_to_the_next_session(place):
    load_demo_meetings(["mcq"])
    first = _records_snapshot()
    load_demo_meetings(["mcq"])
    assert _records_snapshot() == first

    themes = list(YearTheme.objects.filter(community=place.community, season=2026))
    assert [t.title for t in themes] == [theme for _y, _m, theme in SEASON]
    for session in Session.objects.all():
        points = session.agenda_items.filter(status="accepted").count()
        assert 3 <= points <= 4, session
    sessions = list(Session.objects.order_by("starts_at"))
    past, upcoming = sessions[:3], sessions[3:]
    for session in past:
        assert session.minutes and session.minutes_published_at
        assert 2 <= session.decisions.count() <= 3
        statuses = list(session.attendances.values_list("status", flat=True))
        assert statuses.count("present") > len(statuses) / 2
    assert set(Attendance.objects.values_list("status", flat=True)) == {
        "present",
        "absent",
        "excused",
    }
    for session in upcoming:
        assert not session.minutes and not session.attendances.exists()
        assert not session.follow_ups.exists()
    assert set(FollowUp.objects.values_list("status", flat=True)) >= {
        "done",
        "open",
        "in_progress",
    }
    assert not FollowUp.objects.filter(status="done", closed_at__isnull=True).exists()
    carried = list(carried_follow_ups(upcoming[0]))
    assert len(carried) >= 2
    assert all(f.assignee and f.due_on and f.is_open() for f in carried)
    assert not Notification.objects.exists() and not mail.outbox


def test_demo_without_communities_does_nothing(db):
    assert load_demo_meetings(["mcq"]) == 0
