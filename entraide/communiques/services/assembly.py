"""Assembling a month's draft from the network's activity, idempotently.

Each source item carries a ``reference`` (``practice:12``); assembling again adds
only what is new since, after the items already there, and never brings back an
item the project lead removed. Only what every member of the network may read is
taken: practices and tools published to the network or wider, sessions of public
or network-wide communities, plans out of preparation, published news.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from entraide.communiques.models import (
    Communique,
    CommuniqueItem,
    CommuniqueStatus,
    ItemKind,
)
from entraide.core.timezones import zone
from entraide.dissemination.selectors import published_news

SOURCE_LIMIT = 30


@dataclass(frozen=True)
class Found:
    kind: str
    reference: str
    title: str
    text: str
    url: str


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def next_month(month: datetime.date) -> datetime.date:
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def month_bounds(network, month: datetime.date):
    """The month as aware datetimes in the network's time zone (end excluded)."""
    tz = zone(network.time_zone)
    start = datetime.datetime.combine(month, datetime.time(), tzinfo=tz)
    end = datetime.datetime.combine(next_month(month), datetime.time(), tzinfo=tz)
    return start, end


def current_month(network) -> datetime.date:
    return month_start(timezone.now().astimezone(zone(network.time_zone)).date())


def default_subject(network, month: datetime.date) -> str:
    with translation.override(network.language or "fr-ca"):
        return _("Communiqué de %(month)s — %(network)s") % {
            "month": formats.date_format(month, "YEAR_MONTH_FORMAT"),
            "network": network.short_name or network.name,
        }


def _practices(network, start, end):
    from entraide.practices.models import PracticeSheet, Scope, SheetState

    sheets = (
        PracticeSheet.objects.filter(
            network=network,
            state=SheetState.PUBLISHED,
            scope__in=[Scope.NETWORK, Scope.PROVINCIAL, Scope.PUBLIC],
            published_version__isnull=False,
            published_at__gte=start,
            published_at__lt=end,
        )
        .select_related("published_version", "network")
        .order_by("published_at", "pk")[:SOURCE_LIMIT]
    )
    for sheet in sheets:
        version = sheet.published_version
        yield Found(
            ItemKind.PRACTICE,
            f"practice:{sheet.pk}",
            version.title[:200],
            version.summary[:1000],
            sheet.get_absolute_url(),
        )


def _tools(network, start, end):
    from entraide.library.models import Tool, ToolScope, ToolStatus

    tools = (
        Tool.objects.filter(
            network=network,
            scope__in=[ToolScope.NETWORK, ToolScope.PUBLIC],
            published_version__isnull=False,
            published_at__gte=start,
            published_at__lt=end,
        )
        .exclude(status=ToolStatus.ARCHIVED)
        .select_related("published_version", "network")
        .order_by("published_at", "pk")[:SOURCE_LIMIT]
    )
    for tool in tools:
        version = tool.published_version
        yield Found(
            ItemKind.TOOL,
            f"tool:{tool.pk}",
            version.title[:200],
            version.description[:1000],
            tool.get_absolute_url(),
        )


def _sessions(network, start, end):
    """The sessions of the month after: what members can still register for."""
    from entraide.communities.models import Visibility
    from entraide.meetings.models import Session, SessionStatus

    after_start, after_end = end, month_bounds(network, next_month(start.date()))[1]
    sessions = (
        Session.objects.filter(
            community__network=network,
            community__visibility__in=[Visibility.PUBLIC, Visibility.NETWORK],
            starts_at__gte=after_start,
            starts_at__lt=after_end,
        )
        .exclude(status__in=[SessionStatus.CANCELLED, SessionStatus.POSTPONED])
        .select_related("community__network")
        .order_by("starts_at", "pk")[:SOURCE_LIMIT]
    )
    tz = zone(network.time_zone)
    for session in sessions:
        with translation.override(network.language or "fr-ca"):
            when = formats.date_format(
                session.starts_at.astimezone(tz), "DATETIME_FORMAT"
            )
        yield Found(
            ItemKind.SESSION,
            f"session:{session.pk}",
            session.title[:200],
            f"{session.community.name} · {when}",
            session.get_absolute_url(),
        )


