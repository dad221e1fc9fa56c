"""Writes of the public site: news posts and the network's public texts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from entraide.dissemination.models import NewsPost, NewsStatus, PublicSite
from entraide.dissemination.permissions import can_manage_site
from entraide.networks.models import Membership

SLUG_MAX = 200


def _require_manager(network, actor) -> None:
    membership = Membership.objects.filter(network=network, user=actor).first()
    if not can_manage_site(membership):
        raise ValidationError(
            _("Seule l'équipe de projet du réseau peut faire ce changement.")
        )


def _free_slug(network, title: str, *, exclude_pk=None) -> str:
    base = slugify(title)[:SLUG_MAX].strip("-") or "nouvelle"
    taken = set(
        NewsPost.objects.filter(network=network, slug__startswith=base)
        .exclude(pk=exclude_pk)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def save_news(
    *, network, actor, title: str, summary: str, body: str, post: NewsPost | None = None
) -> NewsPost:
    """Create a draft news post, or edit one; a post keeps its address once
    published, so links to it keep working."""
    _require_manager(network, actor)
    if post is None:
        post = NewsPost(network=network, author=actor)
    elif post.network_id != network.pk:
        raise ValidationError(_("Cette nouvelle n'est pas de ce réseau."))
    post.title = title.strip()
    post.summary = summary.strip()
    post.body = body
    if not post.title:
        raise ValidationError({"title": _("Donnez un titre à la nouvelle.")})
    if not post.is_published():
        post.slug = _free_slug(network, post.title, exclude_pk=post.pk)
    post.full_clean()
    post.save()
    return post


@transaction.atomic
def publish_news(*, post: NewsPost, actor) -> NewsPost:
    """Public at once, dated now: the month's communiqué picks it up by that date."""
    post = NewsPost.objects.select_for_update().get(pk=post.pk)
    _require_manager(post.network, actor)
    if post.is_published():
        raise ValidationError(_("Cette nouvelle est déjà publiée."))
    post.status = NewsStatus.PUBLISHED
    post.published_at = timezone.now()
    post.full_clean()
    post.save(update_fields=["status", "published_at", "updated_at"])
    return post


@transaction.atomic
def unpublish_news(*, post: NewsPost, actor) -> NewsPost:
    """Back to a draft: it leaves the public site and the feeds at once."""
    post = NewsPost.objects.select_for_update().get(pk=post.pk)
    _require_manager(post.network, actor)
    if not post.is_published():
        raise ValidationError(_("Cette nouvelle n'est pas publiée."))
    post.status = NewsStatus.DRAFT
    post.published_at = None
    post.save(update_fields=["status", "published_at", "updated_at"])
    return post


@transaction.atomic
def update_public_site(
    *,
    network,
    actor,
    description: str,
    about: str,
    contact: str,
    contact_email: str,
) -> PublicSite:
    _require_manager(network, actor)
    site, _created = PublicSite.objects.select_for_update().get_or_create(
        network=network
    )
    site.description = description.strip()
    site.about = about
    site.contact = contact
    site.contact_email = contact_email.strip()
    site.updated_by = actor
    site.full_clean()
    site.save()
    return site
