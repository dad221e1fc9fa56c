"""The demo public sites: texts and news per network, one post this month, loaded
once; crawled anonymously, they show no private practice, tool or session."""

import datetime
import html

import pytest
import time_machine
from django.utils import timezone

from entraide.core.demo.communities import load_communities
from entraide.core.demo.dissemination import load_demo_dissemination
from entraide.core.demo.library import load_demo_library
from entraide.core.demo.loader import load_demo
from entraide.core.demo.meetings import load_demo_meetings
from entraide.core.demo.practices import load_demo_practices
from entraide.core.timezones import zone
from entraide.dissemination.models import NewsPost, PublicSite
from entraide.dissemination.selectors import (
    public_practices,
    public_sessions,
    public_tools,
    published_news,
)
from entraide.dissemination.tests.test_site_crawl import crawl
from entraide.library.models import Tool
from entraide.meetings.models import Session
from entraide.networks.models import Network
from entraide.practices.models import PracticeSheet

pytestmark = pytest.mark.django_db

LOADED_ON = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def demo():
    with time_machine.travel(LOADED_ON, tick=False):
        slugs = [s.slug for s in load_demo()]
        load_communities()
        load_demo_meetings(slugs)
        load_demo_practices(slugs)
        load_demo_library(slugs)
        return slugs, load_demo_dissemination(slugs)


def test_news_and_texts_loaded_once_with_one_post_this_month(demo):
    slugs, count = demo
    assert count == 6
    before = NewsPost.objects.count()
    with time_machine.travel(LOADED_ON, tick=False):
        assert load_demo_dissemination(slugs) == count
        assert NewsPost.objects.count() == before
        for network in Network.objects.filter(slug__in=slugs):
            assert PublicSite.objects.get(network=network).about
            local = timezone.localtime(timezone.now(), zone(network.time_zone))
            start = local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
            assert published_news(network, start=start, end=local).count() == 1
    assert NewsPost.objects.filter(status="draft").count() == 1


def test_demo_public_sites_show_only_public_items(client, demo):
    with time_machine.travel(LOADED_ON, tick=False):
        networks = list(Network.objects.all())
        public_ids = {
            "practices": {s.pk for n in networks for s in public_practices(n)},
            "tools": {t.pk for n in networks for t in public_tools(n)},
            "sessions": {s.pk for n in networks for s in public_sessions(n)},
        }
        # No demo community is public, so no demo session is either.
        assert public_ids["practices"] and public_ids["tools"]
        assert not public_ids["sessions"]
        public = set()
        private = set()
        for sheet in PracticeSheet.objects.select_related(
            "current_version", "published_version"
        ):
            version = sheet.published_version or sheet.current_version
            if version is not None:
                bucket = public if sheet.pk in public_ids["practices"] else private
                bucket.add(version.title)
        for tool in Tool.objects.select_related("current_version", "published_version"):
            version = tool.published_version or tool.current_version
            bucket = public if tool.pk in public_ids["tools"] else private
            bucket.add(version.title)
        private |= {p.title for p in NewsPost.objects.filter(status="draft")}
        private -= public  # a title shared by a public item is not a leak
        sessions = {s.pk: s.title for s in Session.objects.all()}
        private_sessions = (
            {
                title
                for pk, title in sessions.items()
                if pk not in public_ids["sessions"]
            }
            - {sessions[pk] for pk in public_ids["sessions"]}
            - public
        )
        pages = crawl(client)
    # Demo titles overlap (« X » and « X (poupons) »): a title counts as shown
    # when it fills an element, e.g. <a …>X</a>.
    everything = html.unescape("\n".join(pages.values()))
    assert "/reseaux/mcq/" in pages and "/reseaux/pancanadien/" in pages
    leaked = sorted(t for t in private | private_sessions if f">{t}<" in everything)
    assert not leaked
    assert all(f">{title}<" in everything for title in public)
