"""Who gets what from the dissemination URLs (see tests/test_access_matrix.py).

The public site answers everyone alike; its management pages are for network A's
project lead and admin.
"""

from django.utils import timezone

from entraide.core.testing import Rule, managers_only

MANAGERS_ACT = {
    "anonymous": 302,
    "member": 403,
    "management": 403,
    "project_lead": 302,
    "admin": 302,
    "other_network_admin": 404,
}


def _site(world):
    return {"site": world.network.slug}


def _network(world):
    return {"network": world.network.slug}


def _news(world):
    from entraide.dissemination.models import NewsPost

    if "news" not in world.extra:
        world.extra["news"] = NewsPost.objects.create(
            network=world.network,
            title="Nouvelle publique",
            slug="nouvelle-publique",
            body="Texte.",
            status="published",
            published_at=timezone.now(),
        )
        world.extra["draft"] = NewsPost.objects.create(
            network=world.network,
            title="Brouillon",
            slug="brouillon",
            body="Texte.",
        )


def _post(key):
    def kwargs(world):
        return {"network": world.network.slug, "pk": world.extra[key].pk}

    return kwargs


def _published_toggle(world):
    """Publishing needs a draft each time: each role's POST starts from one."""
    _news(world)
    world.extra["draft"].status = "draft"
    world.extra["draft"].published_at = None
    world.extra["draft"].save()


def _news_data(world):
    return {"title": "Une nouvelle", "summary": "", "body": "Texte."}


def _site_data(world):
    return {"description": "Un réseau.", "about": "", "contact": ""}


PUBLIC = [
    Rule("dissemination:deployment_home"),
    Rule("dissemination:site_home", kwargs=_site),
    Rule("dissemination:news_list", kwargs=_site),
    Rule(
        "dissemination:news_detail",
        kwargs=lambda w: {"site": w.network.slug, "slug": "nouvelle-publique"},
        setup=_news,
    ),
    # A draft is not on the public site, not even for the project lead.
    Rule(
        "dissemination:news_detail",
        kwargs=lambda w: {"site": w.network.slug, "slug": "brouillon"},
        setup=_news,
        default=404,
    ),
    Rule("dissemination:practice_list", kwargs=_site),
    Rule("dissemination:tool_list", kwargs=_site),
    Rule("dissemination:session_list", kwargs=_site),
    Rule("dissemination:about", kwargs=_site),
    Rule("dissemination:contact", kwargs=_site),
    Rule("dissemination:news_feed", kwargs=_site),
    Rule("dissemination:practice_feed", kwargs=_site),
    Rule("dissemination:tool_feed", kwargs=_site),
    Rule("dissemination:site_home", kwargs={"site": "inconnu"}, default=404),
    Rule("dissemination:sitemap"),
    Rule("dissemination:sitemap_section", kwargs={"section": "pages"}),
    Rule("dissemination:sitemap_section", kwargs={"section": "inconnu"}, default=404),
]

MANAGEMENT = [
    Rule("dissemination:manage", kwargs=_network, expect=managers_only()),
    Rule("dissemination:site_edit", kwargs=_network, expect=managers_only()),
    Rule(
        "dissemination:site_edit",
        method="POST",
        kwargs=_network,
        data=_site_data,
        expect=MANAGERS_ACT,
    ),
    Rule("dissemination:news_create", kwargs=_network, expect=managers_only()),
    Rule(
        "dissemination:news_create",
        method="POST",
        kwargs=_network,
        data=_news_data,
        expect=MANAGERS_ACT,
    ),
    Rule(
        "dissemination:news_edit",
        kwargs=_post("news"),
        setup=_news,
        expect=managers_only(),
    ),
    Rule(
        "dissemination:news_edit",
        method="POST",
        kwargs=_post("news"),
        setup=_news,
        data=_news_data,
        expect=MANAGERS_ACT,
    ),
    Rule(
        "dissemination:news_publish",
        method="POST",
        kwargs=_post("draft"),
        setup=_published_toggle,
        expect=MANAGERS_ACT,
    ),
    Rule(
        "dissemination:news_publish",
        method="GET",
        kwargs=_post("draft"),
        setup=_news,
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "dissemination:news_unpublish",
        method="POST",
        kwargs=_post("news"),
        setup=_news,
        expect=MANAGERS_ACT,
    ),
]

RULES = PUBLIC + MANAGEMENT
