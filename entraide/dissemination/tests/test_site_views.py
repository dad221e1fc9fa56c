"""The public pages: public content only, for everyone alike; Open Graph; pages."""

import re

import pytest
from django.urls import reverse

from entraide.dissemination.models import PublicSite
from entraide.dissemination.tests.conftest import news
from entraide.dissemination.views.public import PER_PAGE

pytestmark = pytest.mark.django_db

PAGES = (
    "site_home",
    "news_list",
    "practice_list",
    "tool_list",
    "session_list",
    "about",
    "contact",
)


def _get(client, name, content, **kwargs):
    url = reverse(
        f"dissemination:{name}", kwargs={"site": content.network.slug, **kwargs}
    )
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("signed_in", ["anonymous", "member", "lead"])
def test_public_pages_show_public_content_only_whoever_asks(client, content, signed_in):
    if signed_in != "anonymous":
        client.force_login(getattr(content, signed_in))
    html = "".join(_get(client, name, content) for name in PAGES)
    for title in content.public_titles:
        assert title in html
    for title in content.private_titles + content.other_public_titles:
        assert title not in html
    assert "PRIVE-salle" not in html  # a public session's video link stays private


def test_home_links_to_public_pages_of_practices_tools_and_communities(client, content):
    html = _get(client, "site_home", content)
    objects = content.objects
    assert (
        reverse(
            "practices:practice",
            kwargs={"network": "mcq", "pk": objects["practice"].pk},
        )
        in html
    )
    assert objects["tool"].get_absolute_url() in html
    assert (
        reverse("communities:detail", kwargs={"network": "mcq", "community": "ouverte"})
        in html
    )


def test_news_detail_renders_sanitised_markdown(client, content):
    post = news(
        content.network,
        "Rentrée",
        slug="rentree",
        body="**Bienvenue** <script>alert(1)</script> [lien](javascript:alert(1))",
    )
    html = _get(client, "news_detail", content, slug=post.slug)
    assert "<strong>Bienvenue</strong>" in html
    assert "<script>alert" not in html
    assert 'href="javascript' not in html


def test_draft_news_is_not_found(client, content):
    client.force_login(content.lead)
    url = reverse(
        "dissemination:news_detail",
        kwargs={"site": "mcq", "slug": content.objects["draft"].slug},
    )
    assert client.get(url).status_code == 404


def test_other_network_news_is_not_found_under_this_network(client, content):
    other = news(content.other_network, "Ailleurs", slug="ailleurs")
    url = reverse(
        "dissemination:news_detail", kwargs={"site": "mcq", "slug": other.slug}
    )
    assert client.get(url).status_code == 404


def _meta(html, prop):
    match = re.search(rf'<meta (?:property|name)="{prop}" content="([^"]*)"', html)
    return match.group(1) if match else None


def test_pages_carry_title_description_and_open_graph(client, content, settings):
    settings.SITE_URL = "https://entraide.example"
    PublicSite.objects.create(
        network=content.network, description="Le réseau des CPE de la Mauricie."
    )
    html = _get(client, "site_home", content)
    assert "<title>Réseau Mauricie–Centre-du-Québec · Entraide</title>" in html
    assert _meta(html, "description") == "Le réseau des CPE de la Mauricie."
    assert _meta(html, "og:title") == "Réseau Mauricie–Centre-du-Québec"
    assert _meta(html, "og:url") == "https://entraide.example/reseaux/mcq/"
    assert _meta(html, "og:type") == "website"
    post = content.objects["news"]
    html = _get(client, "news_detail", content, slug=post.slug)
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:title") == post.title
    assert _meta(html, "og:description") == post.summary


def test_description_from_markdown_is_plain_text(client, content):
    PublicSite.objects.create(
        network=content.network, about="## Qui\n\n**Nous** aidons."
    )
    html = _get(client, "about", content)
    assert _meta(html, "description") == "Qui Nous aidons."


def test_about_and_contact_show_the_project_leads_texts(client, content):
    PublicSite.objects.create(
        network=content.network,
        about="Nous **soutenons** les CPE.",
        contact="Au 100, rue des Forges.",
        contact_email="info@mcq.example",
    )
    assert "<strong>soutenons</strong>" in _get(client, "about", content)
    html = _get(client, "contact", content)
    assert "100, rue des Forges" in html
    assert 'href="mailto:info@mcq.example"' in html


def test_news_list_is_paginated(client, content):
    for number in range(PER_PAGE + 5):
        news(content.network, f"Nouvelle {number:02d}", days_ago=number + 2)
    first = _get(client, "news_list", content)
    assert first.count('class="public-card-title"') == PER_PAGE
    assert "page=2" in first
    url = reverse("dissemination:news_list", kwargs={"site": "mcq"})
    second = client.get(url, {"page": 2}).content.decode()
    assert second.count('class="public-card-title"') == 6  # 25 + the fixture's one
    assert client.get(url, {"page": "zzz"}).status_code == 200


def test_public_session_time_in_the_networks_zone_for_visitors(client, content):
    content.network.time_zone = "America/Vancouver"
    content.network.save()
    html = _get(client, "session_list", content)
    assert "heure du Pacifique" in html


def test_public_session_time_in_the_persons_zone_when_signed_in(client, content):
    content.member.time_zone = "America/Halifax"
    content.member.save()
    client.force_login(content.member)
    assert "heure de l&#x27;Atlantique" in _get(client, "session_list", content)


def test_english_visitor_reads_the_site_in_english(client, content):
    client.cookies["entraide_language"] = "en"
    html = _get(client, "site_home", content)
    assert '<html lang="en">' in html


def test_deployment_home_lists_every_network(client, content):
    html = client.get(reverse("dissemination:deployment_home")).content.decode()
    assert reverse("dissemination:site_home", kwargs={"site": "mcq"}) in html
    assert reverse("dissemination:site_home", kwargs={"site": "autre"}) in html


@pytest.mark.parametrize("name", PAGES)
def test_queries_do_not_grow_with_content(
    client, content, name, django_assert_max_num_queries
):
    from entraide.dissemination.tests.conftest import add_content

    url = reverse(f"dissemination:{name}", kwargs={"site": "mcq"})
    client.get(url)  # warm caches (content types, sessions)
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for round_number in range(9):
        add_content(content.network, prefix=f"x{round_number}-")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_deployment_home_queries_do_not_grow(
    client, content, django_assert_max_num_queries
):
    from entraide.core.testing import make_network

    url = reverse("dissemination:deployment_home")
    with django_assert_max_num_queries(6) as small:
        client.get(url)
    for number in range(10):
        make_network(f"reseau-{number}", f"Réseau {number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
