"""The browse pages' access rules, walked for every role (the whole matrix lives in
tests/test_access_matrix.py; this runs only this part's rows, quickly)."""

import pytest
from django.urls import reverse

from entraide.core.testing import ROLES, World
from entraide.practices.tests.access_browse import RULES


@pytest.mark.django_db
def test_browse_access_rules(client):
    world = World()
    failures = []
    for rule in RULES:
        if rule.setup:
            rule.setup(world)
        url = reverse(rule.name, kwargs=rule.resolve(world, rule.kwargs))
        for role in ROLES:
            client.logout()
            if world.people[role] is not None:
                client.force_login(world.people[role])
            response = client.get(url)
            if response.status_code != rule.expected(role):
                failures.append(
                    f"{url} as {role}: {response.status_code}, "
                    f"expected {rule.expected(role)}"
                )
    assert not failures, "\n".join(failures)
