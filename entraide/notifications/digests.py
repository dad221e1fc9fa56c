"""Daily and weekly digests: one email per person and period, sent exactly once.

A notification whose kind the person wants in a digest is marked with that
frequency when it is recorded (``notify``). Once the period is over in the
person's own time zone — the day, or the week from Monday to Sunday — and the
local hour ``NOTIFICATIONS_DIGEST_HOUR`` has come, ``build_due_digests`` (a
housekeeping job of the worker) writes the ``Digest`` row, unique per (person,
frequency, first day), links the period's notifications to it in the same
transaction, and queues its sending. Building again, in a restarted worker or in
a second one, finds the row and the notifications already linked. Sending uses the
claim-and-lease protocol of ``delivery``.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Case, Q, Value, When
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from entraide.core.timezones import zone
from entraide.notifications import delivery, kinds
from entraide.notifications.models import (
    DeliveryStatus,
    Digest,
    Frequency,
    Notification,
)

# Midnight in the westmost Canadian zone (Pacific, standard time) is 08:00 UTC: a
# week has ended everywhere in Canada by then.
WESTMOST_OFFSET = timedelta(hours=8)
# Kinds about a community's content, told to its members only.
MEMBERS_ONLY_GROUPS = {"discussions", "meetings"}


def period_of(frequency: str, local_day: date) -> tuple[date, date]:
    """The first and last day of the period holding ``local_day``."""
    if frequency == Frequency.WEEKLY:
        start = local_day - timedelta(days=local_day.weekday())
        return start, start + timedelta(days=6)
    return local_day, local_day


def _local_midnight(day: date, tz) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz)


def due_at(period_end: date, tz) -> datetime:
    """When a period's digest goes: the next day at the digest hour, local time."""
    return datetime.combine(
        period_end + timedelta(days=1),
        time(settings.NOTIFICATIONS_DIGEST_HOUR),
        tzinfo=tz,
    )


def _candidates(now: datetime):
    """Notifications waiting for a digest that may be due (Python decides).

    A cheap bound in the database so that a notification of the current week is
    not read again at each pass.
    """
    # An hour less than the digest hour: the night a clock springs forward.
    hour = timedelta(hours=max(settings.NOTIFICATIONS_DIGEST_HOUR - 1, 0))
    utc_now = now.astimezone(UTC)
    monday = datetime.combine(
        utc_now.date() - timedelta(days=utc_now.weekday()), time(0), tzinfo=UTC
    )
    return Notification.objects.filter(digest__isnull=True).filter(
        Q(digest_frequency=Frequency.DAILY, created_at__lte=now - hour)
        | Q(
            digest_frequency=Frequency.WEEKLY,
            created_at__lte=min(now - hour, monday + WESTMOST_OFFSET),
        )
    )


@dataclass
class _Pending:
    recipient_id: int
    frequency: str
    start: date
    end: date
    tz: object
    count: int = 0
    digest_id: int | None = field(default=None)


def build_due_digests(*, now: datetime | None = None) -> int:
    """Write the digests whose period is over and queue them; returns how many.

    A constant number of queries per batch of people (``NOTIFICATIONS_DIGEST_BATCH``),
    whatever their number of notifications, and one sending task per batch.
    """
    now = now or timezone.now()
    candidates = _candidates(now)
    built = 0
    last = 0
    while True:
        people = list(
            candidates.filter(recipient_id__gt=last)
            .order_by("recipient_id")
            .values_list("recipient_id", flat=True)
            .distinct()[: settings.NOTIFICATIONS_DIGEST_BATCH]
        )
        if not people:
            return built
        last = people[-1]
        built += _build_for(people, candidates, now)