def _plans(network, start, end):
    from entraide.plans.models import (
        ActionStatus,
        ActionUpdate,
        IndicatorMeasure,
        PlanStatus,
    )

    done = (
        ActionUpdate.objects.filter(
            action__plan__network=network,
            to_status=ActionStatus.DONE,
            created_at__gte=start,
            created_at__lt=end,
        )
        .exclude(action__plan__status=PlanStatus.DRAFT)
        .select_related("action__plan__network")
        .order_by("created_at", "pk")[:SOURCE_LIMIT]
    )
    with translation.override(network.language or "fr-ca"):
        done_label = _("Action terminée")
        met_label = _("Cible atteinte")
    seen = set()
    for update in done:
        action = update.action
        if action.pk in seen:
            continue
        seen.add(action.pk)
        yield Found(
            ItemKind.PLAN,
            f"action:{action.pk}",
            f"{done_label} : {action.description}"[:200],
            action.plan.title,
            action.get_absolute_url(),
        )
    measures = (
        IndicatorMeasure.objects.filter(
            indicator__plan__network=network,
            value__gte=F("indicator__goal_min"),
            measured_on__gte=start.date(),
            measured_on__lt=end.date(),
        )
        .exclude(indicator__plan__status=PlanStatus.DRAFT)
        .select_related("indicator__plan__network")
        .order_by("measured_on", "pk")[:SOURCE_LIMIT]
    )
    for measure in measures:
        indicator = measure.indicator
        yield Found(
            ItemKind.PLAN,
            f"indicator:{indicator.pk}",
            f"{met_label} : {indicator.name}"[:200],
            indicator.plan.title,
            indicator.plan.get_absolute_url(),
        )


def _news(network, start, end):
    for post in published_news(network, start=start, end=end).order_by(
        "published_at", "pk"
    )[:SOURCE_LIMIT]:
        yield Found(
            ItemKind.NEWS,
            f"news:{post.pk}",
            post.title[:200],
            post.summary[:1000],
            "",
        )


SOURCES = (_practices, _tools, _sessions, _plans, _news)


def found_items(network, month: datetime.date) -> list[Found]:
    start, end = month_bounds(network, month)
    return [found for source in SOURCES for found in source(network, start, end)]


def assemble(*, network, month: datetime.date, actor=None) -> Communique:
    """The month's communiqué, created if needed, with the month's new items.

    A communiqué already sent or being sent is returned as it is.
    """
    month = month_start(month)
    with transaction.atomic():
        communique = (
            Communique.objects.select_for_update()
            .filter(network=network, month=month)
            .first()
        )
        if communique is None:
            communique = Communique(
                network=network,
                month=month,
                subject=default_subject(network, month),
                created_by=actor,
            )
            communique.full_clean()
            try:
                with transaction.atomic():
                    communique.save()
            except IntegrityError:
                communique = Communique.objects.select_for_update().get(
                    network=network, month=month
                )
        if communique.status not in (
            CommuniqueStatus.DRAFT,
            CommuniqueStatus.SCHEDULED,
        ):
            return communique
        known = set(
            communique.items.exclude(reference="").values_list("reference", flat=True)
        )
        position = communique.items.aggregate(last=Max("position"))["last"] or 0
        new = []
        for found in found_items(network, month):
            if found.reference in known:
                continue
            known.add(found.reference)
            position += 1
            new.append(
                CommuniqueItem(
                    communique=communique,
                    kind=found.kind,
                    reference=found.reference,
                    title=found.title,
                    text=found.text,
                    url=found.url,
                    position=position,
                )
            )
        CommuniqueItem.objects.bulk_create(new)
    return communique
