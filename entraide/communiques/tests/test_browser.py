"""The project lead edits the November communiqué from her phone, sends herself a
test, sends it to 200 members; one of them unsubscribes without signing in."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from entraide.communiques.models import Consent
from entraide.communiques.services import assembly, consent
from entraide.communities.models import Community
from entraide.core.testing import assert_accessible, make_member, make_network, sign_in
from entraide.dissemination.models import NewsPost
from entraide.meetings.models import Session

pytestmark = pytest.mark.browser
MEMBERS = 200


@pytest.fixture
def november(transactional_db):
    network = make_network()
    lead = make_member(network, "chargee@example.org", role="project_lead")
    for index in range(MEMBERS):
        person = make_member(network, f"membre{index:03}@example.org")
        consent.give_consent(user=person, network=network)
    make_member(network, "sans-abonnement@example.org")
    NewsPost.objects.create(
        network=network,
        title="Nouveau site du réseau",
        slug="site",
        body="…",
        status="published",
        published_at=timezone.make_aware(datetime.datetime(2026, 11, 12, 10)),
    )
    community = Community.objects.create(
        network=network, slug="pedagogie", name="Pédagogie", visibility="network"
    )
    Session.objects.create(
        community=community,
        title="Rencontre de décembre",
        starts_at=timezone.make_aware(datetime.datetime(2026, 12, 9, 19)),
    )
    communique = assembly.assemble(
        network=network, month=datetime.date(2026, 11, 1), actor=lead
    )
    return network, lead, communique


def test_lead_edits_tests_and_sends_the_november_communique(
    page, live_server, smtp, november
):
    network, lead, communique = november
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, lead.email)
    page.goto(f"{live_server.url}/r/{network.slug}/communiques/")
    assert_accessible(page, context="communiqué list")
    page.get_by_role("link", name=communique.subject).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modifier le communiqué")
    assert_accessible(page, context="draft")

    page.get_by_label("Mot d'introduction").fill("Bonjour à toutes et à tous!")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Le communiqué est enregistré.")).to_be_visible()
    page.get_by_role("button", name="Monter : Nouveau site du réseau").click()
    items = page.locator(".communique-items > li")
    expect(items.first).to_contain_text("Nouveau site du réseau")
    page.get_by_label("Titre").fill("Bonnes fêtes")
    page.get_by_label("Texte", exact=True).fill("Le bureau ferme du 20 décembre.")
    page.get_by_role("button", name="Ajouter le texte").click()
    expect(items).to_have_count(3)
    assert_accessible(page, context="draft edited")

    page.get_by_role("link", name="Aperçu HTML et texte").click()
    expect(page.locator("pre")).to_contain_text("Bonnes fêtes")
    assert_accessible(page, context="preview")
    page.get_by_role("link", name="Retour au brouillon").click()

    page.get_by_role("button", name="M'envoyer un essai").click()
    expect(page.get_by_text(f"Un essai part à {lead.email}.")).to_be_visible()
    assert [m["To"] for m in smtp.messages] == [lead.email]
    smtp.clear()

    page.get_by_role("link", name="Envoyer ou planifier").click()
    assert_accessible(page, context="send page")
    page.get_by_role("button", name=f"Envoyer maintenant à {MEMBERS} personnes").click()
    expect(page.get_by_text("L'envoi est lancé.")).to_be_visible(timeout=60_000)
    assert_accessible(page, context="archived communiqué")
    assert len(smtp.messages) == MEMBERS
    assert len({m["To"] for m in smtp.messages}) == MEMBERS
    for message in smtp.messages:
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert "<mailto:" in message["List-Unsubscribe"]

    message = smtp.messages[17]
    link = message["List-Unsubscribe"].split(",")[0].strip().strip("<>")
    page.context.clear_cookies()
    page.goto(link.replace("http://127.0.0.1:8000", live_server.url))
    assert_accessible(page, context="unsubscribe confirmation")
    page.get_by_role("button", name="Me désabonner").click()
    expect(page.get_by_role("status")).to_contain_text("vous ne recevrez plus")
    assert_accessible(page, context="unsubscribed")
    assert Consent.objects.filter(
        user__email=message["To"], withdrawn_at__isnull=False
    ).exists()
    assert Consent.objects.filter(withdrawn_at__isnull=True).count() == MEMBERS - 1
