"""Who may propose and manage agenda points: role × action × session state."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from entraide.communities.selectors import community_for
from entraide.meetings import permissions as perms
from entraide.meetings import services
from entraide.meetings.models import AgendaItem
from entraide.meetings.services import agenda

STATES = ("upcoming", "under_way", "past", "cancelled", "archived")


def _session_in(place, state):
    session = place.session()
    if state == "under_way":
        session.starts_at = timezone.now() - timedelta(minutes=30)
        session.save()
    elif state == "past":
        session.starts_at = timezone.now() - timedelta(days=2)
        session.save()
    elif state == "cancelled":
        session = services.cancel_session(session=session, actor=place.facilitator)
    elif state == "archived":
        place.community.archived_at = timezone.now()
        place.community.save()
    return session


# (propose, manage) for each state, in the order of STATES.
TABLE = {
    "educator": {
        "upcoming": (True, False),
        "under_way": (True, False),
        "past": (False, False),
        "cancelled": (False, False),
        "archived": (False, False),
    },
    "facilitator": {
        "upcoming": (True, True),
        "under_way": (True, True),
        "past": (False, True),
        "cancelled": (False, False),
        "archived": (False, False),
    },
    "manager": dict.fromkeys(STATES, (False, False)),
}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", sorted(TABLE))
def test_permission_predicates(place, role, state):
    session = _session_in(place, state)
    access = community_for(getattr(place, role), "mcq", "pedagogie")
    propose, manage = TABLE[role][state]
    assert perms.can_propose_agenda_item(access, session) is propose
    assert perms.can_manage_agenda(access, session) is manage


def _status(response_code_for_allowed, allowed, member):
    if not member:
        return 404
    return response_code_for_allowed if allowed else 403


FORM = {"title": "Tour de table", "duration_minutes": "10", "description": ""}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ["educator", "facilitator", "manager", "outsider"])
def test_pages_follow_the_table(client, place, role, state):
    session = _session_in(place, state)
    item = agenda.add_item(session=session, actor=place.facilitator, title="Accueil")
    propose, manage = TABLE.get(role, {}).get(state, (False, False))
    member = role in ("educator", "facilitator")
    client.force_login(getattr(place, role))

    def url(name, **extra):
        return reverse(f"meetings:{name}", kwargs=place.kwargs(pk=session.pk, **extra))

    page = client.get(session.get_absolute_url())
    assert page.status_code == (200 if member else 404)
    assert client.post(url("agenda_propose"), FORM).status_code == _status(
        302, propose, member
    )
    assert client.post(url("agenda_add"), FORM).status_code == _status(
        302, manage, member
    )
    assert client.post(url("agenda_down", item=item.pk)).status_code == _status(
        302, manage, member
    )
    assert client.get(url("agenda_edit", item=item.pk)).status_code == _status(
        200, manage, member
    )
    if member:
        content = page.content.decode()
        assert ("Proposer un point" in content) is (propose and not manage)
        assert ("Ajouter un point" in content) is manage
        assert "Accueil" in content
    expected_items = 1 + propose + manage
    assert AgendaItem.objects.count() == expected_items