def _build_for(people: list[int], candidates, now: datetime) -> int:
    users = {
        user.pk: user
        for user in get_user_model()
        .objects.filter(pk__in=people)
        .only("pk", "email", "time_zone")
    }
    rows = candidates.filter(recipient_id__in=people).values_list(
        "recipient_id", "digest_frequency", "created_at"
    )
    pending: dict[tuple[int, str, date], _Pending] = {}
    for recipient_id, frequency, created_at in rows:
        if recipient_id not in users:  # deleted meanwhile, notifications with them
            continue
        tz = zone(users[recipient_id].time_zone)
        start, end = period_of(frequency, created_at.astimezone(tz).date())
        if due_at(end, tz) > now:
            continue
        key = (recipient_id, frequency, start)
        if key not in pending:
            pending[key] = _Pending(recipient_id, frequency, start, end, tz)
        pending[key].count += 1
    if not pending:
        return 0
    with transaction.atomic():
        Digest.objects.bulk_create(
            [
                Digest(
                    recipient_id=p.recipient_id,
                    to_email=users[p.recipient_id].email,
                    frequency=p.frequency,
                    period_start=p.start,
                    period_end=p.end,
                )
                for p in pending.values()
            ],
            ignore_conflicts=True,
        )
        found = Digest.objects.filter(
            recipient_id__in={p.recipient_id for p in pending.values()},
            period_start__in={p.start for p in pending.values()},
        ).values_list("pk", "recipient_id", "frequency", "period_start", "status")
        to_send = []
        for pk, recipient_id, frequency, start, status in found:
            item = pending.get((recipient_id, frequency, start))
            if item is not None:
                item.digest_id = pk
                if status == DeliveryStatus.PENDING:
                    to_send.append(pk)
        whens = [
            When(
                recipient_id=p.recipient_id,
                digest_frequency=p.frequency,
                created_at__gte=_local_midnight(p.start, p.tz),
                created_at__lt=_local_midnight(p.end + timedelta(days=1), p.tz),
                then=Value(p.digest_id),
            )
            for p in pending.values()
        ]
        candidates.filter(
            recipient_id__in={p.recipient_id for p in pending.values()}
        ).update(digest_id=Case(*whens, default=None))
        if to_send:
            transaction.on_commit(lambda: _enqueue(to_send), robust=True)
    return len(pending)


def _enqueue(digest_ids: list[int]) -> None:
    from entraide.notifications.tasks import send_digests

    send_digests.enqueue(digest_ids)


@dataclass
class Group:
    """The digest's lines about one network or community."""

    heading: str
    items: list = field(default_factory=list)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    when: datetime


def _groups(digest: Digest) -> list[Group]:
    """The digest's lines, without those about the content of a community the
    person has left since (its discussions and sessions are for members only)."""
    from entraide.communities.models import CommunityMembership

    notifications = digest.notifications.select_related(
        "network", "community"
    ).order_by("created_at", "pk")
    still_in = set(
        CommunityMembership.objects.filter(user=digest.recipient_id).values_list(
            "community_id", flat=True
        )
    )
    groups: dict[tuple, Group] = {}
    for notification in notifications:
        if (
            notification.community_id is not None
            and notification.community_id not in still_in
            and notification.kind.partition(".")[0] in MEMBERS_ONLY_GROUPS
        ):
            continue
        network, community = notification.network, notification.community
        if community is not None:
            key = (network.name if network else "", community.name)
            heading = (
                f"{community.name} ({network.name})" if network else community.name
            )
        elif network is not None:
            key = (network.name, "")
            heading = network.name
        else:
            key = ("", "")
            heading = "Entraide"
        group = groups.setdefault(key, Group(heading=heading))
        group.items.append(
            Item(
                title=delivery.header_text(
                    kinds.render_title(notification.kind, notification.context),
                    max_length=1000,
                ),
                url=delivery.absolute_link(notification.url),
                when=notification.created_at,
            )
        )
    return [groups[key] for key in sorted(groups)]


def subject_of(digest: Digest) -> str:
    """The digest's subject in the active language."""
    start = formats.date_format(digest.period_start, "DATE_FORMAT")
    if digest.frequency == Frequency.WEEKLY:
        end = formats.date_format(digest.period_end, "DATE_FORMAT")
        return _("Votre résumé de la semaine du %(start)s au %(end)s") % {
            "start": start,
            "end": end,
        }
    return _("Votre résumé du %(day)s") % {"day": start}


def build_message(row: Digest) -> EmailMultiAlternatives:
    """The digest in the person's language and time zone, as text and HTML."""
    recipient = row.recipient
    language, html_lang = delivery.language_of(recipient)
    with translation.override(language), timezone.override(zone(recipient.time_zone)):
        subject = subject_of(row)
        groups = _groups(row)
        if not groups:
            raise delivery.NothingToSend
        context = {
            "recipient": recipient,
            "subject": subject,
            "groups": groups,
            "count": sum(len(group.items) for group in groups),
            "weekly": row.frequency == Frequency.WEEKLY,
            "list_url": delivery.absolute_link(""),
            **delivery.footer_context(html_lang),
        }
        text = render_to_string("notifications/email/digest.txt", context)
        html = render_to_string("notifications/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject=delivery.header_text(f"[Entraide] {subject}"),
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[row.to_email],
        headers=delivery.message_headers(row, html_lang),
    )
    message.attach_alternative(html, "text/html")
    return message
