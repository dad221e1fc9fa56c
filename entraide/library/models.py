"""The tools library: practical tools co-built by communities, and reference dossiers.

A tool belongs to the community that builds it (or to the network, for a project
lead's own tools). Its content lives in versions — title, description, an online
document in Markdown, at most one file — and no version is ever overwritten, so
earlier files can be downloaded and texts compared. The tool moves from
co-construction to validated (by a facilitator) to published (by a project lead,
for the community, the network or the public), one service per step, each writing a
``ToolTransition``. Readers see the published version while the community keeps
working on the next one.

A reference dossier (« dossier de références ») is an ordered, introduced collection
of tools, practice sheets and outside links on one topic.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from entraide.core.uploads import generated_name
from entraide.practices.models import AgeGroup

TEXT_MAX = 20_000


class ToolKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    OBSERVATION_GRID = "observation_grid", _("Grille d'observation")
    TEMPLATE = "template", _("Gabarit")
    POSTER = "poster", _("Affiche")
    TRAINING = "training", _("Matériel de formation")
    CHECKLIST = "checklist", _("Aide-mémoire")
    VIDEO = "video", _("Lien vers une vidéo")
    OTHER = "other", _("Autre")


class ToolStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("En coconstruction")
    VALIDATED = "validated", _("Validé")
    PUBLISHED = "published", _("Publié")
    ARCHIVED = "archived", _("Archivé")


class ToolScope(models.TextChoices):
    """Who reads a published tool."""

    COMMUNITY = "community", _("Membres de la communauté")
    NETWORK = "network", _("Réseau")
    PUBLIC = "public", _("Public")


class ToolLanguage(models.TextChoices):
    FRENCH = "fr", _("Français")
    ENGLISH = "en", _("Anglais")
    BOTH = "both", _("Français et anglais")


class Licence(models.TextChoices):
    CC_BY = "cc_by", _("Creative Commons Attribution (CC BY 4.0)")
    CC_BY_SA = (
        "cc_by_sa",
        _(
            "Creative Commons Attribution – Partage dans les mêmes conditions "
            "(CC BY-SA 4.0)"
        ),
    )
    CC_BY_NC = (
        "cc_by_nc",
        _(
            "Creative Commons Attribution – Pas d'utilisation commerciale "
            "(CC BY-NC 4.0)"
        ),
    )
    CC_BY_NC_SA = (
        "cc_by_nc_sa",
        _(
            "Creative Commons Attribution – Pas d'utilisation commerciale – Partage "
            "dans les mêmes conditions (CC BY-NC-SA 4.0)"
        ),
    )
    ALL_RIGHTS = "all_rights", _("Tous droits réservés")
    OTHER = "other", _("Autre (voir la description)")


class Tool(models.Model):
    """A practical tool or reference document, and where it stands."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="tools"
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tools",
        verbose_name=_("communauté qui l'a bâti"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="tools",
        verbose_name=_("créé par"),
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_authored_tools",
        verbose_name=_("coautrices et coauteurs"),
    )
    kind = models.CharField(_("type d'outil"), max_length=20, choices=ToolKind.choices)
    themes = models.ManyToManyField(
        "practices.PracticeTheme",
        blank=True,
        related_name="tools",
        verbose_name=_("thèmes"),
    )
    # Job roles the tool is meant for (accounts.JobRole values); empty: everyone.
    audience_job_roles = models.JSONField(_("public visé"), default=list, blank=True)
    age_group = models.CharField(
        _("groupe d'âge"), max_length=8, choices=AgeGroup.choices, blank=True
    )
    language = models.CharField(
        _("langue"),
        max_length=4,
        choices=ToolLanguage.choices,
        default=ToolLanguage.FRENCH,
    )
    licence = models.CharField(
        _("licence"), max_length=16, choices=Licence.choices, default=Licence.CC_BY
    )
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=ToolStatus.choices,
        default=ToolStatus.IN_PROGRESS,
    )
    scope = models.CharField(
        _("diffusion"), max_length=16, choices=ToolScope.choices, blank=True
    )
    # The collaborators' latest version, and the one readers see once published.
    current_version = models.ForeignKey(
        "ToolVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_version = models.ForeignKey(
        "ToolVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    practices = models.ManyToManyField(
        "practices.PracticeSheet",
        blank=True,
        related_name="tools",
        verbose_name=_("fiches de pratique liées"),
    )
    agenda_items = models.ManyToManyField(
        "meetings.AgendaItem",
        blank=True,
        related_name="tools",
        verbose_name=_("points d'ordre du jour liés"),
    )
    download_count = models.PositiveIntegerField(_("téléchargements"), default=0)
    use_count = models.PositiveIntegerField(_("utilisations signalées"), default=0)
    # Folded text (accents removed, French stems) of the version readers see.
    search_text = models.TextField(blank=True, editable=False)
    # Bumped by every save: two people saving the same version, the second is told.
    lock_version = models.PositiveIntegerField(default=0)
    validated_at = models.DateTimeField(_("validé le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publié le"), null=True, blank=True)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("outil")
        verbose_name_plural = _("outils")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "status"]),
            models.Index(fields=["community", "status"]),
            models.Index(
                fields=["network", "scope", "-published_at"],
                name="library_published",
                condition=Q(published_version__isnull=False),
            ),
            models.Index(fields=["network", "kind"]),
        ]

    def __str__(self) -> str:
        version = self.current_version or self.published_version
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse(
            "library:detail", kwargs={"network": self.network.slug, "pk": self.pk}
        )

    def is_readable(self) -> bool:
        """Readers see the published version, also while a new one is built."""
        return (
            self.published_version_id is not None and self.status != ToolStatus.ARCHIVED
        )

    def is_editable(self) -> bool:
        """Co-authors edit while the tool is in co-construction."""
        return self.status == ToolStatus.IN_PROGRESS


