"""Writes to calendar feeds: a person's secret addresses, made and revoked."""

import secrets

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from entraide.meetings.models import CalendarFeed


def new_token() -> str:
    return secrets.token_urlsafe(32)


def active_feed(*, user, community=None) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(
        user=user, community=community, revoked_at__isnull=True
    ).first()


def get_or_create_feed(*, user, community=None) -> CalendarFeed:
    """The person's active feed (``community=None``: their own), made if needed.

    The database allows one active feed per person and community; a second
    request at the same moment gets the feed the first one made.
    """
    feed = active_feed(user=user, community=community)
    if feed is not None:
        return feed
    feed = CalendarFeed(user=user, community=community, token=new_token())
    feed.full_clean(exclude=["user", "community"], validate_constraints=False)
    try:
        with transaction.atomic():
            feed.save()
    except IntegrityError:
        feed = active_feed(user=user, community=community)
        if feed is None:
            raise
    return feed


def revoke_feed(*, feed: CalendarFeed, actor) -> CalendarFeed:
    """The address stops working at once; a new one can be made afterwards."""
    if feed.user_id != actor.pk:
        raise PermissionDenied
    with transaction.atomic():
        CalendarFeed.objects.filter(pk=feed.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now()
        )
        feed.refresh_from_db(fields=["revoked_at"])
    return feed
