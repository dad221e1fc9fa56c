"""allauth's pages wear Entraide's layout and speak Quebec French."""

import html
import re

import pytest
from django.urls import reverse

from entraide.core.testing import make_person

pytestmark = pytest.mark.django_db

ENTRANCE = {
    "account_login": "Se connecter",
    "account_signup": "Créer un compte",
    "account_reset_password": "Mot de passe oublié?",
    "account_reset_password_done": "Vérifiez vos courriels",
    "account_email_verification_sent": "Vérifiez vos courriels",
    "account_reset_password_from_key_done": "Mot de passe modifié",
    "account_inactive": "Compte désactivé",
}
MANAGE = {
    "account_email": "Adresses courriel",
    "account_change_password": "Changer mon mot de passe",
    "account_reauthenticate": "Confirmer votre identité",
    "account_logout": "Se déconnecter",
}
# allauth's own French follows France: « e-mail », a space before ? ! ;
FRANCE_WORDING = re.compile(r"e-mail|\w [?!;](?=\s|<)", re.IGNORECASE)


def main_of(response) -> str:
    content = response.content.decode()
    return content[content.index("<main") : content.index("</main>")]


def assert_entraide_page(response, heading):
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="fr-CA">' in content
    assert 'class="site-header"' in content  # our layout, not allauth's bare one
    main = main_of(response)
    assert f"<h1>{heading}</h1>" in html.unescape(main)
    assert " style=" not in content
    assert "<script>" not in content and "<script " not in main
    assert not FRANCE_WORDING.search(html.unescape(main)), FRANCE_WORDING.search(
        html.unescape(main)
    )


@pytest.mark.parametrize(("name", "heading"), ENTRANCE.items())
def test_entrance_pages(client, name, heading):
    assert_entraide_page(client.get(reverse(name)), heading)


@pytest.mark.parametrize(("name", "heading"), MANAGE.items())
def test_account_management_pages(client, name, heading):
    client.force_login(make_person("ana@exemple.ca"))
    assert_entraide_page(client.get(reverse(name)), heading)


def test_bad_links_get_a_clear_french_page(client):
    confirm = client.get(reverse("account_confirm_email", kwargs={"key": "faux"}))
    assert_entraide_page(confirm, "Confirmer votre adresse courriel")
    assert "a expiré ou n'est pas valide" in html.unescape(main_of(confirm))
    reset = client.get(
        reverse(
            "account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "faux"}
        )
    )
    assert_entraide_page(reset, "Lien non valide")


def test_signed_in_people_are_sent_on_from_login_and_signup(client):
    client.force_login(make_person("ana@exemple.ca"))
    assert client.get(reverse("account_login"))["Location"] == "/"
    assert client.get(reverse("account_signup"))["Location"] == "/"


def test_field_errors_are_tied_to_their_field(client):
    response = client.post(
        reverse("account_signup"),
        {"first_name": "Léa", "email": "pas-un-courriel", "password1": "court"},
    )
    main = html.unescape(main_of(response))
    assert 'aria-describedby="id_email_error"' in main
    assert '<div class="errors" id="id_email_error">' in main
    assert "Saisissez une adresse courriel valide" in main
    assert 'aria-describedby="id_last_name_error"' in main
    assert 'value="Léa"' in main  # what was typed comes back
    assert "novalidate" in main


def test_login_page_offers_the_forgotten_password_link(client):
    main = html.unescape(main_of(client.get(reverse("account_login"))))
    assert (
        f'<a href="{reverse("account_reset_password")}">Mot de passe oublié?</a>'
        in (main)
    )


@pytest.mark.parametrize("name", ["Léa\x00", "\u202eaéL", "Lé\u200ba"])
def test_signup_refuses_invisible_characters_in_names_with_one_message(client, name):
    response = client.post(
        reverse("account_signup"),
        {"first_name": name, "last_name": "Roy", "email": "lea@exemple.ca"},
    )
    main = html.unescape(main_of(response))
    errors = re.search(
        r'<div class="errors" id="id_first_name_error">(.*?)</div>', main
    )
    assert errors.group(1).count("<p>") == 1
    assert "caractères invisibles ou de contrôle" in errors.group(1)
    assert 'value="Roy"' in main
