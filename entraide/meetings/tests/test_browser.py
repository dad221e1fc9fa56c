"""Browser story of sessions, with axe on every page visited."""

import pytest
from playwright.sync_api import expect

from entraide.communities.models import CommunityMembership
from entraide.core.testing import assert_accessible, make_member, sign_in
from entraide.meetings.models import Registration, Session

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def test_facilitator_plans_a_session_and_an_educator_in_moncton_registers(
    page, live_server, place
):
    educator = make_member(
        place.network,
        "sophie@mcq.example",
        first_name="Sophie",
        last_name="Leblanc",
        time_zone="America/Moncton",
    )
    CommunityMembership.objects.create(community=place.community, user=educator)
    base = f"{live_server.url}/r/mcq/communautes/pedagogie/rencontres/"

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(base)
    assert_accessible(page, context="empty list")
    page.get_by_role("link", name="Nouvelle rencontre").click()
    assert_accessible(page, context="create form")
    page.get_by_label("Titre (obligatoire)").fill("Le jeu libre à l'extérieur")
    page.get_by_label("Début (obligatoire)").fill("2027-01-12T18:00")
    page.get_by_label("Nombre de places").fill("0")
    page.get_by_role("button", name="Planifier").click()
    expect(
        page.get_by_text("Le nombre de places doit être d'au moins 1.")
    ).to_be_visible()
    assert_accessible(page, context="form with an error")
    expect(page.get_by_label("Titre (obligatoire)")).to_have_value(
        "Le jeu libre à l'extérieur"
    )
    page.get_by_label("Nombre de places").fill("10")
    page.get_by_label("Lien de visioconférence").fill("https://video.example/jeu")
    page.get_by_role("button", name="Planifier").click()
    expect(page.get_by_text("La rencontre est planifiée.")).to_be_visible()
    expect(page.get_by_text("18\xa0h\xa000 (heure de l'Est)")).to_be_visible()
    assert_accessible(page, context="detail as facilitator")
    session = Session.objects.get()

    sign_in(page, live_server, "sophie@mcq.example")
    page.goto(f"{live_server.url}/r/mcq/communautes/pedagogie/")
    expect(page.get_by_role("link", name="Le jeu libre à l'extérieur")).to_be_visible()
    assert_accessible(page, context="community page")
    page.get_by_role("link", name="Le jeu libre à l'extérieur").click()
    expect(page.get_by_text("19\xa0h\xa000 (heure de l'Atlantique)")).to_be_visible()
    assert_accessible(page, context="detail as educator")
    page.get_by_role("button", name="M'inscrire").click()
    expect(
        page.locator("#registration").get_by_text(
            "Vous êtes inscrit à cette rencontre."
        )
    ).to_have_count(2)
    assert_accessible(page, context="after registering")
    assert Registration.objects.get(session=session).user == educator
