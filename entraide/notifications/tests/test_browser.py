"""Browser story: the bell, marking as read with HTMX, and email preferences."""

import re

import pytest
from playwright.sync_api import expect

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import assert_accessible, make_member, make_network
from entraide.notifications import services
from entraide.notifications.models import NotificationPreference

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"


def test_person_reads_notifications_and_chooses_digests(page, live_server):
    network = make_network()
    person = make_member(network, "julie@example.org")
    community = Community.objects.create(
        network=network, slug="pedagogie", name="Pédagogie"
    )
    CommunityMembership.objects.create(community=community, user=person)
    for name in ("Premier", "Deuxième", "Troisième"):
        services.notify(
            recipient=person,
            kind="networks.joined",
            context={"network": name},
            network=network,
        )
    page.set_viewport_size({"width": 360, "height": 780})

    # In French: sign in, the bell says 3.
    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_label("Courriel (obligatoire)", exact=True).fill(person.email)
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{live_server.url}/")
    badge = page.locator("#unread-count")
    expect(badge).to_contain_text("3")
    assert_accessible(page, context="home fr")

    # The list; one marked as read in place, the count goes down, focus stays put.
    page.locator("a.bell").click()
    expect(
        page.get_by_role("heading", name="Notifications", exact=True)
    ).to_be_visible()
    assert page.locator(".bell").get_attribute("aria-current") == "page"
    assert_accessible(page, context="list fr")
    list_url = page.url
    page.get_by_role("button", name=re.compile(r"^Marquer comme lue")).first.click()
    expect(badge).to_contain_text("2")
    expect(page.locator(".notification-unread")).to_have_count(2)
    assert page.url == list_url, "marked as read without leaving the page"
    assert page.evaluate("document.activeElement.id").endswith("-state")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="list fr after marking one read")

    # Preferences: a daily digest for one kind, a weekly one for a community.
    page.get_by_role("link", name="Préférences de courriel").click()
    joined = page.get_by_role("group", name="Bienvenue dans un réseau")
    expect(joined.get_by_label("Tout de suite")).to_be_checked()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="preferences fr")
    joined.get_by_label("Résumé quotidien").check()
    page.locator("summary", has_text="Pédagogie").click()
    replies = page.locator("details").get_by_role(
        "group", name="Nouvelle réponse dans un sujet que je suis"
    )
    expect(replies.get_by_label("Comme ci-dessus")).to_be_checked()
    replies.get_by_label("Résumé hebdomadaire").check()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="preferences fr, a community open")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Vos préférences ont été enregistrées.")).to_be_visible()
    expect(joined.get_by_label("Résumé quotidien")).to_be_checked()
    assert_accessible(page, context="preferences fr saved")
    assert set(
        NotificationPreference.objects.filter(
            user=person, kind__in=("networks.joined", "discussions.reply")
        ).values_list("kind", "community", "frequency")
    ) == {
        ("networks.joined", None, "daily"),
        ("discussions.reply", None, "immediately"),
        ("discussions.reply", community.pk, "weekly"),
    }

    # In English (located by structure: the English text comes with the catalogue).
    page.locator("form.language-switch button[value='en']").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("#id_kind_networks_joined_1")).to_be_checked()
    assert_accessible(page, context="preferences en")
    page.locator("a.bell").click()
    assert page.locator("html").get_attribute("lang") == "en"
    expect(badge).to_contain_text("2")
    page.locator("form[hx-post] button").first.click()
    expect(badge).to_contain_text("1")
    expect(page.locator(".notification-unread")).to_have_count(1)
    assert_accessible(page, context="list en after marking one read")
