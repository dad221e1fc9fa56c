"""The food-service community co-builds a menu-planning template in the browser,
with axe at every step: three versions, a member's suggestion, the facilitator
validates it, the project lead publishes it to the public and adds it to a
reference dossier, and a visitor reaches it from the dossier."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.library.models import Dossier, Tool, ToolStatus
from entraide.library.tests.factories import PDF_BYTES

pytestmark = pytest.mark.browser

TITLE = "Gabarit de planification des menus"


@pytest.fixture(autouse=True)
def _quick(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def save_version(page, body, note):
    page.get_by_role("link", name="Modifier", exact=True).click()
    page.get_by_label("Document en ligne").fill(body)
    page.get_by_label("Ce qui a changé").fill(note)
    page.get_by_role("button", name="Enregistrer une nouvelle version").click()
    expect(page.get_by_text("L'outil est enregistré.")).to_be_visible()


def test_a_menu_template_is_co_built_validated_published_and_filed_in_a_dossier(
    page, live_server, library
):
    slug = library.network.slug
    page.set_viewport_size({"width": 360, "height": 800})

    # Julie starts the template in her community, with a file, and adds Marc.
    sign_in(page, live_server, library.author.email)
    community = reverse(
        "library:community", kwargs={"network": slug, "slug": "alimentation"}
    )
    page.goto(live_server.url + community)
    assert_accessible(page, context="community tools")
    page.get_by_role("link", name="Nouvel outil").click()
    page.get_by_label("Titre (obligatoire)").fill(TITLE)
    page.get_by_label("Type d'outil (obligatoire)").select_option("template")
    page.get_by_label("Description").fill("Planifier quatre semaines de menus.")
    page.get_by_label("Document en ligne").fill("Semaine 1 : potage, pâtes, fruits.")
    page.get_by_label("Fichier").set_input_files(
        {"name": "menus.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_label("Alimentation", exact=True).check()
    page.get_by_role("button", name="Enregistrer l'outil").click()
    expect(page.get_by_text("L'outil est enregistré.")).to_be_visible()
    assert_accessible(page, context="version 1")
    tool = Tool.objects.get()
    page.get_by_role("link", name="Coautrices et coauteurs").click()
    assert_accessible(page, context="co-authors")
    page.get_by_label("Marc Pelletier").check()
    page.get_by_role("button", name="Enregistrer").click()

    # Marc writes version 2; Élise suggests a change; Marc takes it into version 3.
    sign_in(page, live_server, library.co_author.email)
    page.goto(live_server.url + tool.get_absolute_url())
    save_version(
        page,
        "Semaine 1 : potage, pâtes, fruits.\n\nSemaine 2 : poisson, riz, légumes.",
        "Deuxième semaine",
    )
    sign_in(page, live_server, library.member.email)
    page.goto(live_server.url + tool.get_absolute_url())
    page.get_by_label("Suggestion de modification").check()
    page.get_by_label("Message").fill("Ajouter une colonne pour les allergies.")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_text("Votre suggestion est transmise")).to_be_visible()
    sign_in(page, live_server, library.co_author.email)
    page.goto(live_server.url + tool.get_absolute_url())
    page.get_by_role("button", name="Retenir la suggestion de Élise Gagnon").click()
    expect(page.get_by_text("La suggestion est retenue")).to_be_visible()
    save_version(
        page,
        "Semaine 1 : potage, pâtes, fruits.\n\nSemaine 2 : poisson, riz, légumes."
        "\n\nColonne « allergies » à remplir chaque semaine.",
        "Colonne des allergies",
    )
    page.get_by_role("link", name="Versions").click()
    expect(page.get_by_text("Colonne des allergies")).to_be_visible()
    assert_accessible(page, context="three versions")

    # Anne validates; Nathalie publishes to the public.
    sign_in(page, live_server, library.facilitator.email)
    page.goto(live_server.url + tool.get_absolute_url())
    page.get_by_role("form", name="Valider l'outil").get_by_role(
        "button", name="Valider"
    ).click()
    expect(page.get_by_text("L'outil est validé")).to_be_visible()
    assert_accessible(page, context="validated")
    sign_in(page, live_server, library.lead.email)
    page.goto(live_server.url + tool.get_absolute_url())
    page.get_by_role("link", name="Publier l'outil").click()
    page.get_by_label("Public : tout le monde, sans connexion").check()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'outil est publié")).to_be_visible()

    # Nathalie files it in a public reference dossier.
    page.goto(
        live_server.url + reverse("library:dossier_create", kwargs={"network": slug})
    )
    assert_accessible(page, context="new dossier")
    page.get_by_label("Titre").fill("Dossier de références : alimentation")
    page.get_by_label("Introduction").fill(
        "Des outils pour bien nourrir les tout-petits."
    )
    page.get_by_label("Public", exact=True).check()
    page.get_by_label("Publié (visible des lectrices et lecteurs)").check()
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_label("Outil publié").select_option(label=TITLE)
    page.get_by_role("button", name="Ajouter au dossier").click()
    expect(page.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page, context="dossier with the tool")

    # A visitor, signed out, reaches the third version from the dossier.
    dossier = Dossier.objects.get()
    page.context.clear_cookies()
    page.goto(live_server.url + dossier.get_absolute_url())
    assert_accessible(page, context="public dossier")
    page.get_by_role("link", name=TITLE).click()
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_text("Colonne « allergies »")).to_be_visible()
    assert "Ajouter une colonne pour les allergies." not in page.content()
    assert_accessible(page, context="public tool page")

    tool.refresh_from_db()
    assert tool.status == ToolStatus.PUBLISHED and tool.scope == "public"
    assert tool.versions.count() == 3
    assert tool.published_version.number == 3
    assert tool.published_version.file_name == "menus.pdf"
