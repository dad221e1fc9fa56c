"""The demo's digest choices: a few people, set again to the same values."""

import pytest

from entraide.accounts.models import User
from entraide.core.demo.accounts import DEMO_DOMAIN
from entraide.core.demo.communities import load_communities
from entraide.core.demo.digests import load_demo_digests
from entraide.core.demo.loader import load_demo
from entraide.notifications.models import NotificationPreference

pytestmark = pytest.mark.django_db


def test_demo_people_read_some_notifications_in_digests():
    load_demo()
    load_communities()
    assert load_demo_digests() == 3
    first = set(NotificationPreference.objects.values_list("user", "kind", "frequency"))
    assert load_demo_digests() == 3
    assert (
        set(NotificationPreference.objects.values_list("user", "kind", "frequency"))
        == first
    )

    def choices(local: str) -> set:
        user = User.objects.get(email=f"{local}@{DEMO_DOMAIN}")
        return set(
            NotificationPreference.objects.filter(user=user).values_list(
                "kind", "community__name", "frequency"
            )
        )

    educator = choices("educatrice")
    assert ("discussions.reply", None, "daily") in educator
    assert any(c and "dagog" in c and f == "weekly" for _k, c, f in educator)
    english = choices("educator.en")
    assert ("meetings.minutes_published", None, "weekly") in english
    assert ("networks.joined", None, "daily") in choices("direction")
