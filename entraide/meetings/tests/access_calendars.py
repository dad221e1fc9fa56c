"""Access rules of the calendar feeds and participation pages (gathered in access.py).

A feed's secret address is its credential: whoever holds it gets the calendar,
signed in or not, until it is revoked. The pages are the person's own.
"""

from entraide.core.testing import Rule, members_only

OWNER_ONLY = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "project_lead": 404,
    "admin": 404,
    "other_network_admin": 404,
    "community_member": 302,
    "facilitator": 404,
    "other_community_member": 404,
    "regional_committee": 404,
    "scientific_committee": 404,
}


def _community_feed(world):
    from entraide.meetings.services import calendars
    from entraide.meetings.tests.access_common import _session

    _session(world)
    world.extra["feed"] = calendars.get_or_create_feed(
        user=world.people["community_member"], community=world.community
    )


def _personal_feed(world):
    from entraide.meetings.services import calendars

    world.extra["feed"] = calendars.get_or_create_feed(
        user=world.people["community_member"]
    )


def _revoked_feed(world):
    from entraide.meetings.services import calendars

    person = world.people["facilitator"]
    feed = calendars.get_or_create_feed(user=person, community=world.community)
    world.extra["feed"] = calendars.revoke_feed(feed=feed, actor=person)


def _token(world):
    return {"token": world.extra["feed"].token}


def _pk(world):
    return {"pk": world.extra["feed"].pk}


RULES = [
    Rule("meetings:feed", kwargs=_token, setup=_community_feed, default=200),
    Rule("meetings:feed", kwargs=_token, setup=_personal_feed, default=200),
    Rule("meetings:feed", kwargs=_token, setup=_revoked_feed, default=404),
    Rule("meetings:calendars", expect=members_only()),
    Rule("meetings:feed_create", method="POST", data={}, expect={}, default=302),
    Rule(
        "meetings:feed_revoke",
        method="POST",
        kwargs=_pk,
        setup=_personal_feed,
        expect=OWNER_ONLY,
    ),
    Rule("meetings:participation", expect=members_only()),
    Rule("meetings:participation_csv", expect=members_only()),
]
