"""What a network says in public: news posts (and, around them, its public site)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class NewsStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    PUBLISHED = "published", _("Publiée")


class NewsPost(models.Model):
    """A news post of a network: public once published, and picked up by the
    month's communiqué."""

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="news_posts",
        verbose_name=_("réseau"),
    )
    title = models.CharField(_("titre"), max_length=200)
    slug = models.SlugField(_("adresse"), max_length=220)
    summary = models.CharField(_("résumé"), max_length=300, blank=True)
    body = models.TextField(_("texte"), max_length=20_000, help_text=_("En Markdown."))
    status = models.CharField(
        _("état"), max_length=16, choices=NewsStatus.choices, default=NewsStatus.DRAFT
    )
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("nouvelle")
        verbose_name_plural = _("nouvelles")
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="dissemination_news_slug"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="dissemination_news_published_has_date",
            ),
        ]
        indexes = [models.Index(fields=["network", "status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "dissemination:news_detail",
            kwargs={"site": self.network.slug, "slug": self.slug},
        )

    def is_published(self) -> bool:
        return self.status == NewsStatus.PUBLISHED


class PublicSite(models.Model):
    """What the project lead writes about the network for the public: the short
    description (search engines, link previews), the about and contact pages."""

    network = models.OneToOneField(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="public_site",
        verbose_name=_("réseau"),
    )
    description = models.CharField(
        _("description courte"),
        max_length=300,
        blank=True,
        help_text=_(
            "Une ou deux phrases : elles s'affichent dans les moteurs de recherche "
            "et les aperçus de liens."
        ),
    )
    about = models.TextField(
        _("à propos"), max_length=20_000, blank=True, help_text=_("En Markdown.")
    )
    contact = models.TextField(
        _("nous joindre"), max_length=5_000, blank=True, help_text=_("En Markdown.")
    )
    contact_email = models.EmailField(_("courriel de contact public"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("site public")
        verbose_name_plural = _("sites publics")

    def __str__(self) -> str:
        return str(self.network)
