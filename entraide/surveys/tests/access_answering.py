"""Who gets what from the surveys' answering URLs (tests/test_access_matrix.py).

An open survey of network A's « pedagogie » community asks its members (and its
facilitator); the network's leads manage it and get a preview; other people of A,
and B's admin, get a 404. The list is for network A's members. A public survey's
link answers anyone, signed in or not. Thanks pages read only: POST is a 405.
"""

from entraide.core.testing import Rule
from entraide.surveys.tests.factories import make_survey


def _survey(key, **fields):
    def kwargs(world):
        if key not in world.extra:
            world.extra[key] = make_survey(
                world.network, community=world.community, status="open", **fields
            )
        return world.extra[key]

    return kwargs


COMMUNITY = _survey("answering_survey")
PUBLIC = _survey("answering_public", audience="public")


def by_pk(world):
    return {"network": world.network.slug, "pk": COMMUNITY(world).pk}


def by_token(world):
    return {"network": world.network.slug, "token": PUBLIC(world).public_token}


ASKED = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "other_network_admin": 404,
    "community_member": 200,
    "facilitator": 200,
    "project_lead": 200,
    "admin": 200,
}
SIGNED_IN_READ_ONLY = {"anonymous": 302}
NETWORK_MEMBERS = {"anonymous": 302, "other_network_admin": 404}

RULES = [
    Rule("surveys:to_answer", kwargs={"network": "reseau-a"}, expect=NETWORK_MEMBERS),
    Rule(
        "surveys:to_answer",
        method="POST",
        kwargs={"network": "reseau-a"},
        data={},
        expect=SIGNED_IN_READ_ONLY,
        default=405,
    ),
    Rule("surveys:answer", kwargs=by_pk, expect=ASKED, default=404),
    Rule(
        "surveys:answer",
        method="POST",
        kwargs=by_pk,
        data={"action": "next"},
        expect=ASKED,
        default=404,
    ),
    Rule("surveys:thanks", kwargs=by_pk, expect=ASKED, default=404),
    Rule(
        "surveys:thanks",
        method="POST",
        kwargs=by_pk,
        data={},
        expect=SIGNED_IN_READ_ONLY,
        default=405,
    ),
    Rule("surveys:public_answer", kwargs=by_token),
    Rule("surveys:public_answer", method="POST", kwargs=by_token, data={}),
    Rule("surveys:public_thanks", kwargs=by_token),
    Rule("surveys:public_thanks", method="POST", kwargs=by_token, data={}, default=405),
]
