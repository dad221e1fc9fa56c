"""While the database is unreachable the site answers 503, then recovers by itself."""

import pytest
from django.db import connection

from entraide.core.testing import make_member, make_network


@pytest.fixture
def broken_database():
    """Point the live connection at a database that cannot be reached, then restore."""
    saved = dict(connection.settings_dict)

    def cut():
        connection.close()
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent-dir/entraide.sqlite3"
        else:
            connection.settings_dict["PORT"] = "1"

    def restore():
        connection.close()
        connection.settings_dict.update(saved)

    yield cut, restore
    restore()


@pytest.mark.django_db(transaction=True)
def test_signed_in_page_answers_503_during_outage_and_recovers(
    client, settings, broken_database
):
    settings.DEBUG = False
    cut, restore = broken_database
    network = make_network()
    client.force_login(make_member(network, "anne@example.org"))
    assert client.get("/").status_code == 200
    client.raise_request_exception = False
    cut()
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "momentanément indisponible" in response.content.decode()
    restore()
    assert client.get("/").status_code == 200
