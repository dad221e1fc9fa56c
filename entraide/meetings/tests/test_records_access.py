"""The records' access rules walked for every role (the whole matrix does it too)."""

import pytest
from django.urls import reverse

from entraide.core.testing import ROLES, World
from entraide.meetings.tests.access_records import RULES
from entraide.meetings.urls import urlpatterns

RECORD_URLS = {
    f"meetings:{p.name}"
    for p in urlpatterns
    if p.name.startswith(("attendance", "minutes", "follow_up"))
}


def test_every_records_url_has_a_rule():
    assert {rule.name for rule in RULES} == RECORD_URLS


@pytest.mark.django_db
def test_records_access_rules(client):
    world = World()
    failures = []
    for rule in RULES:
        if rule.setup:
            rule.setup(world)
        for role in ROLES:
            url = reverse(rule.name, kwargs=rule.resolve(world, rule.kwargs))
            client.logout()
            if world.people[role] is not None:
                client.force_login(world.people[role])
            data = rule.resolve(world, rule.data) if rule.data is not None else None
            call = getattr(client, rule.method.lower())
            response = call(url, data) if data is not None else call(url)
            if response.status_code != rule.expected(role):
                failures.append(
                    f"{rule.method} {rule.name} as {role}: "
                    f"{response.status_code} != {rule.expected(role)}"
                )
    assert not failures, "\n".join(failures)
