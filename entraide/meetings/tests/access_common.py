"""What every access-rule module of the meetings app shares: role answers, a session.

Sessions are community content: the World's members-only "pedagogie" community's
member and facilitator see them; everyone else of network A gets 404 (network
managers included), like network B's admin.
"""

from datetime import timedelta

from django.utils import timezone

NOT_MEMBERS = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "project_lead": 404,
    "admin": 404,
    "other_network_admin": 404,
    "other_community_member": 404,
    "regional_committee": 404,
    "scientific_committee": 404,
}
READERS = {**NOT_MEMBERS, "community_member": 200, "facilitator": 200}
WRITERS = {**NOT_MEMBERS, "community_member": 302, "facilitator": 302}
FACILITATOR_ONLY = {**NOT_MEMBERS, "community_member": 403, "facilitator": 200}
FACILITATOR_ACTS = {**NOT_MEMBERS, "community_member": 403, "facilitator": 302}


def _new_session(world):
    from entraide.meetings.models import Session

    return Session.objects.create(
        community=world.community,
        title="Les routines du matin",
        starts_at=timezone.now() + timedelta(days=10),
        duration_minutes=90,
        capacity=20,
        created_by=world.people["facilitator"],
    )


def _session(world):
    if "session" not in world.extra:
        world.extra["session"] = _new_session(world)
    world.extra["current_session"] = world.extra["session"]


def _fresh_session(world):
    world.extra["current_session"] = _new_session(world)
