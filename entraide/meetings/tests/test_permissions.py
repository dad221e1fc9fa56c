from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from entraide.communities.selectors import community_for
from entraide.meetings import permissions as perms
from entraide.meetings import services


def _access(place, role):
    return community_for(getattr(place, role), "mcq", "pedagogie")


@pytest.mark.parametrize(
    ("role", "view", "manage"),
    [
        ("educator", True, False),
        ("facilitator", True, True),
        # Network managers see the members-only community's page, not its content.
        ("manager", False, False),
    ],
)
def test_who_sees_and_plans_sessions(place, role, view, manage):
    access = _access(place, role)
    assert perms.can_view_sessions(access) is view
    assert perms.can_manage_sessions(access) is manage


@pytest.mark.parametrize(
    ("role", "state", "allowed"),
    [
        ("educator", "upcoming", True),
        ("educator", "past", False),
        ("educator", "cancelled", False),
        ("facilitator", "upcoming", True),
    ],
)
def test_who_may_register(place, role, state, allowed):
    session = place.session()
    if state == "past":
        session.starts_at = timezone.now() - timedelta(days=2)
        session.save()
    if state == "cancelled":
        session = services.cancel_session(session=session, actor=place.facilitator)
    assert perms.can_register(_access(place, role), session) is allowed


def test_cancelled_session_is_no_longer_editable(place):
    session = services.cancel_session(session=place.session(), actor=place.facilitator)
    assert not perms.can_edit_session(_access(place, "facilitator"), session)


def test_archived_community_sessions_are_read_only(place):
    session = place.session()
    place.community.archived_at = timezone.now()
    place.community.save()
    access = _access(place, "facilitator")
    assert perms.can_view_sessions(access)
    assert not perms.can_manage_sessions(access)
    assert not perms.can_register(access, session)


def test_outsider_does_not_even_reach_the_members_only_community(place):
    with pytest.raises(Http404):
        _access(place, "outsider")
