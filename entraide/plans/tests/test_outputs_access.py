"""The outputs access rules on their own (the full matrix walks them too)."""

import pytest
from django.urls import reverse

from entraide.core.testing import ROLES, World
from entraide.plans.tests.access_outputs import RULES


@pytest.mark.django_db
def test_every_outputs_url_answers_each_role_as_its_rule_says(client):
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
                    f"{response.status_code}, expected {rule.expected(role)}"
                )
    assert not failures, "\n".join(failures)


def test_every_outputs_url_has_rules_for_get_and_post():
    names = {"timeline", "csv", "pdf", "report", "report_pdf", "report_csv"}
    covered = {(rule.name, rule.method) for rule in RULES}
    for name in names:
        assert (f"plans:{name}", "GET") in covered
        assert (f"plans:{name}", "POST") in covered
