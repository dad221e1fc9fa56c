from entraide.core.testing import ROLE_FALLBACK, Rule, members_only
from entraide.notifications.models import Notification

# The notification belongs to network A's "member": everyone else gets 404.
NOT_THE_OWNER = {role: 404 for role in ROLE_FALLBACK}


def _own_notification(world):
    """A notification of network A's member, to be reached by id by everyone."""
    notification, _ = Notification.objects.get_or_create(
        recipient=world.people["member"],
        kind="networks.joined",
        defaults={"context": {"network": "Réseau A"}, "url": "/"},
    )
    world.extra["notification"] = notification


RULES = [
    Rule("notifications:list", expect=members_only()),
    Rule("notifications:preferences", expect=members_only()),
    Rule(
        "notifications:preferences",
        method="POST",
        data={},
        expect=members_only(),
        default=302,
    ),
    Rule("notifications:mark_all_read", method="POST", data={}, default=302),
    Rule(
        "notifications:mark_read",
        method="POST",
        data={},
        setup=_own_notification,
        kwargs=lambda w: {"pk": w.extra["notification"].pk},
        expect={"anonymous": 302, "member": 302, **NOT_THE_OWNER},
        default=404,
    ),
    Rule(
        "notifications:open",
        method="POST",
        data={},
        setup=_own_notification,
        kwargs=lambda w: {"pk": w.extra["notification"].pk},
        expect={"anonymous": 302, "member": 302, **NOT_THE_OWNER},
        default=404,
    ),
    Rule(
        "notifications:mark_read",
        kwargs={"pk": 1},
        expect={"anonymous": 302},
        default=405,
    ),
    Rule("notifications:mark_all_read", expect={"anonymous": 302}, default=405),
    Rule(
        "notifications:open",
        kwargs={"pk": 1},
        expect={"anonymous": 302},
        default=405,
    ),
]
