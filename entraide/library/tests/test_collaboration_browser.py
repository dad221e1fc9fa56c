"""Working together on a tool in the browser, with axe at every step, on a
360 px wide screen: a member suggests a change, the co-author accepts it, the
facilitator validates the tool, the project lead publishes it to the public and
a visitor reads it, also from the practice sheet it is linked to."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.library.models import SuggestionStatus, ToolComment, ToolStatus
from entraide.library.tests.factories import make_tool
from entraide.practices.models import SheetState
from entraide.practices.services.authoring import refresh_search_text
from entraide.practices.tests.access_workflow import make_sheet

pytestmark = pytest.mark.browser

TITLE = "Grille d'observation des collations"


@pytest.fixture
def tool(library):
    tool = make_tool(
        library.network,
        TITLE,
        community=library.community,
        created_by=library.author,
        body="Observer chaque collation pendant une semaine.",
    )
    tool.co_authors.add(library.co_author)
    return tool


@pytest.fixture
def small_screen(page):
    page.set_viewport_size({"width": 360, "height": 800})
    return page


def _public_sheet(library):
    sheet = make_sheet(
        library.network,
        library.author,
        state=SheetState.PUBLISHED,
        title="Des collations sans stress",
    )
    sheet.published_version = sheet.current_version
    sheet.scope = "public"
    sheet.save()
    refresh_search_text(sheet)
    return sheet


def test_a_suggestion_becomes_a_public_tool_across_four_people(
    small_screen, live_server, library, tool
):
    page = small_screen
    url = live_server.url + tool.get_absolute_url()

    sign_in(page, live_server, library.member.email)
    page.goto(url)
    assert_accessible(page, context="tool page, member")
    page.get_by_label("Suggestion de modification").check()
    page.get_by_label("Message").fill("Ajouter une colonne pour les **allergies**.")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_text("Votre suggestion est transmise")).to_be_visible()
    assert_accessible(page, context="suggestion sent")

    sign_in(page, live_server, library.co_author.email)
    page.goto(url)
    page.get_by_role("button", name="Retenir la suggestion de Élise Gagnon").click()
    expect(page.get_by_text("La suggestion est retenue")).to_be_visible()
    assert_accessible(page, context="suggestion accepted")
    assert ToolComment.objects.get().suggestion_status == SuggestionStatus.ACCEPTED

    sign_in(page, live_server, library.facilitator.email)
    page.goto(url)
    page.get_by_role("form", name="Valider l'outil").get_by_role(
        "button", name="Valider"
    ).click()
    expect(page.get_by_text("L'outil est validé")).to_be_visible()
    assert_accessible(page, context="validated")

    sign_in(page, live_server, library.lead.email)
    page.goto(url)
    page.get_by_role("link", name="Publier l'outil").click()
    assert_accessible(page, context="publish page")
    page.get_by_label("Public : tout le monde, sans connexion").check()
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_text("L'outil est publié")).to_be_visible()
    assert_accessible(page, context="published")

    page.context.clear_cookies()
    page.goto(url)
    expect(page.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(page.get_by_text("Secret")).to_have_count(0)
    assert_accessible(page, context="visitor")


def test_the_lead_publishes_and_a_visitor_finds_the_tool_on_its_practice_sheet(
    small_screen, live_server, library, tool
):
    """The pages of this part that stand on their own: links, publish, and the
    linked tools on the practice page."""
    page = small_screen
    sheet = _public_sheet(library)
    slug = library.network.slug
    kwargs = {"network": slug, "pk": tool.pk}

    sign_in(page, live_server, library.co_author.email)
    page.goto(live_server.url + reverse("library:links", kwargs=kwargs))
    assert_accessible(page, context="links page")
    page.get_by_label("Chercher une fiche de pratique").fill("collations")
    # The header has a « Chercher » button too: the one of this page's own search.
    page.get_by_role("search", name="Chercher une fiche").get_by_role(
        "button", name="Chercher"
    ).click()
    page.get_by_label("Des collations sans stress").check()
    page.get_by_role("button", name="Enregistrer les liens").click()
    page.wait_for_url(f"**{tool.get_absolute_url()}#liens")
    assert list(tool.practices.all()) == [sheet]

    tool.status = ToolStatus.VALIDATED
    tool.save()
    sign_in(page, live_server, library.lead.email)
    page.goto(live_server.url + reverse("library:publish", kwargs=kwargs))
    assert_accessible(page, context="publish page")
    expect(
        page.get_by_label("Réseau : toutes les personnes membres du réseau")
    ).to_be_checked()
    page.get_by_label("Public : tout le monde, sans connexion").check()
    page.get_by_role("button", name="Publier").click()
    page.wait_for_url(f"**{tool.get_absolute_url()}")
    tool.refresh_from_db()
    assert (tool.status, tool.scope) == (ToolStatus.PUBLISHED, "public")

    page.context.clear_cookies()
    page.goto(
        live_server.url
        + reverse("practices:practice", kwargs={"network": slug, "pk": sheet.pk})
    )
    linked = page.get_by_role("region", name="Outils liés")
    expect(linked.get_by_role("link", name=TITLE)).to_be_visible()
    assert_accessible(page, context="practice page with its linked tool")
