"""Reads of the public site shared with other apps (the communiqué, reports)."""

from django.db.models import QuerySet

from entraide.dissemination.models import NewsPost, NewsStatus


def published_news(network, *, start=None, end=None) -> QuerySet[NewsPost]:
    """The network's published news, newest first; ``start``/``end`` bound
    ``published_at`` (``start`` included, ``end`` excluded)."""
    news = NewsPost.objects.filter(network=network, status=NewsStatus.PUBLISHED)
    if start is not None:
        news = news.filter(published_at__gte=start)
    if end is not None:
        news = news.filter(published_at__lt=end)
    return news.order_by("-published_at", "-pk")
