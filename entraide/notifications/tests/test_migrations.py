"""The former email checkbox becomes a frequency: checked → at once, else never."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("notifications", "0002_delivery_next_attempt")]
AFTER = [("notifications", "0003_digests")]


def test_email_checkboxes_become_frequencies_and_back():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(
        email="alice@example.org", password="!"
    )
    preference = old.get_model("notifications", "NotificationPreference")
    preference.objects.create(user=user, kind="networks.joined", email=False)
    preference.objects.create(user=user, kind="networks.role_changed", email=True)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    migrated = new.get_model("notifications", "NotificationPreference")
    assert dict(migrated.objects.values_list("kind", "frequency")) == {
        "networks.joined": "off",
        "networks.role_changed": "immediately",
    }
    migrated.objects.filter(kind="networks.role_changed").update(frequency="weekly")

    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    back = executor.loader.project_state(BEFORE).apps
    reverted = back.get_model("notifications", "NotificationPreference")
    assert dict(reverted.objects.values_list("kind", "email")) == {
        "networks.joined": False,
        "networks.role_changed": False,
    }
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
