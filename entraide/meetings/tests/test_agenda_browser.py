"""Browser story of the agenda, with axe on every page visited."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import AgendaItem
from entraide.meetings.services import agenda

pytestmark = pytest.mark.browser


def test_member_proposes_a_point_and_the_facilitator_accepts_it_and_moves_it_first(
    page, live_server, place
):
    session = place.session(title="Le jeu libre à l'extérieur", duration_minutes=60)
    agenda.add_item(
        session=session, actor=place.facilitator, title="Accueil", duration_minutes=10
    )
    url = f"{live_server.url}{session.get_absolute_url()}"

    sign_in(page, live_server, "educator@mcq.example")
    page.goto(url)
    expect(page.get_by_role("heading", name="Ordre du jour")).to_be_visible()
    assert_accessible(page, context="agenda as a member")
    form = page.get_by_role("form", name="Proposer un point")
    form.get_by_label("Titre (obligatoire)").fill("Retour sur la sortie au parc")
    form.get_by_label("Durée (minutes)").fill("0")
    form.get_by_role("button", name="Proposer").click()
    expect(page.get_by_text("Une durée compte au moins 1 minute.")).to_be_visible()
    expect(page.get_by_label("Titre (obligatoire)")).to_have_value(
        "Retour sur la sortie au parc"
    )
    assert_accessible(page, context="proposal with an error")
    page.get_by_label("Durée (minutes)").fill("55")
    page.get_by_role("button", name="Proposer").click()
    expect(page.get_by_text("Votre proposition est transmise")).to_be_visible()
    expect(page.get_by_text("En attente de l'animation")).to_be_visible()
    assert_accessible(page, context="after proposing")

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(url)
    expect(page.get_by_text("1 proposition à traiter")).to_be_visible()
    assert_accessible(page, context="agenda as the facilitator")
    page.get_by_role("button", name="Accepter « Retour sur la sortie au parc »").click()
    expect(
        page.get_by_text("« Retour sur la sortie au parc » est ajouté")
    ).to_be_visible()
    expect(page.get_by_text("65 minutes prévues sur 60")).to_be_visible()
    page.get_by_role("button", name="Monter « Retour sur la sortie au parc »").click()
    expect(page.get_by_text("est maintenant le point 1")).to_be_visible()
    titles = page.locator(".agenda-items .agenda-item-title")
    expect(titles).to_have_text(["Retour sur la sortie au parc", "Accueil"])
    assert_accessible(page, context="after accepting and moving")
    assert list(
        AgendaItem.objects.order_by("position").values_list("title", flat=True)
    ) == ["Retour sur la sortie au parc", "Accueil"]