def tool_file_path(instance, filename: str) -> str:
    return generated_name("library", filename)


class ToolVersion(models.Model):
    """The tool's content at one moment; never changed once saved.

    A version carries an online document (Markdown), a file, or both. A new
    version without a new file keeps the previous version's file (same stored
    name), so every version can still be downloaded as it was.
    """

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    change_note = models.CharField(
        _("note de modification"), max_length=300, blank=True
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    body = models.TextField(_("document en ligne"), max_length=TEXT_MAX, blank=True)
    video_url = models.URLField(_("lien de la vidéo"), max_length=500, blank=True)
    file = models.FileField(
        _("fichier"), upload_to=tool_file_path, max_length=200, blank=True
    )
    file_name = models.CharField(_("nom du fichier"), max_length=200, blank=True)
    file_type = models.CharField(_("type du fichier"), max_length=100, blank=True)
    file_size = models.PositiveIntegerField(_("taille du fichier"), default=0)

    class Meta:
        verbose_name = _("version d'un outil")
        verbose_name_plural = _("versions des outils")
        ordering = ["tool", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["tool", "number"], name="library_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def has_file(self) -> bool:
        return bool(self.file)


CONTENT_FIELDS = ("title", "description", "body", "video_url")


class ToolTransition(models.Model):
    """One step of a tool's life: who, when, from, to, and why."""

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="transitions")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(
        _("statut de départ"), max_length=16, choices=ToolStatus.choices
    )
    to_status = models.CharField(
        _("nouveau statut"), max_length=16, choices=ToolStatus.choices
    )
    scope = models.CharField(
        _("diffusion"), max_length=16, choices=ToolScope.choices, blank=True
    )
    comment = models.TextField(_("commentaire"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("étape d'un outil")
        verbose_name_plural = _("étapes des outils")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["tool", "created_at"])]

    def __str__(self) -> str:
        return f"{self.tool_id}: {self.from_status} → {self.to_status}"


class CommentKind(models.TextChoices):
    COMMENT = "comment", _("Commentaire")
    SUGGESTION = "suggestion", _("Suggestion de modification")


class SuggestionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("suggestion", "À considérer")
    ACCEPTED = "accepted", pgettext_lazy("suggestion", "Retenue")
    DECLINED = "declined", pgettext_lazy("suggestion", "Écartée")


class ToolComment(models.Model):
    """A community member's comment on a tool, or a change they suggest."""

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(
        _("type"), max_length=16, choices=CommentKind.choices, default="comment"
    )
    body = models.TextField(_("message"), max_length=5000)
    # The version the comment was written about.
    version = models.ForeignKey(
        ToolVersion, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    suggestion_status = models.CharField(
        _("suite donnée"),
        max_length=16,
        choices=SuggestionStatus.choices,
        blank=True,
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("commentaire sur un outil")
        verbose_name_plural = _("commentaires sur les outils")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["tool", "created_at"])]

    def __str__(self) -> str:
        return self.body[:60]


class ToolUse(models.Model):
    """« Je l'ai utilisé dans mon milieu »: one per person and tool."""

    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="uses")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tool_uses"
    )
    comment = models.CharField(_("commentaire"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("utilisation d'un outil")
        verbose_name_plural = _("utilisations des outils")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["tool", "user"], name="library_use_once")
        ]

    def __str__(self) -> str:
        return f"{self.tool_id} · {self.user_id}"


class DossierScope(models.TextChoices):
    NETWORK = "network", _("Réseau")
    PUBLIC = "public", _("Public")


class Dossier(models.Model):
    """A reference dossier: an introduced, ordered collection on one topic."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="dossiers"
    )
    title = models.CharField(_("titre"), max_length=200)
    introduction = models.TextField(_("introduction"), max_length=TEXT_MAX, blank=True)
    scope = models.CharField(
        _("diffusion"),
        max_length=16,
        choices=DossierScope.choices,
        default=DossierScope.NETWORK,
    )
    is_published = models.BooleanField(_("publié"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dossier de références")
        verbose_name_plural = _("dossiers de références")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["network", "is_published", "scope"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "library:dossier", kwargs={"network": self.network.slug, "pk": self.pk}
        )


class DossierItemKind(models.TextChoices):
    TOOL = "tool", _("Outil")
    PRACTICE = "practice", _("Fiche de pratique")
    LINK = "link", _("Lien externe")


class DossierItem(models.Model):
    """One entry of a dossier, in order, with a note introducing it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("ordre"), default=0)
    kind = models.CharField(_("type"), max_length=16, choices=DossierItemKind.choices)
    tool = models.ForeignKey(
        Tool, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    practice = models.ForeignKey(
        "practices.PracticeSheet",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    url = models.URLField(_("adresse du lien"), max_length=500, blank=True)
    title = models.CharField(_("titre du lien"), max_length=200, blank=True)
    note = models.TextField(_("présentation"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("élément d'un dossier")
        verbose_name_plural = _("éléments des dossiers")
        ordering = ["dossier", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind="tool", tool__isnull=False, practice__isnull=True)
                    | Q(kind="practice", practice__isnull=False, tool__isnull=True)
                    | Q(kind="link", tool__isnull=True, practice__isnull=True)
                    & ~Q(url="")
                ),
                name="library_item_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.title or f"{self.kind} {self.tool_id or self.practice_id}"
