"""Browser stories for accounts: sign-up, confirmation, password reset, settings."""

import re
import time

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, make_member, make_network

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def link_in_mail(smtp, address: str, path: str) -> str:
    for _ in range(50):
        for message in smtp.to(address):
            found = re.search(rf"https?://\S+{re.escape(path)}\S*", smtp.body(message))
            if found:
                return found.group(0)
        time.sleep(0.1)
    raise AssertionError(f"no mail to {address} with a link to {path}")


def field(page, label: str):
    return page.get_by_label(f"{label} (obligatoire)", exact=True)


def sign_in(page, live_server, email, password=PASSWORD):
    page.goto(f"{live_server.url}/comptes/login/")
    field(page, "Courriel").fill(email)
    field(page, "Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{live_server.url}/")


def test_newcomer_signs_up_confirms_and_switches_to_english(page, live_server, smtp):
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(live_server.url)
    page.get_by_role("main").get_by_role("link", name="Créer un compte").click()
    expect(page.get_by_role("heading", name="Créer un compte")).to_be_visible()
    assert_accessible(page, context="signup")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"sign-up page scrolls sideways at 360 px ({width})"

    field(page, "Prénom").fill("Noémie")
    field(page, "Nom").fill("Tremblay")
    field(page, "Courriel").fill("noemie@exemple.ca")
    page.get_by_label("Fonction").select_option("educator")
    field(page, "Mot de passe").fill("des bulles de savon au parc")
    field(page, "Mot de passe (confirmation)").fill("des bulles de savon au parc")
    page.get_by_role("button", name="Créer mon compte").click()
    page.wait_for_url("**/comptes/confirm-email/")
    expect(page.get_by_role("heading", name="Vérifiez vos courriels")).to_be_visible()
    assert_accessible(page, context="verification sent")

    link = link_in_mail(smtp, "noemie@exemple.ca", "/comptes/confirm-email/")
    [message] = smtp.to("noemie@exemple.ca")
    assert message["Subject"] == "[Entraide] Confirmez votre adresse courriel"
    page.goto(link)
    expect(page.get_by_text("Confirmez que noemie@exemple.ca")).to_be_visible()
    assert_accessible(page, context="confirm email")
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Bonjour Noémie")).to_be_visible()
    assert_accessible(page, context="home after confirmation")

    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="My profile").click()
    expect(page.get_by_role("heading", name="My profile")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.get_by_label(re.compile(r"^Language\b")).input_value() == "en"
    assert_accessible(page, context="profile in English")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("link", name="Sign in").first).to_be_visible()
    assert page.get_by_role("link", name="My profile").count() == 0
    assert_accessible(page, context="signed out")


def test_person_resets_a_forgotten_password_and_signs_in_with_it(
    page, live_server, smtp
):
    network = make_network()
    make_member(network, "remi@exemple.ca", first_name="Rémi")
    page.goto(f"{live_server.url}/comptes/login/")
    assert_accessible(page, context="login")
    page.get_by_role("link", name="Mot de passe oublié?").click()
    expect(page.get_by_role("heading", name="Mot de passe oublié?")).to_be_visible()
    assert_accessible(page, context="reset request")
    field(page, "Courriel").fill("remi@exemple.ca")
    page.get_by_role("button", name="Recevoir le lien").click()
    page.wait_for_url("**/comptes/password/reset/done/")
    assert_accessible(page, context="reset requested")

    link = link_in_mail(smtp, "remi@exemple.ca", "/comptes/password/reset/key/")
    page.goto(link)
    expect(
        page.get_by_role("heading", name="Choisir un nouveau mot de passe")
    ).to_be_visible()
    assert_accessible(page, context="reset from key")
    field(page, "Nouveau mot de passe").fill("un nouveau jardin au printemps")
    field(page, "Nouveau mot de passe (confirmation)").fill(
        "un nouveau jardin au printemps"
    )
    page.get_by_role("button", name="Enregistrer le nouveau mot de passe").click()
    page.wait_for_url("**/comptes/password/reset/key/done/")
    expect(page.get_by_role("heading", name="Mot de passe modifié")).to_be_visible()
    assert_accessible(page, context="reset done")

    page.get_by_role("main").get_by_role("link", name="Se connecter").click()
    field(page, "Courriel").fill("remi@exemple.ca")
    field(page, "Mot de passe").fill("un nouveau jardin au printemps")
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_role("heading", name="Bonjour Rémi")).to_be_visible()
    assert_accessible(page, context="home after reset")

    page.goto(link)
    expect(page.get_by_role("heading", name="Lien non valide")).to_be_visible()
    assert_accessible(page, context="used reset link")


def test_member_walks_through_every_account_page(page, live_server):
    network = make_network()
    make_member(network, "ana@exemple.ca", first_name="Ana")
    page.goto(f"{live_server.url}/comptes/login/")
    field(page, "Courriel").fill("ana@exemple.ca")
    field(page, "Mot de passe").fill("pas le bon")
    page.get_by_role("button", name="Connexion").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page, context="login error")
    page.goto(f"{live_server.url}/comptes/signup/")
    page.get_by_role("button", name="Créer mon compte").click()
    expect(page.locator("#id_email_error")).to_be_visible()
    assert_accessible(page, context="signup errors")
    page.goto(f"{live_server.url}/comptes/confirm-email/pas-une-cle/")
    assert_accessible(page, context="bad confirmation link")

    sign_in(page, live_server, "ana@exemple.ca")
    page.set_viewport_size({"width": 360, "height": 780})
    page.get_by_role("link", name="Mon profil").click()
    field(page, "Nom").fill("Roy\u202e")
    page.get_by_label("Fuseau horaire").select_option("America/Halifax")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator("#id_last_name_error")).to_be_visible()
    assert_accessible(page, context="profile errors")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"profile scrolls sideways at 360 px ({width})"
    field(page, "Nom").fill("Roy")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("Votre profil a été enregistré.")).to_be_visible()

    for name, heading in [
        ("Vie privée et données", "Vie privée et données"),
        ("Adresses courriel", "Adresses courriel"),
        ("Mot de passe", "Changer mon mot de passe"),
    ]:
        page.get_by_role("navigation", name="Mon compte").get_by_role(
            "link", name=name
        ).click()
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
        assert_accessible(page, context=heading)
    page.get_by_role("button", name="Changer mon mot de passe").click()
    expect(page.locator("#id_oldpassword_error")).to_be_visible()
    assert_accessible(page, context="password change errors")

    page.get_by_role("navigation", name="Mon compte").get_by_role(
        "link", name="Vie privée et données"
    ).click()
    page.get_by_role("radio", name="Toutes les personnes de mes réseaux").check()
    page.get_by_role("button", name="Enregistrer mes choix").click()
    expect(
        page.get_by_text("Vos choix de confidentialité ont été enregistrés.")
    ).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mes données").click()
    assert download.value.suggested_filename.startswith("entraide-mes-donnees-")
    page.get_by_role("main").get_by_role("link", name="Supprimer mon compte").click()
    assert_accessible(page, context="delete account")

    page.goto(f"{live_server.url}/comptes/reauthenticate/")
    assert_accessible(page, context="reauthenticate")
    page.goto(f"{live_server.url}/comptes/logout/")
    assert_accessible(page, context="logout page")
    page.get_by_role("main").get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url(f"{live_server.url}/")
    expect(page.get_by_text("Votre session est fermée.")).to_be_visible()
