"""Atom feeds and the sitemap: valid XML, public items only, absolute addresses."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from entraide.dissemination import selectors
from entraide.dissemination.tests.conftest import news

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
SITE_URL = "https://entraide.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert "xml" in response["Content-Type"]
    return ET.fromstring(response.content)


def _feed(client, name, site="mcq"):
    root = _xml(client, reverse(f"dissemination:{name}", kwargs={"site": site}))
    assert root.tag == f"{ATOM}feed"
    return root


def _entry_titles(root):
    return [entry.findtext(f"{ATOM}title") for entry in root.iter(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("name", "key"),
    [("news_feed", "news"), ("practice_feed", "practice"), ("tool_feed", "tool")],
)
def test_feed_is_atom_with_the_public_item_only(client, content, name, key):
    client.force_login(content.lead)  # a project lead's feed is the public one too
    root = _feed(client, name)
    titles = _entry_titles(root)
    assert titles == [str(content.objects[key])]
    body = ET.tostring(root, encoding="unicode")
    for title in content.private_titles + content.other_public_titles:
        assert title not in body
    links = [link.get("href") for link in root.iter(f"{ATOM}link")]
    assert links and all(link.startswith(SITE_URL + "/") for link in links)


def test_news_feed_entry_links_to_the_post_with_its_dates(client, content):
    root = _feed(client, "news_feed")
    entry = next(root.iter(f"{ATOM}entry"))
    post = content.objects["news"]
    assert entry.find(f"{ATOM}link").get("href") == SITE_URL + post.get_absolute_url()
    assert entry.findtext(f"{ATOM}published")
    assert entry.findtext(f"{ATOM}summary") == post.summary


def test_news_feed_drops_a_post_once_unpublished(client, content):
    post = content.objects["news"]
    post.status, post.published_at = "draft", None
    post.save()
    assert _entry_titles(_feed(client, "news_feed")) == []


def test_feed_of_unknown_network_is_404(client, db):
    url = reverse("dissemination:news_feed", kwargs={"site": "inconnu"})
    assert client.get(url).status_code == 404


def test_feed_escapes_odd_titles(client, content):
    news(content.network, "Menus & <collations> « santé »", slug="menus")
    assert "Menus & <collations> « santé »" in _entry_titles(_feed(client, "news_feed"))


def _sitemap_locations(client):
    index = _xml(client, reverse("dissemination:sitemap"))
    assert index.tag == f"{SITEMAP}sitemapindex"
    locations = []
    for loc in index.iter(f"{SITEMAP}loc"):
        assert loc.text.startswith(SITE_URL + "/sitemap-")
        part = _xml(client, loc.text.removeprefix(SITE_URL))
        assert part.tag == f"{SITEMAP}urlset"
        locations += [node.text for node in part.iter(f"{SITEMAP}loc")]
    return locations


def test_sitemap_lists_public_pages_of_every_network_only(client, content):
    locations = _sitemap_locations(client)
    assert all(location.startswith(SITE_URL + "/") for location in locations)
    paths = {location.removeprefix(SITE_URL) for location in locations}
    expected = {reverse("dissemination:deployment_home")}
    for network in (content.network, content.other_network):
        for name in ("site_home", "news_list", "about", "contact"):
            expected.add(
                reverse(f"dissemination:{name}", kwargs={"site": network.slug})
            )
        expected |= {p.get_absolute_url() for p in selectors.published_news(network)}
        expected |= {
            reverse("practices:practice", kwargs={"network": network.slug, "pk": s.pk})
            for s in selectors.public_practices(network)
        }
        expected |= {t.get_absolute_url() for t in selectors.public_tools(network)}
    assert expected <= paths
    objects = content.objects
    private_paths = {
        objects["draft"].get_absolute_url(),
        objects["tool_network"].get_absolute_url(),
        objects["tool_archived"].get_absolute_url(),
        objects["tool_community"].get_absolute_url(),
        reverse(
            "practices:practice",
            kwargs={"network": "mcq", "pk": objects["practice_network"].pk},
        ),
    }
    assert not private_paths & paths
    # Each listed item page answers anonymous visitors.
    for path in paths:
        assert client.get(path).status_code == 200, path


def test_sitemap_sections_are_paginated(client, content, monkeypatch):
    from entraide.dissemination import sitemaps

    monkeypatch.setattr(sitemaps.PagesSitemap, "limit", 5)
    index = _xml(client, reverse("dissemination:sitemap"))
    pages = [
        loc.text for loc in index.iter(f"{SITEMAP}loc") if "sitemap-pages" in loc.text
    ]
    assert len(pages) == 3  # 1 + 7 × 2 network pages = 15, five a page
    assert pages[-1].endswith("?p=3")
    url = reverse("dissemination:sitemap_section", kwargs={"section": "pages"})
    assert client.get(url, {"p": 4}).status_code == 404
    assert client.get(url, {"p": "x"}).status_code == 404


def test_sitemap_queries_do_not_grow_with_content(
    client, content, django_assert_max_num_queries
):
    from entraide.dissemination.tests.conftest import add_content

    url = reverse("dissemination:sitemap_section", kwargs={"section": "tools"})
    with django_assert_max_num_queries(6) as small:
        client.get(url)
    for number in range(5):
        add_content(content.network, prefix=f"x{number}-")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)
