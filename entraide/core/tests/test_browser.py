"""Browser stories for the site shell: language, navigation, accessibility."""

import pytest

from entraide.core.testing import assert_accessible, make_member, make_network

pytestmark = pytest.mark.browser


def sign_in(page, live_server, email, password="motdepasse-solide-2026"):
    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Connexion").click()


def test_visitor_reads_the_welcome_page_in_french_then_english(page, live_server):
    page.goto(live_server.url)
    assert page.locator("html").get_attribute("lang") == "fr-CA"
    assert_accessible(page, context="welcome fr")
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page, context="welcome en")
    page.get_by_role("button", name="Français").click()
    assert page.locator("html").get_attribute("lang") == "fr-CA"


def test_member_sees_home_with_network_and_role_at_phone_width(page, live_server):
    network = make_network()
    make_member(network, "julie@example.org", role="project_lead")
    page.set_viewport_size({"width": 360, "height": 780})
    sign_in(page, live_server, "julie@example.org")
    page.wait_for_url(f"{live_server.url}/")
    assert page.get_by_role("heading", name="Mes réseaux").is_visible()
    assert page.get_by_text(network.name).first.is_visible()
    assert_accessible(page, context="home fr 360px")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"page scrolls sideways at 360 px ({width})"
    page.get_by_role("link", name=network.name).click()
    assert page.get_by_role("heading", name=network.name).is_visible()
    assert_accessible(page, context="network detail")
    page.goto(f"{live_server.url}/nulle-part/")
    assert page.get_by_role("heading", name="Page introuvable").is_visible()
    assert_accessible(page, context="404")


def test_axe_helper_reports_a_real_violation(page, live_server):
    """The accessibility check is not a test that cannot fail."""
    page.goto(live_server.url)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/img/favicon.svg\">')"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        assert_accessible(page)
