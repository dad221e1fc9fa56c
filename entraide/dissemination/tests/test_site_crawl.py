"""An anonymous visitor follows every link of the public site from the deployment
home: every page answers, none shows a private item, each has its Open Graph."""

import re
from urllib.parse import urldefrag

import pytest

from entraide.dissemination.models import PublicSite

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="([^"]+)"')
# Public pages of other apps the public site links to: opened, not crawled further.
LINKED_PUBLIC = re.compile(
    r"^/r/[^/]+/(pratiques/\d+/|outils/\d+/|communautes/[^/]+/)$"
)
OPEN_GRAPH = ("og:title", "og:description", "og:url", "og:type")


def crawl(client, start="/reseaux/"):
    seen, queue, pages = set(), [start], {}
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        pages[url] = text
        if not url.startswith("/reseaux/") or url.endswith(".xml"):
            continue
        for href in HREF.findall(text):
            link = urldefrag(href.replace("&amp;", "&"))[0]
            if link.startswith("?"):
                link = url.split("?")[0] + link
            if link.startswith("/reseaux/") or LINKED_PUBLIC.match(link):
                queue.append(link)
    return pages


def test_anonymous_crawl_finds_no_private_content(client, content):
    for network in (content.network, content.other_network):
        PublicSite.objects.create(
            network=network, about="Notre mission.", contact_email="info@example.ca"
        )
    pages = crawl(client)
    crawled = set(pages)
    expected = {
        "/reseaux/",
        "/reseaux/mcq/",
        "/reseaux/mcq/nouvelles/",
        "/reseaux/mcq/pratiques/",
        "/reseaux/mcq/outils/",
        "/reseaux/mcq/rencontres/",
        "/reseaux/mcq/a-propos/",
        "/reseaux/mcq/contact/",
        "/reseaux/mcq/nouvelles.xml",
        "/reseaux/mcq/pratiques.xml",
        "/reseaux/mcq/outils.xml",
        content.objects["news"].get_absolute_url(),
        content.objects["tool"].get_absolute_url(),
        f"/r/mcq/pratiques/{content.objects['practice'].pk}/",
        "/r/mcq/communautes/ouverte/",
        "/reseaux/autre/",
    }
    assert expected <= crawled
    everything = "\n".join(pages.values())
    for title in content.private_titles:
        assert title not in everything, title
    for title in content.public_titles + content.other_public_titles:
        assert title in everything, title
    for url, text in pages.items():
        if url.startswith("/reseaux/") and not url.endswith(".xml"):
            for prop in OPEN_GRAPH:
                assert f'property="{prop}"' in text, (url, prop)
            assert '<meta name="description"' in text, url


def test_crawl_follows_pagination(client, content):
    from entraide.dissemination.tests.conftest import news
    from entraide.dissemination.views.public import PER_PAGE

    for number in range(PER_PAGE):
        news(content.network, f"Archive {number:02d}", days_ago=number + 2)
    pages = crawl(client, "/reseaux/mcq/nouvelles/")
    assert "/reseaux/mcq/nouvelles/?page=2" in pages
    assert "Archive 19" in "".join(pages.values())


def test_welcome_page_leads_visitors_to_the_public_sites(client, db):
    html = client.get("/").content.decode()
    assert 'href="/reseaux/"' in html
