"""Atom feeds of a network's public news, practices and tools.

Every link is absolute from ``SITE_URL``, the deployment's canonical address, so
a feed reads the same from any host name.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from entraide.dissemination import selectors
from entraide.dissemination.views.public import absolute, plain

FEED_ITEMS = 30


class _NetworkFeed(Feed):
    feed_type = Atom1Feed
    list_name = ""
    feed_name = ""

    def get_object(self, request, site):
        return selectors.public_network(site)

    def link(self, network):
        return absolute(
            reverse(f"dissemination:{self.list_name}", kwargs={"site": network.slug})
        )

    def feed_url(self, network):
        return absolute(
            reverse(f"dissemination:{self.feed_name}", kwargs={"site": network.slug})
        )

    def author_name(self, network):
        return network.name

    def subtitle(self, network):
        public = selectors.public_site_of(network)
        return public.description or network.description or network.name


class NewsFeed(_NetworkFeed):
    list_name = "news_list"
    feed_name = "news_feed"

    def title(self, network):
        return _("Nouvelles — %(name)s") % {"name": network.name}

    def items(self, network):
        return selectors.published_news(network)[:FEED_ITEMS]

    def item_title(self, post):
        return post.title

    def item_description(self, post):
        return post.summary or plain(post.body, 600)

    def item_link(self, post):
        return absolute(post.get_absolute_url())

    def item_pubdate(self, post):
        return post.published_at

    def item_updateddate(self, post):
        return post.updated_at


class PracticeFeed(_NetworkFeed):
    list_name = "practice_list"
    feed_name = "practice_feed"

    def title(self, network):
        return _("Pratiques — %(name)s") % {"name": network.name}

    def items(self, network):
        return selectors.public_practices(network)[:FEED_ITEMS]

    def item_title(self, sheet):
        return sheet.published_version.title

    def item_description(self, sheet):
        return plain(sheet.published_version.summary, 600)

    def item_link(self, sheet):
        return absolute(
            reverse(
                "practices:practice",
                kwargs={"network": sheet.network.slug, "pk": sheet.pk},
            )
        )

    def item_pubdate(self, sheet):
        return sheet.published_at


class ToolFeed(_NetworkFeed):
    list_name = "tool_list"
    feed_name = "tool_feed"

    def title(self, network):
        return _("Outils — %(name)s") % {"name": network.name}

    def items(self, network):
        return selectors.public_tools(network)[:FEED_ITEMS]

    def item_title(self, tool):
        return tool.published_version.title

    def item_description(self, tool):
        return plain(tool.published_version.description, 600)

    def item_link(self, tool):
        return absolute(tool.get_absolute_url())

    def item_pubdate(self, tool):
        return tool.published_at
