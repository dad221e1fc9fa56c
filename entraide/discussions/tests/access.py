"""Who gets what from each discussions URL (see tests/test_access_matrix.py).

The World's "pedagogie" community is members-only: its member and facilitator read
it; everyone else of network A gets 404, like network B's admin.
"""

from entraide.core.testing import Rule

# Community content is for the community's members only.
READERS = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "project_lead": 404,
    "admin": 404,
    "other_network_admin": 404,
    "other_community_member": 404,
    "regional_committee": 404,
    "scientific_committee": 404,
    "community_member": 200,
    "facilitator": 200,
}


def _community(world, **kwargs):
    return {
        "network": world.network.slug,
        "community": world.community.slug,
        **kwargs,
    }


def _thread(world):
    """A thread by the facilitator, made once."""
    from entraide.discussions.models import Thread

    if "thread" not in world.extra:
        world.extra["thread"] = Thread.objects.create(
            community=world.community,
            author=world.people["facilitator"],
            title="Les routines du matin",
            body="Comment vivez-vous l'arrivée des enfants?",
            last_activity_at=world.community.created_at,
        )
    return world.extra["thread"]


def _thread_kwargs(world, **kwargs):
    return _community(world, pk=_thread(world).pk, **kwargs)


RULES = [
    Rule("discussions:list", kwargs=_community, expect=READERS),
    Rule("discussions:detail", kwargs=_thread_kwargs, expect=READERS),
]
