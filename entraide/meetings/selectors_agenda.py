"""Reads of a session's agenda, scoped to what a person may see.

Accepted points are for every member; a proposal, and a declined one, only for
the facilitators and the person who proposed it.
"""

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from entraide.communities.selectors import CommunityAccess
from entraide.meetings.models import (
    AgendaDocument,
    AgendaItem,
    AgendaStatus,
    Session,
)
from entraide.meetings.permissions import can_manage_agenda


def _with_details(items: QuerySet[AgendaItem]) -> QuerySet[AgendaItem]:
    return items.select_related("presenter", "proposed_by").prefetch_related(
        Prefetch(
            "documents",
            queryset=AgendaDocument.objects.order_by("created_at", "pk"),
        )
    )


def visible_agenda_items(
    access: CommunityAccess, session: Session, user
) -> QuerySet[AgendaItem]:
    items = AgendaItem.objects.filter(session=session)
    if can_manage_agenda(access, session):
        return items
    mine = Q(proposed_by=user) if user.is_authenticated else Q(pk__in=[])
    return items.filter(Q(status=AgendaStatus.ACCEPTED) | mine)


def accepted_items(session: Session) -> QuerySet[AgendaItem]:
    return _with_details(
        AgendaItem.objects.filter(session=session, status=AgendaStatus.ACCEPTED)
    ).order_by("position", "pk")


def proposals_of(session: Session) -> QuerySet[AgendaItem]:
    """Proposals waiting and declined ones, for the facilitators' queue."""
    return _with_details(
        AgendaItem.objects.filter(
            session=session,
            status__in=(AgendaStatus.PROPOSED, AgendaStatus.DECLINED),
        )
    ).order_by("created_at", "pk")


def own_proposals(session: Session, user) -> QuerySet[AgendaItem]:
    """The person's proposals still waiting or declined (accepted ones are listed)."""
    return _with_details(
        AgendaItem.objects.filter(
            session=session,
            proposed_by=user,
            status__in=(AgendaStatus.PROPOSED, AgendaStatus.DECLINED),
        )
    ).order_by("created_at", "pk")


def total_minutes(items) -> int:
    return sum(item.duration_minutes or 0 for item in items)


def agenda_item_for(
    access: CommunityAccess, session: Session, user, pk: int
) -> AgendaItem:
    """The point if the person may see it, else 404."""
    item = visible_agenda_items(access, session, user).filter(pk=pk).first()
    if item is None:
        raise Http404
    item.session = session
    return item


def agenda_document_for(item: AgendaItem, pk: int) -> AgendaDocument:
    document = AgendaDocument.objects.filter(item=item, pk=pk).first()
    if document is None:
        raise Http404
    document.item = item
    return document
