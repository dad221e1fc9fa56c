"""The browse access rules on their own (the full matrix walks them too)."""

import pytest
from django.urls import reverse

from entraide.core.testing import ROLES, World
from entraide.library.tests.access_browse import RULES


@pytest.mark.django_db
def test_every_browse_url_answers_each_role_as_its_rule_says(client):
    world = World()
    failures = []
    for rule in RULES:
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
                    f"{response.status_code}, expected {rule.expected(role)}"
                )
    assert not failures, "\n".join(failures)
