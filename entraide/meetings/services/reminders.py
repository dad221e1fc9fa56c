"""Reminders before a session, exactly once per registration and offset.

``send_due_reminders`` runs in the worker's housekeeping loop (every minute by
default). For each offset (24 h and 1 h before, by default) a reminder is owed to
every registration that was already there when the offset's time came, in a
session that still takes place, of a person who is still a member. Its
``SentReminder`` row and its notification are written in one transaction, and the
row is unique per (registration, offset): a second pass, a restarted worker or a
second worker finds it and moves on. When a worker was down long enough that two
offsets are due at once, only the closer one is sent; the other is recorded as
passed over.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.meetings.models import (
    Registration,
    RegistrationStatus,
    SentReminder,
    SessionStatus,
)
from entraide.meetings.services.sessions import notify_about

BATCH = 500


def reminder_offsets() -> list[int]:
    """Minutes before the start, closest first."""
    return sorted(set(settings.MEETINGS_REMINDER_MINUTES))


def _due(minutes: int, now):
    """Registrations owed the reminder ``minutes`` before their session, not done."""
    return (
        Registration.objects.filter(
            status=RegistrationStatus.REGISTERED,
            session__status__in=(SessionStatus.PLANNED, SessionStatus.CONFIRMED),
            session__starts_at__gt=now,
            session__starts_at__lte=now + timedelta(minutes=minutes),
        )
        .filter(
            Exists(
                CommunityMembership.objects.filter(
                    community=OuterRef("session__community"), user=OuterRef("user")
                )
            )
        )
        .exclude(
            Exists(
                SentReminder.objects.filter(
                    registration=OuterRef("pk"), minutes_before=minutes
                )
            )
        )
        .select_related("session__community__network", "user")
        .order_by("session__starts_at", "pk")
    )


def _record(registration, minutes: int, *, notify: bool) -> bool:
    """Writes the reminder's row (and notification); False if it existed already."""
    try:
        with transaction.atomic():
            SentReminder.objects.create(
                registration=registration, minutes_before=minutes, notified=notify
            )
            if notify:
                notify_about(
                    registration.session, registration.user, "meetings.reminder"
                )
    except IntegrityError:
        return False
    return notify


def send_due_reminders(*, now=None) -> int:
    """Sends the reminders that are due; returns how many were sent."""
    now = now or timezone.now()
    offsets = reminder_offsets()
    sent = 0
    for index, minutes in enumerate(offsets):
        closer = offsets[:index]
        while True:
            batch = list(_due(minutes, now)[:BATCH])
            if not batch:
                break
            for registration in batch:
                starts_at = registration.session.starts_at
                window_opened = starts_at - timedelta(minutes=minutes)
                passed_over = registration.created_at > window_opened or any(
                    starts_at - timedelta(minutes=m) <= now for m in closer
                )
                sent += _record(registration, minutes, notify=not passed_over)
    return sent
