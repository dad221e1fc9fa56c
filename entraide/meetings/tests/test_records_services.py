"""Attendance, minutes, decisions and follow-ups through their services."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services as session_services
from entraide.meetings.models import (
    Attendance,
    Decision,
    FollowUp,
    FollowUpStatus,
    Session,
    SessionStatus,
)
from entraide.meetings.selectors_records import (
    attendance_counts,
    attendance_sheet,
    carried_follow_ups,
)
from entraide.meetings.services import records
from entraide.notifications.models import Notification


def past_session(place, days_ago: int = 2, **fields) -> Session:
    session = place.session(**fields)
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(days=days_ago)
    )
    session.refresh_from_db()
    return session


def test_attendance_is_recorded_then_corrected_without_duplicates(place):
    session = past_session(place)
    records.record_attendance(
        session=session,
        actor=place.facilitator,
        statuses={place.educator.pk: "present", place.peer.pk: "absent"},
    )
    records.record_attendance(
        session=session,
        actor=place.facilitator,
        statuses={place.peer.pk: "excused"},
    )
    assert dict(
        Attendance.objects.filter(session=session).values_list("user", "status")
    ) == {place.educator.pk: "present", place.peer.pk: "excused"}
    counts = attendance_counts(session)
    assert (counts.present, counts.absent, counts.excused) == (1, 0, 1)
    peer = Attendance.objects.get(session=session, user=place.peer)
    assert peer.recorded_by == place.facilitator


def test_people_who_are_not_members_cannot_be_marked(place):
    session = past_session(place)
    with pytest.raises(ValidationError) as error:
        records.record_attendance(
            session=session,
            actor=place.facilitator,
            statuses={place.educator.pk: "present", place.outsider.pk: "present"},
        )
    assert "statuses" in error.value.message_dict
    assert not Attendance.objects.exists()


def test_an_unknown_status_is_refused(place):
    session = past_session(place)
    with pytest.raises(ValidationError):
        records.record_attendance(
            session=session,
            actor=place.facilitator,
            statuses={place.educator.pk: "maybe"},
        )
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("status", "after"),
    [
        (SessionStatus.PLANNED, SessionStatus.HELD),
        (SessionStatus.CONFIRMED, SessionStatus.HELD),
        (SessionStatus.HELD, SessionStatus.HELD),
        (SessionStatus.POSTPONED, SessionStatus.POSTPONED),
    ],
)
def test_attendance_on_a_past_session_marks_it_held(place, status, after):
    session = past_session(place, status=status)
    sequence = session.sequence
    records.record_attendance(
        session=session,
        actor=place.facilitator,
        statuses={place.educator.pk: "present"},
    )
    session.refresh_from_db()
    assert session.status == after
    assert session.sequence == sequence + (status != after)


def test_no_attendance_before_the_session_or_when_cancelled(place):
    future = place.session()
    with pytest.raises(ValidationError):
        records.record_attendance(
            session=future,
            actor=place.facilitator,
            statuses={place.educator.pk: "present"},
        )
    cancelled = past_session(place)
    Session.objects.filter(pk=cancelled.pk).update(status=SessionStatus.CANCELLED)
    cancelled.refresh_from_db()
    with pytest.raises(ValidationError):
        records.record_attendance(
            session=cancelled,
            actor=place.facilitator,
            statuses={place.educator.pk: "present"},
        )
    assert not Attendance.objects.exists()


def test_the_sheet_lists_registered_people_first_then_members(place):
    session = place.session()
    session_services.register(session=session, user=place.peer)
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(hours=3)
    )
    session.refresh_from_db()
    people = list(attendance_sheet(session))
    assert people[0] == place.peer and people[0].is_registered
    assert set(people[1:]) == {place.educator, place.facilitator}
    assert place.outsider not in people


def test_minutes_and_decisions_are_saved_in_order_and_replaced(place):
    session = past_session(place)
    records.save_minutes(
        session=session,
        actor=place.facilitator,
        minutes="## Échanges\n\nTrès riches.",
        decisions=["Première", "", "  Deuxième  ", "Troisième"],
    )
    assert list(Decision.objects.values_list("text", flat=True)) == [
        "Première",
        "Deuxième",
        "Troisième",
    ]
    first = Decision.objects.get(text="Première").pk
    records.save_minutes(
        session=session,
        actor=place.facilitator,
        minutes="Autre texte",
        decisions=["Première revue"],
    )
    assert list(Decision.objects.values_list("pk", "text")) == [
        (first, "Première revue")
    ]
    session.refresh_from_db()
    assert session.minutes == "Autre texte"
    assert session.minutes_published_at is None


def test_a_save_over_a_newer_version_is_refused(place):
    from entraide.meetings.selectors_records import minutes_version

    session = past_session(place)
    seen = minutes_version(session, [])
    records.save_minutes(
        session=session, actor=place.facilitator, minutes="A", decisions=[]
    )
    with pytest.raises(ValidationError) as error:
        records.save_minutes(
            session=session,
            actor=place.facilitator,
            minutes="B",
            decisions=[],
            expected_version=seen,
        )
    assert error.value.error_list[0].code == "conflict"
    session.refresh_from_db()
    assert session.minutes == "A"


def test_too_long_a_decision_is_refused_on_its_field(place):
    session = past_session(place)
    with pytest.raises(ValidationError) as error:
        records.save_minutes(
            session=session,
            actor=place.facilitator,
            minutes="Texte",
            decisions=["ok", "x" * 2001],
        )
    assert "no 2" in error.value.message_dict["decisions"][0]
    assert not Decision.objects.exists()


def test_publishing_tells_current_members_once(place):
    former = make_member(place.network, "ancienne@mcq.example")
    membership = CommunityMembership.objects.create(
        community=place.community, user=former
    )
    membership.delete()
    session = past_session(place)
    records.save_minutes(
        session=session, actor=place.facilitator, minutes="Compte rendu", decisions=[]
    )
    assert records.publish_minutes(session=session, actor=place.facilitator) is True
    notified = set(
        Notification.objects.filter(kind="meetings.minutes_published").values_list(
            "recipient", flat=True
        )
    )
    assert notified == {place.educator.pk, place.peer.pk}
    first_date = Session.objects.get(pk=session.pk).minutes_published_at
    records.save_minutes(
        session=session, actor=place.facilitator, minutes="Corrigé", decisions=[]
    )
    assert records.publish_minutes(session=session, actor=place.facilitator) is False
    assert Notification.objects.filter(kind="meetings.minutes_published").count() == 2
    assert Session.objects.get(pk=session.pk).minutes_published_at >= first_date


def test_empty_minutes_cannot_be_published(place):
    session = past_session(place)
    with pytest.raises(ValidationError):
        records.publish_minutes(session=session, actor=place.facilitator)
    assert Session.objects.get(pk=session.pk).minutes_published_at is None
    assert not Notification.objects.exists()


def test_a_follow_up_goes_to_a_member_who_is_told(place):
    session = past_session(place)
    follow_up = records.add_follow_up(
        session=session,
        actor=place.facilitator,
        description="  Envoyer la grille\r\nd'observation ",
        assignee=place.educator,
        due_on=date(2027, 1, 15),
    )
    assert follow_up.status == FollowUpStatus.OPEN
    notice = Notification.objects.get(kind="meetings.follow_up_assigned")
    assert notice.recipient == place.educator
    assert notice.context["follow_up"] == "Envoyer la grille d'observation"
    assert follow_up.description == "Envoyer la grille d'observation"


@pytest.mark.parametrize(
    ("who", "field"),
    [("outsider", "assignee"), ("manager", "assignee")],
)
def test_a_follow_up_cannot_go_to_someone_outside_the_community(place, who, field):
    session = past_session(place)
    with pytest.raises(ValidationError) as error:
        records.add_follow_up(
            session=session,
            actor=place.facilitator,
            description="Quelque chose",
            assignee=getattr(place, who),
        )
    assert field in error.value.message_dict
    assert not FollowUp.objects.exists()
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"description": ""}, "description"),
        ({"description": "x" * 501}, "description"),
        ({"due_on": date(1999, 12, 31)}, "due_on"),
    ],
)
def test_a_follow_up_needs_a_description_and_a_plausible_date(place, fields, field):
    session = past_session(place)
    with pytest.raises(ValidationError) as error:
        records.add_follow_up(
            session=session,
            actor=place.facilitator,
            **{"description": "Quelque chose", **fields},
        )
    assert field in error.value.message_dict


def test_closing_a_follow_up_sets_its_closing_time_and_reopening_clears_it(place):
    session = past_session(place)
    follow_up = records.add_follow_up(
        session=session, actor=place.facilitator, description="Relancer"
    )
    records.update_follow_up(
        follow_up=follow_up, actor=place.facilitator, status="done"
    )
    assert follow_up.closed_at is not None
    records.update_follow_up(
        follow_up=follow_up, actor=place.facilitator, status="in_progress"
    )
    follow_up.refresh_from_db()
    assert follow_up.closed_at is None and follow_up.status == "in_progress"


def test_a_new_assignee_is_told_and_a_departed_one_does_not_block_status(place):
    session = past_session(place)
    follow_up = records.add_follow_up(
        session=session,
        actor=place.facilitator,
        description="Relancer",
        assignee=place.peer,
    )
    CommunityMembership.objects.filter(user=place.peer).delete()
    records.update_follow_up(
        follow_up=follow_up, actor=place.facilitator, status="in_progress"
    )
    records.update_follow_up(
        follow_up=follow_up,
        actor=place.facilitator,
        status="in_progress",
        assignee=place.educator,
    )
    assert Notification.objects.filter(
        kind="meetings.follow_up_assigned", recipient=place.educator
    ).exists()
    with pytest.raises(ValidationError):
        records.update_follow_up(
            follow_up=follow_up,
            actor=place.facilitator,
            status="in_progress",
            assignee=place.peer,
        )


def test_open_follow_ups_are_carried_to_later_sessions_until_done(place):
    september = past_session(place, days_ago=60, title="Septembre")
    october = past_session(place, days_ago=30, title="Octobre")
    december = place.session(title="Décembre")
    old = records.add_follow_up(
        session=september, actor=place.facilitator, description="Ancien"
    )
    recent = records.add_follow_up(
        session=october,
        actor=place.facilitator,
        description="Récent",
        assignee=place.educator,
    )
    done = records.add_follow_up(
        session=october, actor=place.facilitator, description="Réglé"
    )
    records.update_follow_up(follow_up=done, actor=place.facilitator, status="done")
    assert list(carried_follow_ups(december)) == [old, recent]
    assert list(carried_follow_ups(october)) == [old]
    assert list(carried_follow_ups(september)) == []
    records.update_follow_up(follow_up=old, actor=place.educator, status="cancelled")
    records.update_follow_up(
        follow_up=recent, actor=place.educator, status="in_progress"
    )
    assert list(carried_follow_ups(december)) == [recent]
    records.update_follow_up(follow_up=recent, actor=place.educator, status="done")
    assert list(carried_follow_ups(december)) == []


def test_published_minutes_reach_members_by_email_once(
    place, smtp, django_capture_on_commit_callbacks
):
    session = past_session(place)
    records.save_minutes(
        session=session, actor=place.facilitator, minutes="Compte rendu", decisions=[]
    )
    with django_capture_on_commit_callbacks(execute=True):
        records.publish_minutes(session=session, actor=place.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        records.publish_minutes(session=session, actor=place.facilitator)
    assert len(smtp.to("educator@mcq.example")) == 1
    assert "compte rendu" in smtp.to("peer@mcq.example")[0]["Subject"]
    assert smtp.to("outsider@mcq.example") == []
    assert smtp.to("facilitator@mcq.example") == []
