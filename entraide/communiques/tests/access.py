"""Who gets what from the communiques URLs (see tests/test_access_matrix.py).

Members of the network read the archive and manage their subscription; its
project lead and admin prepare, edit, test and send; drafts are 404 to everyone
else, like a missing communiqué. The unsubscribe link answers anyone holding it.
"""

import datetime

from entraide.core.testing import Rule, managers_only, members_only


def _communique(world, key, month, status):
    from entraide.communiques.models import Communique

    if key not in world.extra:
        world.extra[key], _created = Communique.objects.get_or_create(
            network=world.network,
            month=month,
            defaults={
                "subject": f"Communiqué {key}",
                "intro": "Bonjour",
                "status": status,
            },
        )
    return world.extra[key]


def _draft(world):
    return {
        "network": world.network.slug,
        "pk": _communique(world, "draft", datetime.date(2026, 11, 1), "draft").pk,
    }


def _sent(world):
    return {
        "network": world.network.slug,
        "pk": _communique(world, "sent", datetime.date(2026, 10, 1), "sent").pk,
    }


def _item(action):
    def kwargs(world):
        from entraide.communiques.services import editing

        base = _draft(world)
        key = f"item-{action}"
        if key not in world.extra:
            world.extra[key] = editing.add_text_item(
                communique=world.extra["draft"], title="Texte", text=action
            )
        return base | {"item": world.extra[key].pk, "action": action}

    return kwargs


def _token(world):
    from entraide.communiques.services.consent import unsubscribe_token

    return {
        "token": unsubscribe_token(user=world.people["member"], network=world.network)
    }


NETWORK = {"network": "reseau-a"}
OTHER_404 = {"other_network_admin": 404}
# Not the network's leads: a draft is 404, like a missing one.
DRAFT_GET = managers_only(member=404, management=404)
DRAFT_POST = managers_only(member=404, management=404, project_lead=302, admin=302)

RULES = [
    Rule("communiques:list", kwargs=NETWORK, expect=members_only(**OTHER_404)),
    Rule(
        "communiques:assemble",
        method="POST",
        kwargs=NETWORK,
        data={"month": "2026-11-01"},
        expect=managers_only(project_lead=302, admin=302),
    ),
    Rule("communiques:consent", kwargs=NETWORK, expect=members_only(**OTHER_404)),
    Rule(
        "communiques:consent",
        method="POST",
        kwargs=NETWORK,
        data={"accept": "on"},
        default=302,
        expect=OTHER_404,
    ),
    Rule("communiques:detail", kwargs=_sent, expect=members_only(**OTHER_404)),
    Rule(
        "communiques:detail",
        kwargs=_draft,
        expect=managers_only(member=404, management=404, project_lead=302, admin=302),
    ),
    Rule("communiques:edit", kwargs=_draft, expect=DRAFT_GET),
    Rule(
        "communiques:edit",
        method="POST",
        kwargs=_draft,
        data={"subject": "Objet modifié", "intro": "Bonjour"},
        expect=DRAFT_POST,
    ),
    Rule(
        "communiques:edit",
        kwargs=_sent,
        expect=DRAFT_POST | {"member": 403, "management": 403},
    ),
    Rule("communiques:item", method="POST", kwargs=_item("monter"), expect=DRAFT_POST),
    Rule(
        "communiques:item",
        method="POST",
        kwargs=_item("autre"),
        expect=DRAFT_POST | {"project_lead": 404, "admin": 404},
    ),
    Rule("communiques:item_add", kwargs=_draft, expect=DRAFT_GET),
    Rule(
        "communiques:item_add",
        method="POST",
        kwargs=_draft,
        data={"title": "Un mot", "text": "Bonjour"},
        expect=DRAFT_POST,
    ),
    Rule("communiques:preview", kwargs=_draft, expect=DRAFT_GET),
    Rule("communiques:test", method="POST", kwargs=_draft, expect=DRAFT_POST),
    Rule("communiques:send", kwargs=_draft, expect=DRAFT_GET),
    Rule("communiques:unsubscribe", kwargs=_token),
    Rule(
        "communiques:unsubscribe",
        kwargs={"token": "pas-un-jeton"},
        default=404,
    ),
]
