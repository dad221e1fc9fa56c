"""The public site on a phone, with axe on every kind of page: a visitor browses a
network's site; the project lead writes and publishes a news post."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.dissemination.models import PublicSite

pytestmark = pytest.mark.browser


def test_visitor_browses_a_networks_public_site(page, live_server, content):
    PublicSite.objects.create(
        network=content.network,
        description="Le réseau des CPE de la Mauricie et du Centre-du-Québec.",
        about="## Notre mission\n\nSoutenir les **communautés de pratique**.",
        contact="100, rue des Forges, Trois-Rivières",
        contact_email="info@mcq.example",
    )
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/reseaux/")
    assert_accessible(page, context="deployment home")
    page.get_by_role("link", name="Réseau Mauricie–Centre-du-Québec").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Réseau Mauricie–Centre-du-Québec"
    )
    assert_accessible(page, context="site home")
    nav = page.get_by_role(
        "navigation", name="Site public — Réseau Mauricie–Centre-du-Québec"
    )
    for name, heading in (
        ("Nouvelles", "Nouvelles"),
        ("Pratiques", "Pratiques publiées"),
        ("Outils", "Outils publiés"),
        ("Rencontres", "Prochaines rencontres ouvertes"),
        ("À propos", "À propos — Réseau Mauricie–Centre-du-Québec"),
        ("Nous joindre", "Nous joindre — Réseau Mauricie–Centre-du-Québec"),
    ):
        nav.get_by_role("link", name=name, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert_accessible(page, context=name)
    page.get_by_role("navigation").get_by_role(
        "link", name="Nouvelles", exact=True
    ).click()
    page.get_by_role("link", name="Nouvelle publiée").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nouvelle publiée")
    assert_accessible(page, context="news post")
    assert "PRIVÉ" not in page.content()


def test_project_lead_writes_and_publishes_a_news_post(page, live_server, content):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, content.lead.email)
    page.goto(f"{live_server.url}/r/mcq/site-public/")
    assert_accessible(page, context="manage")
    page.get_by_role("link", name="Modifier la présentation et le contact").click()
    page.get_by_label("Description courte").fill("Le réseau des CPE de la Mauricie.")
    assert_accessible(page, context="site texts form")
    page.get_by_role("button", name="Enregistrer").click()
    expect(
        page.get_by_text("Les textes du site public sont enregistrés.")
    ).to_be_visible()
    page.get_by_role("link", name="Écrire une nouvelle").click()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Donnez un titre à la nouvelle.")).to_be_visible()
    assert_accessible(page, context="news form with errors")
    page.get_by_label("Titre").fill("Colloque régional du 14 mai")
    page.get_by_label("Résumé").fill("Les inscriptions sont ouvertes.")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.get_by_label("Texte").fill(
        "Rendez-vous à **Trois-Rivières**.\n\n<img src=x onerror=alert(1)>"
        " <script>alert(2)</script> [lien](javascript:alert(3))"
    )
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("La nouvelle est enregistrée.")).to_be_visible()
    assert_accessible(page, context="news edit")
    page.get_by_role("button", name="Publier").click()
    expect(
        page.get_by_text("La nouvelle est publiée sur le site public.")
    ).to_be_visible()
    page.get_by_role("link", name="Voir sur le site public").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Colloque régional du 14 mai"
    )
    expect(page.locator(".rich-text strong")).to_have_text("Trois-Rivières")
    assert page.locator(".rich-text img, .rich-text script").count() == 0
    assert dialogs == []
