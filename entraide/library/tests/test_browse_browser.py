"""Finding tools and reading dossiers in the browser, with axe on every page: a
visitor on a phone searches « menu », opens a public dossier and follows one of
its tools; the project lead builds a dossier of three items and reorders them."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.library.models import Dossier, ToolStatus
from entraide.library.services import dossiers as services
from entraide.library.tests.factories import make_tool
from entraide.practices.tests.access_browse import published_sheet

pytestmark = pytest.mark.browser


@pytest.fixture
def shelf(library):
    def tool(title, scope, **fields):
        return make_tool(
            library.network,
            title,
            community=library.community,
            status=ToolStatus.PUBLISHED,
            scope=scope,
            body="## Semaine 1\n\nLundi : potage et pain de blé.",
            themes=[library.themes[0]],
            **fields,
        )

    return {
        "menu": tool("Gabarit de menu sur quatre semaines", "public"),
        "hidden": tool("Menu des membres du réseau", "network"),
        "poster": tool("Affiche du lavage des mains", "public", kind="poster"),
        "sheet": published_sheet(library.network, "Collation préparée par les enfants"),
    }


def test_a_visitor_finds_a_tool_and_reads_a_public_dossier(
    page, live_server, library, shelf
):
    dossier = services.create_dossier(
        network=library.network,
        actor=library.lead,
        title="Dossier de références : alimentation",
        introduction="Des outils pour **bien nourrir** les enfants.",
        scope="public",
        is_published=True,
    )
    for target in (shelf["menu"], shelf["hidden"]):
        services.add_item(dossier=dossier, actor=None, kind="tool", tool=target)
    services.add_item(
        dossier=dossier,
        actor=None,
        kind="link",
        url="https://www.extenso.org/",
        title="Extenso",
        note="Le centre de référence sur la nutrition.",
    )
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/r/mcq/outils/")
    assert_accessible(page, context="tools list, anonymous")
    page.get_by_label("Rechercher", exact=True).fill("menu")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_text("1 outil trouvé")).to_be_visible()
    expect(
        page.get_by_role("link", name="Gabarit de menu sur quatre semaines")
    ).to_be_visible()
    expect(page.get_by_text("Menu des membres du réseau")).to_have_count(0)
    assert_accessible(page, context="search results")

    page.get_by_role("link", name="Dossiers de références").first.click()
    assert_accessible(page, context="dossier list")
    page.get_by_role("link", name=dossier.title).click()
    expect(page.get_by_role("heading", name=dossier.title, level=1)).to_be_visible()
    expect(page.locator("strong", has_text="bien nourrir")).to_be_visible()
    expect(page.get_by_text("Menu des membres du réseau")).to_have_count(0)
    link = page.get_by_role("link", name="Extenso")
    expect(link).to_have_attribute("rel", "noopener noreferrer external")
    expect(page.get_by_text("Lien externe · extenso.org")).to_be_visible()
    assert_accessible(page, context="public dossier")

    page.get_by_role("link", name="Gabarit de menu sur quatre semaines").click()
    expect(
        page.get_by_role("heading", name="Gabarit de menu sur quatre semaines", level=1)
    ).to_be_visible()
    assert_accessible(page, context="tool page from the dossier")


def test_the_lead_builds_a_dossier_of_three_items_and_reorders_them(
    page, live_server, library, shelf
):
    sign_in(page, live_server, library.lead.email)
    page.goto(f"{live_server.url}/r/mcq/dossiers/")
    assert_accessible(page, context="dossier list, lead")
    page.get_by_role("link", name="Nouveau dossier").click()
    assert_accessible(page, context="new dossier form")
    page.get_by_label("Titre").fill("Accueillir un nouvel enfant")
    page.get_by_label("Introduction").fill("L'arrivée d'un enfant se *prépare*.")
    page.get_by_label("Public", exact=True).check()
    page.get_by_label("Publié (visible des lectrices et lecteurs)").check()
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Le dossier est créé.")).to_be_visible()
    assert_accessible(page, context="empty dossier")

    page.get_by_label("Outil", exact=True).check()
    page.get_by_label("Outil publié").select_option(
        label=shelf["poster"].current_version.title
    )
    page.get_by_label("Présentation").fill("À mettre près de l'évier.")
    page.get_by_role("button", name="Ajouter au dossier").click()
    expect(page.get_by_text("L'élément est ajouté au dossier.")).to_be_visible()

    page.get_by_label("Fiche de pratique", exact=True).check()
    page.get_by_label("Fiche de pratique publiée").select_option(
        label="Collation préparée par les enfants"
    )
    page.get_by_role("button", name="Ajouter au dossier").click()
    expect(page.get_by_text("L'élément est ajouté au dossier.")).to_be_visible()

    page.get_by_label("Lien externe", exact=True).check()
    page.get_by_label("Adresse du lien").fill("pas une adresse")
    page.get_by_role("button", name="Ajouter au dossier").click()
    expect(page.get_by_text("Donnez un titre au lien.")).to_be_visible()
    assert_accessible(page, context="refused link")
    page.get_by_label("Adresse du lien").fill("https://naitreetgrandir.com/fr/")
    page.get_by_label("Titre du lien").fill("Naître et grandir")
    page.get_by_role("button", name="Ajouter au dossier").click()
    expect(page.get_by_text("L'élément est ajouté au dossier.")).to_be_visible()
    assert_accessible(page, context="dossier with three items")

    items = page.locator(".dossier-items > li h3")
    expect(items).to_have_text(
        [
            "Affiche du lavage des mains",
            "Collation préparée par les enfants",
            "Naître et grandir",
        ]
    )
    page.get_by_role("button", name="Monter : 3").click()
    expect(page.get_by_text("L'ordre du dossier est changé.")).to_be_visible()
    page.get_by_role("button", name="Monter : 2").click()
    expect(items).to_have_text(
        [
            "Naître et grandir",
            "Affiche du lavage des mains",
            "Collation préparée par les enfants",
        ]
    )
    assert_accessible(page, context="reordered dossier")
    dossier = Dossier.objects.get(title="Accueillir un nouvel enfant")
    assert list(dossier.items.order_by("position").values_list("kind", "position")) == [
        ("link", 0),
        ("tool", 1),
        ("practice", 2),
    ]
