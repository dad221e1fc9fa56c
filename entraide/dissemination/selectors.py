"""Reads of the public site: what anyone may see of a network, and the news.

Public content is decided by each app's own rules, read as an anonymous person:
practices (``practices.selectors_browse`` for an anonymous reader: public scope,
published), tools (``library.selectors.readable_tools`` for an anonymous viewer:
public scope, published, not archived). Sessions have no visibility of their
own: only the upcoming, not cancelled sessions of public, open (not archived)
communities are public, shown without their link, place, description or
registrants. A signed-in person sees the same public site as anyone.
"""

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from entraide.communities.models import Visibility
from entraide.dissemination.models import NewsPost, NewsStatus, PublicSite
from entraide.library import permissions as library_perms
from entraide.library.selectors import readable_tools
from entraide.meetings.models import Session, SessionStatus
from entraide.networks.models import Network
from entraide.practices.selectors_browse import published_practices, reader_for


def published_news(network, *, start=None, end=None) -> QuerySet[NewsPost]:
    """The network's published news, newest first; ``start``/``end`` bound
    ``published_at`` (``start`` included, ``end`` excluded)."""
    news = NewsPost.objects.filter(
        network=network, status=NewsStatus.PUBLISHED
    ).select_related("network")
    if start is not None:
        news = news.filter(published_at__gte=start)
    if end is not None:
        news = news.filter(published_at__lt=end)
    return news.order_by("-published_at", "-pk")


def public_networks() -> QuerySet[Network]:
    """Every network of the deployment, for its home page."""
    return Network.objects.select_related("public_site").order_by("name", "pk")


def public_network(slug: str) -> Network:
    network = Network.objects.select_related("public_site").filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


def public_site_of(network: Network) -> PublicSite:
    """The network's public texts; empty ones (not saved) until first edited."""
    try:
        return network.public_site
    except PublicSite.DoesNotExist:
        return PublicSite(network=network)


def news_post_for(network: Network, slug: str) -> NewsPost:
    """One published news post, or 404 (a draft is answered like a missing one)."""
    post = published_news(network).filter(slug=slug).first()
    if post is None:
        raise Http404
    return post


def public_practices(network: Network) -> QuerySet:
    """The network's own practices published for the public, newest first."""
    reader = reader_for(None, network)
    return published_practices(reader).order_by("-published_at", "-pk")


def public_tools(network: Network) -> QuerySet:
    """The network's tools published for the public, newest first."""
    viewer = library_perms.viewer_for(None, network)
    return (
        readable_tools(viewer)
        .select_related("network", "community", "published_version")
        .prefetch_related("themes")
        .order_by("-published_at", "-pk")
    )


def public_sessions(network: Network) -> QuerySet[Session]:
    """Upcoming sessions of the network's public, open communities, soonest first."""
    return (
        Session.objects.filter(
            community__network=network,
            community__visibility=Visibility.PUBLIC,
            community__archived_at__isnull=True,
            starts_at__gte=timezone.now(),
        )
        .exclude(status=SessionStatus.CANCELLED)
        .select_related("community__network")
        .order_by("starts_at", "pk")
    )


def managed_news(network: Network) -> QuerySet[NewsPost]:
    """Every news post of the network, for its project leads: drafts first."""
    return (
        NewsPost.objects.filter(network=network)
        .select_related("network", "author")
        .order_by("status", "-published_at", "-updated_at", "-pk")
    )


def managed_news_post(network: Network, pk: int) -> NewsPost:
    post = managed_news(network).filter(pk=pk).first()
    if post is None:
        raise Http404
    return post
