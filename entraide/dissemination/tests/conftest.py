"""A network with public and private content side by side, for the public site.

Every private title contains « PRIVÉ »: no public page, feed or sitemap may show it.
"""

import datetime
from dataclasses import dataclass, field

import pytest
from django.utils import timezone
from django.utils.text import slugify

from entraide.communities.models import Community
from entraide.core.testing import make_member, make_network
from entraide.dissemination.models import NewsPost
from entraide.library.tests.factories import make_tool
from entraide.meetings.models import Session
from entraide.practices.tests.access_browse import published_sheet

PRIVATE = "PRIVÉ"


@dataclass
class Content:
    network: object
    other_network: object
    lead: object
    member: object
    public_titles: list = field(default_factory=list)
    private_titles: list = field(default_factory=list)
    other_public_titles: list = field(default_factory=list)
    objects: dict = field(default_factory=dict)


def news(network, title, *, published=True, days_ago=1, **fields):
    return NewsPost.objects.create(
        network=network,
        title=title,
        slug=fields.pop("slug", None) or slugify(title),
        summary=fields.pop("summary", f"Résumé de {title}"),
        body=fields.pop("body", f"Texte de **{title}**."),
        status="published" if published else "draft",
        published_at=timezone.now() - datetime.timedelta(days=days_ago)
        if published
        else None,
        **fields,
    )


def session(community, title, *, days=7, **fields):
    return Session.objects.create(
        community=community,
        title=title,
        starts_at=timezone.now() + datetime.timedelta(days=days),
        **fields,
    )


def add_content(network, prefix=""):
    """Public items and private ones of every kind in ``network``; returns both
    lists of titles and the objects by key."""
    public, private, objects = [], [], {}
    slug_prefix = slugify(prefix)

    def pub(key, title, make):
        public.append(title)
        objects[key] = make(title)

    def priv(key, title, make):
        private.append(title)
        objects[key] = make(title)

    open_community = Community.objects.create(
        network=network,
        slug=f"{slug_prefix}ouverte",
        name="Communauté ouverte",
        visibility="public",
        join_policy="open",
    )
    closed = Community.objects.create(
        network=network,
        slug=f"{slug_prefix}fermee",
        name=f"{PRIVATE} communauté",
        visibility="members",
        join_policy="invitation",
    )
    networked = Community.objects.create(
        network=network,
        slug=f"{slug_prefix}reseau",
        name=f"{PRIVATE} réseau",
        visibility="network",
        join_policy="open",
    )
    archived = Community.objects.create(
        network=network,
        slug=f"{slug_prefix}archivee",
        name="Archivée publique",
        visibility="public",
        join_policy="open",
        archived_at=timezone.now(),
    )
    objects["open_community"] = open_community
    pub("news", f"{prefix}Nouvelle publiée", lambda t: news(network, t))
    priv(
        "draft",
        f"{prefix}{PRIVATE} brouillon",
        lambda t: news(network, t, published=False),
    )
    pub(
        "practice",
        f"{prefix}Pratique publique",
        lambda t: published_sheet(network, t, summary="Un résumé public."),
    )
    priv(
        "practice_network",
        f"{prefix}{PRIVATE} pratique réseau",
        lambda t: published_sheet(network, t, scope="network"),
    )
    priv(
        "practice_provincial",
        f"{prefix}{PRIVATE} pratique provinciale",
        lambda t: published_sheet(network, t, scope="provincial"),
    )
    priv(
        "practice_retained",
        f"{prefix}{PRIVATE} pratique retenue",
        lambda t: published_sheet(network, t, state="retained"),
    )
    pub(
        "tool",
        f"{prefix}Outil public",
        lambda t: make_tool(network, t, status="published", scope="public"),
    )
    priv(
        "tool_network",
        f"{prefix}{PRIVATE} outil réseau",
        lambda t: make_tool(network, t, status="published", scope="network"),
    )
    priv(
        "tool_community",
        f"{prefix}{PRIVATE} outil communauté",
        lambda t: make_tool(
            network, t, community=closed, status="published", scope="community"
        ),
    )
    priv(
        "tool_draft",
        f"{prefix}{PRIVATE} outil en cours",
        lambda t: make_tool(network, t),
    )
    priv(
        "tool_archived",
        f"{prefix}{PRIVATE} outil archivé",
        lambda t: _archived_tool(network, t),
    )
    pub(
        "session",
        f"{prefix}Rencontre ouverte",
        lambda t: session(
            open_community,
            t,
            description=f"{PRIVATE} description",
            video_url="https://visio.example/PRIVE-salle",
        ),
    )
    priv(
        "session_closed",
        f"{prefix}{PRIVATE} rencontre membres",
        lambda t: session(closed, t),
    )
    priv(
        "session_network",
        f"{prefix}{PRIVATE} rencontre réseau",
        lambda t: session(networked, t),
    )
    priv(
        "session_archived",
        f"{prefix}{PRIVATE} rencontre archivée",
        lambda t: session(archived, t),
    )
    priv(
        "session_cancelled",
        f"{prefix}{PRIVATE} rencontre annulée",
        lambda t: session(open_community, t, status="cancelled"),
    )
    priv(
        "session_past",
        f"{prefix}{PRIVATE} rencontre passée",
        lambda t: session(open_community, t, days=-3),
    )
    return public, private, objects


def _archived_tool(network, title):
    tool = make_tool(network, title, status="published", scope="public")
    tool.status = "archived"
    tool.save(update_fields=["status"])
    return tool


@pytest.fixture
def content(db):
    network = make_network("mcq", "Réseau Mauricie–Centre-du-Québec")
    other = make_network("autre", "Autre réseau")
    lead = make_member(network, "chargee@mcq.example", role="project_lead")
    member = make_member(network, "membre@mcq.example")
    public, private, objects = add_content(network)
    # The other network's public items are not on this network's site.
    other_public, other_private, _objects = add_content(other, prefix="B ")
    return Content(
        network=network,
        other_network=other,
        lead=lead,
        member=member,
        public_titles=public,
        private_titles=private + other_private,
        other_public_titles=other_public,
        objects=objects,
    )
