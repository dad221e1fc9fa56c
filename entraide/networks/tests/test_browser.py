"""Browser story: a project lead imports organisations, then invites a person."""

import re
import time

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, make_member, make_network
from entraide.networks.models import Membership, Organisation, SubRegion

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def sign_in(page, email):
    page.get_by_label("Courriel (obligatoire)", exact=True).fill(email)
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()


def invitation_link(smtp, address: str) -> str:
    for _ in range(50):
        for message in smtp.to(address):
            found = re.search(r"https?://\S+/r/invitation/\S+/", smtp.body(message))
            if found:
                return found.group(0)
        time.sleep(0.1)
    raise AssertionError(f"no invitation mail to {address}")


def test_project_lead_imports_organisations_then_invites_a_person_who_accepts(
    page, live_server, smtp, settings
):
    settings.SITE_URL = live_server.url
    network = make_network()
    SubRegion.objects.create(region=network.regions.get(), name="Trois-Rivières")
    make_member(network, "julie@example.org", role="project_lead")
    make_member(make_network("autre", "Autre réseau"), "nadia@example.org")

    page.goto(f"{live_server.url}/comptes/login/")
    sign_in(page, "julie@example.org")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}{network.get_absolute_url()}")
    page.get_by_role("link", name="Gérer le réseau").click()
    expect(page.get_by_role("heading", name="Gestion du réseau")).to_be_visible()
    assert_accessible(page, context="management overview")

    page.get_by_role("navigation", name="Gestion du réseau").get_by_role(
        "link", name="Importation"
    ).click()
    expect(page.get_by_role("link", name="Importation")).to_have_attribute(
        "aria-current", "page"
    )
    assert_accessible(page, context="import page")
    csv = (
        "nom;type;sous-région;municipalité\r\n"
        "Garderie Les Étoiles;CPE;trois-rivieres;Trois-Rivières\r\n"
        "Bureau coordonnateur du Cœur;Bureau coordonnateur;;Bécancour\r\n"
    ).encode("cp1252")
    section = page.locator(
        "section", has=page.get_by_role("heading", name="Organisations")
    )
    section.get_by_label("Fichier CSV").set_input_files(
        {"name": "organisations.csv", "mimeType": "text/csv", "buffer": csv}
    )
    section.get_by_role("button", name="Voir l'aperçu").click()
    expect(
        page.get_by_role("heading", name="Aperçu de l'importation des organisations")
    )
    table = page.get_by_role("table", name="Lignes du fichier")
    expect(
        table.get_by_role("cell", name="Garderie Les Étoiles", exact=True)
    ).to_be_visible()
    expect(page.get_by_text("2 organisations seront créées")).to_be_visible()
    assert_accessible(page, context="import preview")

    page.get_by_role("button", name="Confirmer l'importation").click()
    expect(page.get_by_text("Importation terminée : 2 organisation(s)")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Bureau coordonnateur du Cœur", exact=True)
    ).to_be_visible()
    assert_accessible(page, context="organisations after import")
    page.set_viewport_size({"width": 360, "height": 780})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"organisations page scrolls sideways at 360 px ({width})"
    assert_accessible(page, context="organisations at 360 px")

    page.get_by_role("link", name="Invitations").click()
    page.get_by_label("Courriel de la personne invitée").fill(
        "nadia.travail@example.org"
    )
    page.get_by_label("Rôle dans le réseau").select_option(label="Direction")
    page.get_by_label("Organisation", exact=True).select_option(
        label="Garderie Les Étoiles"
    )
    page.get_by_role("button", name="Envoyer l'invitation").click()
    expect(
        page.get_by_text("L'invitation a été envoyée à nadia.travail")
    ).to_be_visible()
    assert_accessible(page, context="invitations")

    link = invitation_link(smtp, "nadia.travail@example.org")
    page.context.clear_cookies()
    page.goto(link)
    expect(page.get_by_text("nadia.travail@example.org")).to_be_visible()
    assert_accessible(page, context="invitation, signed out")
    page.get_by_role("main").get_by_role("link", name="Se connecter").click()
    assert_accessible(page, context="sign in from invitation")
    sign_in(page, "nadia@example.org")
    page.wait_for_url(link)
    expect(
        page.get_by_text("une autre adresse que celle de votre compte")
    ).to_be_visible()
    assert_accessible(page, context="invitation, signed in")

    page.get_by_role("button", name="Accepter l'invitation").click()
    expect(page.get_by_role("heading", name=network.name, exact=True)).to_be_visible()
    expect(
        page.get_by_text(f"Bienvenue dans le réseau {network.name}!")
    ).to_be_visible()
    expect(page.get_by_text("Garderie Les Étoiles")).to_be_visible()
    assert_accessible(page, context="network after accepting")


def test_project_lead_walks_every_management_page_with_errors_shown(page, live_server):
    network = make_network()
    make_member(network, "julie@example.org", role="project_lead")
    member = make_member(network, "marie@example.org", first_name="Marie")
    Organisation.objects.create(
        network=network, name="CPE A", kind="cpe", subregion=network.subregions.first()
    )
    membership = Membership.objects.get(user=member)
    base = f"{live_server.url}/r/{network.slug}/gestion"
    page.goto(f"{live_server.url}/comptes/login/")
    sign_in(page, "julie@example.org")
    page.wait_for_url(f"{live_server.url}/")

    for path, context in [
        ("/territoire/", "territory"),
        (f"/territoire/regions/{network.regions.get().pk}/supprimer/", "confirm"),
        ("/organisations/?q=CPE&kind=cpe", "organisations filtered"),
        ("/personnes/?role=member", "people filtered"),
        (f"/personnes/{membership.pk}/modifier/", "person form"),
        (f"/personnes/{membership.pk}/retirer/", "person removal"),
    ]:
        page.goto(base + path)
        assert_accessible(page, context=context)

    page.goto(f"{base}/organisations/ajouter/")
    page.get_by_label("Nom (obligatoire)").fill("cpe a")
    page.get_by_label("Courriel").fill("pas-un-courriel")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("existe déjà dans ce réseau")).to_be_visible()
    expect(page.get_by_label("Nom (obligatoire)")).to_have_value("cpe a")
    assert_accessible(page, context="organisation form with errors")

    page.goto(f"{base}/importation/")
    section = page.locator("section", has=page.get_by_role("heading", name="Personnes"))
    section.get_by_label("Fichier CSV").set_input_files(
        {
            "name": "personnes.csv",
            "mimeType": "text/csv",
            "buffer": b"courriel;role\r\nabc;Membre\r\nn@x.org;Pilote\r\n",
        }
    )
    section.get_by_role("button", name="Voir l'aperçu").click()
    expect(
        page.get_by_text("Ligne 2 : le courriel « abc » n'est pas valide.")
    ).to_have_count(2)
    assert page.get_by_role("button", name="Confirmer l'importation").count() == 0
    assert_accessible(page, context="import preview with errors")

    page.goto(f"{live_server.url}/r/invitation/inconnue/")
    expect(page.get_by_role("heading", name="Invitation introuvable")).to_be_visible()
    assert_accessible(page, context="unknown invitation")
