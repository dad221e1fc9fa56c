"""The sitemap: public pages only, every address absolute from ``SITE_URL``.

Practices and tools come from the same selectors as the public site, one per
network, combined into one query each.
"""

from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from entraide.dissemination import selectors

NETWORK_PAGES = (
    "site_home",
    "news_list",
    "practice_list",
    "tool_list",
    "session_list",
    "about",
    "contact",
)


class _PublicSitemap(Sitemap):
    limit = 5000

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


def _combined(per_network):
    networks = list(selectors.public_networks())
    if not networks:
        return []
    return reduce(or_, (per_network(network) for network in networks))


class PagesSitemap(_PublicSitemap):
    def items(self):
        pages = [("deployment_home", {})]
        for slug in selectors.public_networks().values_list("slug", flat=True):
            pages += [(name, {"site": slug}) for name in NETWORK_PAGES]
        return pages

    def location(self, item):
        name, kwargs = item
        return reverse(f"dissemination:{name}", kwargs=kwargs)


class NewsSitemap(_PublicSitemap):
    def items(self):
        return _combined(selectors.published_news)

    def lastmod(self, post):
        return post.updated_at


class PracticeSitemap(_PublicSitemap):
    def items(self):
        return _combined(selectors.public_practices)

    def location(self, sheet):
        return reverse(
            "practices:practice", kwargs={"network": sheet.network.slug, "pk": sheet.pk}
        )

    def lastmod(self, sheet):
        return sheet.published_at


class ToolSitemap(_PublicSitemap):
    def items(self):
        return _combined(selectors.public_tools)

    def lastmod(self, tool):
        return tool.published_at


SITEMAPS = {
    "pages": PagesSitemap,
    "news": NewsSitemap,
    "practices": PracticeSitemap,
    "tools": ToolSitemap,
}


def sitemap_pages() -> list[tuple[str, int]]:
    """Every (section, page) of the sitemap, for its index."""
    return [
        (section, page)
        for section, sitemap in SITEMAPS.items()
        for page in sitemap().paginator.page_range
    ]
