import pytest
from django.urls import reverse

from entraide.core.testing import make_member, make_network, make_person

pytestmark = pytest.mark.django_db


def test_anonymous_home_is_in_french_even_for_an_english_browser(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="fr-CA">' in content
    assert "Se connecter" in content


def test_language_switch_sets_cookie_and_profile(client):
    user = make_person("claire@example.org")
    client.force_login(user)
    response = client.post(
        reverse("core:set_language"), {"language": "en", "next": "/"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.language == "en"
    content = client.get("/").content.decode()
    assert '<html lang="en">' in content
    client.post(reverse("core:set_language"), {"language": "fr-ca", "next": "/"})
    assert '<html lang="fr-CA">' in client.get("/").content.decode()


def test_language_switch_refuses_offsite_redirect(client):
    response = client.post(
        reverse("core:set_language"),
        {"language": "en", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_home_lists_networks_role_and_organisation(client):
    network = make_network()
    user = make_member(network, "eve@example.org", role="project_lead")
    client.force_login(user)
    content = client.get("/").content.decode()
    assert network.name in content
    assert "Chargée ou chargé de projet" in content


def test_unknown_page_is_a_french_404(client):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_every_page_names_the_privacy_officer(client, settings):
    settings.PRIVACY_OFFICER_EMAIL = "dpo@reseau.example"
    assert "dpo@reseau.example" in client.get("/").content.decode()


def test_csp_header_forbids_inline_script(client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
