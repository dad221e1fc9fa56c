"""Discussion services: counters, notifications to members only, moderation."""

import pytest
from django.core.exceptions import ValidationError

from entraide.communities.models import CommunityMembership
from entraide.discussions import services
from entraide.discussions.models import (
    Follow,
    ModerationEvent,
    Reply,
    Report,
    ReportStatus,
    Thread,
)
from entraide.discussions.selectors import recent_threads
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


def start(place, **fields):
    fields.setdefault("kind", "question")
    fields.setdefault("title", "Transitions difficiles")
    fields.setdefault("body", "Comment aidez-vous les enfants à ranger?")
    return services.start_thread(
        community=place.community, author=place.educator, **fields
    )


def kinds_for(user):
    return list(
        Notification.objects.filter(recipient=user).values_list("kind", flat=True)
    )


def test_author_follows_own_thread(place):
    thread = start(place)
    assert Follow.objects.filter(thread=thread, user=place.educator).exists()


def test_followers_are_notified_of_a_reply_but_not_its_author(place):
    thread = start(place)
    services.post_reply(thread=thread, author=place.peer, body="Une chanson!")
    assert kinds_for(place.educator) == ["discussions.reply"]
    assert kinds_for(place.peer) == []
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_follower_who_left_the_community_is_not_notified(place):
    thread = start(place)
    services.set_following(thread=thread, user=place.facilitator, follow=True)
    CommunityMembership.objects.filter(user=place.facilitator).delete()
    services.post_reply(thread=thread, author=place.peer, body="Une chanson!")
    assert kinds_for(place.facilitator) == []


def test_mention_resolves_only_to_community_members(place):
    start(place, body="Qu'en pensez-vous @elise.gagnon et @nadia.roy?")
    assert kinds_for(place.peer) == ["discussions.mention"]
    assert kinds_for(place.outsider) == []


def test_mentioned_follower_gets_one_notification(place):
    thread = start(place)
    services.post_reply(thread=thread, author=place.peer, body="@julie.tremblay oui")
    assert kinds_for(place.educator) == ["discussions.mention"]


def test_editing_notifies_only_newly_mentioned_people(place):
    thread = start(place, body="Bonjour @elise.gagnon")
    services.edit_thread(
        thread=thread,
        actor=place.educator,
        kind="question",
        title=thread.title,
        body="Bonjour @elise.gagnon et @marc.cote",
    )
    assert kinds_for(place.peer) == ["discussions.mention"]
    assert kinds_for(place.facilitator) == ["discussions.mention"]
    thread.refresh_from_db()
    assert thread.edited_at is not None


def test_body_longer_than_20000_characters_is_refused(place):
    with pytest.raises(ValidationError):
        start(place, body="x" * 20_001)
    assert not Thread.objects.exists()


def test_helpful_toggles_and_counts(place):
    thread = start(place)
    reply = services.post_reply(thread=thread, author=place.peer, body="Essayez")
    assert services.toggle_helpful(reply=reply, user=place.educator) is True
    reply.refresh_from_db()
    assert reply.helpful_count == 1
    assert services.toggle_helpful(reply=reply, user=place.educator) is False
    reply.refresh_from_db()
    assert reply.helpful_count == 0


def test_soft_delete_keeps_replies(place):
    thread = start(place)
    services.post_reply(thread=thread, author=place.peer, body="Réponse")
    services.delete_post(post=thread, actor=place.educator)
    thread.refresh_from_db()
    assert thread.is_deleted
    assert Reply.objects.filter(thread=thread).count() == 1


def test_hiding_a_reply_records_reason_notifies_author_and_updates_count(place):
    thread = start(place)
    reply = services.post_reply(thread=thread, author=place.peer, body="Injure")
    services.hide_post(post=reply, actor=place.facilitator, reason="Propos blessants")
    thread.refresh_from_db()
    assert thread.reply_count == 0
    assert "discussions.hidden" in kinds_for(place.peer)
    assert ModerationEvent.objects.get().reason == "Propos blessants"
    services.unhide_post(post=reply, actor=place.facilitator)
    thread.refresh_from_db()
    assert thread.reply_count == 1


def test_hiding_needs_a_reason(place):
    thread = start(place)
    with pytest.raises(ValidationError):
        services.hide_post(post=thread, actor=place.facilitator, reason="  ")
    thread.refresh_from_db()
    assert not thread.is_hidden


def test_report_notifies_facilitators_and_resolution_notifies_reporter(place):
    thread = start(place)
    report = services.report_post(post=thread, reporter=place.peer, reason="Hors sujet")
    assert kinds_for(place.facilitator) == ["discussions.reported"]
    services.resolve_report(report=report, actor=place.facilitator, resolution="Vu")
    report.refresh_from_db()
    assert report.status == ReportStatus.RESOLVED
    assert "discussions.report_resolved" in kinds_for(place.peer)
    assert Report.objects.count() == 1


def test_recent_threads_leave_out_hidden_ones(place):
    visible = start(place, title="Visible")
    hidden = start(place, title="Masqué")
    services.hide_post(post=hidden, actor=place.facilitator, reason="Doublon")
    assert list(recent_threads(place.community)) == [visible]
