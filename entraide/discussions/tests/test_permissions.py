"""Who may do what in a members-only community's discussions: a truth table."""

import pytest

from entraide.communities.selectors import community_for
from entraide.discussions import permissions as perms
from entraide.discussions import services

pytestmark = pytest.mark.django_db

ROLES = ["educator", "facilitator", "outsider", "manager", "foreign_admin"]
# action → roles allowed; the post in question was written by the peer.
TABLE = {
    "read": {"educator", "facilitator"},
    "start_thread": {"educator", "facilitator"},
    "announce": {"facilitator"},
    "reply": {"educator", "facilitator"},
    "edit_others_post": set(),
    "mark_helpful": {"educator", "facilitator"},
    "report": {"educator", "facilitator"},
    "moderate": {"facilitator"},
}


def allowed(place, who, action):
    user = getattr(place, who)
    try:
        access = community_for(user, place.network.slug, place.community.slug)
    except Exception:  # Http404: the community itself is out of reach
        return False
    thread = place.thread
    reply = place.reply
    return {
        "read": lambda: perms.can_read(access),
        "start_thread": lambda: perms.can_start_thread(access),
        "announce": lambda: perms.can_post_announcement(access),
        "reply": lambda: perms.can_reply(access, thread),
        "edit_others_post": lambda: perms.can_edit_post(access, user, reply),
        "mark_helpful": lambda: perms.can_mark_helpful(access, user, reply),
        "report": lambda: perms.can_report(access, user, reply),
        "moderate": lambda: perms.can_moderate(access),
    }[action]()


@pytest.fixture
def posted(place):
    place.thread = services.start_thread(
        community=place.community,
        author=place.peer,
        kind="question",
        title="Sieste",
        body="Combien de temps?",
    )
    place.reply = services.post_reply(
        thread=place.thread, author=place.peer, body="Une heure"
    )
    return place


@pytest.mark.parametrize("action", sorted(TABLE))
@pytest.mark.parametrize("who", ROLES)
def test_permission_truth_table(posted, who, action):
    assert allowed(posted, who, action) is (who in TABLE[action])


def test_author_edits_and_deletes_own_post_but_cannot_mark_it_helpful(posted):
    access = community_for(posted.peer, "mcq", "pedagogie")
    assert perms.can_edit_post(access, posted.peer, posted.reply)
    assert perms.can_delete_post(access, posted.peer, posted.reply)
    assert not perms.can_mark_helpful(access, posted.peer, posted.reply)


def test_locked_thread_takes_replies_from_moderators_only(posted):
    services.set_locked(thread=posted.thread, actor=posted.facilitator, locked=True)
    member = community_for(posted.educator, "mcq", "pedagogie")
    facilitator = community_for(posted.facilitator, "mcq", "pedagogie")
    assert not perms.can_reply(member, posted.thread)
    assert perms.can_reply(facilitator, posted.thread)
