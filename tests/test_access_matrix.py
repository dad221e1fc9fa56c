"""The access matrix: every URL pattern × method × role against its checked-in rule.

A URL without a rule fails this test, so no view ships without its access rule.
"""

import importlib
import pkgutil
from pathlib import Path

import pytest
from django.apps import apps
from django.urls import get_resolver, reverse
from django.urls.resolvers import URLPattern, URLResolver

from entraide.core.testing import ROLES, Rule, World

# Third-party URL groups with their own tests, and why they have no row here.
EXEMPT_PREFIXES = {
    "admin:": "Django admin: staff only, tenant isolation tested in networks tests",
}
EXEMPT_NAMES = {"healthz"}


def rules_by_app() -> dict[str, list[Rule]]:
    found = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("entraide."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.access")
        except ModuleNotFoundError:
            continue
        found[config.label] = module.RULES
    return found


def all_rules() -> list[Rule]:
    return [rule for rules in rules_by_app().values() for rule in rules]


# Apps with rules (an app's ``tests/access.py``); each app's rules run in a test of
# their own, on a fresh World, so the matrix is spread over the test workers.
APPS_WITH_RULES = sorted(
    path.parent.parent.name
    for path in (Path(__file__).parent.parent / "entraide").glob("*/tests/access.py")
)


def url_names(resolver=None, namespace="") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}{entry.namespace}:"
            names |= url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            if entry.name:
                names.add(f"{namespace}{entry.name}")
            else:
                names.add(f"{namespace}<unnamed {entry.pattern}>")
    return names


def is_exempt(name: str) -> bool:
    return name in EXEMPT_NAMES or any(name.startswith(p) for p in EXEMPT_PREFIXES)


def test_every_url_has_an_access_rule():
    covered = {rule.name for rule in all_rules()}
    missing = sorted(n for n in url_names() if not is_exempt(n) and n not in covered)
    assert not missing, f"URLs without a rule in an app's tests/access.py: {missing}"


def test_rules_name_existing_urls():
    names = url_names()
    unknown = sorted({r.name for r in all_rules()} - names)
    assert not unknown, f"Rules for URLs that do not exist: {unknown}"


@pytest.mark.django_db
@pytest.mark.parametrize("app", APPS_WITH_RULES)
def test_access_matrix(client, app):
    world = World()
    failures = []
    for rule in importlib.import_module(f"entraide.{app}.tests.access").RULES:
        if rule.setup:
            rule.setup(world)
        for role in ROLES:
            kwargs = rule.resolve(world, rule.kwargs)
            url = reverse(rule.name, kwargs=kwargs)
            client.logout()
            person = world.people[role]
            if person is not None:
                client.force_login(person)
            data = rule.resolve(world, rule.data) if rule.data is not None else None
            call = getattr(client, rule.method.lower())
            response = call(url, data) if data is not None else call(url)
            expected = rule.expected(role)
            if response.status_code != expected:
                failures.append(
                    f"{rule.method} {url} ({rule.name}) as {role}: "
                    f"got {response.status_code}, expected {expected}"
                )
    assert not failures, "\n".join(failures)


def test_apps_have_access_modules_when_they_have_urls():
    """Each app with a urls.py keeps its rules beside its tests."""
    import entraide

    missing = []
    for module in pkgutil.iter_modules(entraide.__path__):
        try:
            importlib.import_module(f"entraide.{module.name}.urls")
        except ModuleNotFoundError:
            continue
        try:
            importlib.import_module(f"entraide.{module.name}.tests.access")
        except ModuleNotFoundError:
            missing.append(module.name)
    assert not missing, f"apps with URLs but no tests/access.py: {missing}"
