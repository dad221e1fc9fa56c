"""Mutual-aid discussion in a community: threads, replies, files, marks, reports."""

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entraide.core.uploads import generated_name

BODY_MAX_LENGTH = 20_000
TITLE_MAX_LENGTH = 200
REASON_MAX_LENGTH = 1_000


class ThreadKind(models.TextChoices):
    QUESTION = "question", _("Question")
    SHARING = "sharing", _("Partage")
    ANNOUNCEMENT = "announcement", _("Annonce")


class Post(models.Model):
    """What a thread and a reply share: an author, a Markdown body, its life."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("auteur ou autrice"),
    )
    body = models.TextField(
        _("message"), validators=[MaxLengthValidator(BODY_MAX_LENGTH)]
    )
    created_at = models.DateTimeField(_("publié le"), auto_now_add=True)
    edited_at = models.DateTimeField(_("modifié le"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("supprimé le"), null=True, blank=True)
    hidden_at = models.DateTimeField(_("masqué le"), null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("masqué par"),
    )
    hidden_reason = models.CharField(
        _("motif du masquage"), max_length=REASON_MAX_LENGTH, blank=True
    )

    class Meta:
        abstract = True

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_hidden(self) -> bool:
        return self.hidden_at is not None


class Thread(Post):
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        related_name="threads",
        verbose_name=_("communauté"),
    )
    kind = models.CharField(
        _("type"),
        max_length=16,
        choices=ThreadKind.choices,
        default=ThreadKind.QUESTION,
    )
    title = models.CharField(_("titre"), max_length=TITLE_MAX_LENGTH)
    last_activity_at = models.DateTimeField(_("dernière activité"), db_index=True)
    reply_count = models.PositiveIntegerField(_("réponses"), default=0)
    is_pinned = models.BooleanField(_("épinglé"), default=False)
    is_locked = models.BooleanField(_("verrouillé"), default=False)

    class Meta:
        verbose_name = _("sujet de discussion")
        verbose_name_plural = _("sujets de discussion")
        ordering = ["-is_pinned", "-last_activity_at", "-pk"]
        indexes = [
            models.Index(
                fields=["community", "-is_pinned", "-last_activity_at"],
                name="thread_community_activity",
            ),
            models.Index(fields=["community", "kind"], name="thread_community_kind"),
            models.Index(
                fields=["community", "reply_count"], name="thread_community_replies"
            ),
            models.Index(
                fields=["community", "hidden_at"], name="thread_community_hidden"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "discussions:detail",
            kwargs={
                "network": self.community.network.slug,
                "community": self.community.slug,
                "pk": self.pk,
            },
        )


class Reply(Post):
    thread = models.ForeignKey(
        Thread,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("sujet"),
    )
    helpful_count = models.PositiveIntegerField(_("utile"), default=0)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["thread", "created_at"], name="reply_thread_created"),
        ]

    def __str__(self) -> str:
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.thread.get_absolute_url()}#reponse-{self.pk}"


class HelpfulMark(models.Model):
    """A person saying a reply helped them: one per person and reply."""

    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, related_name="helpful_marks"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mention « m'a aidé »")
        verbose_name_plural = _("mentions « m'a aidé »")
        constraints = [
            models.UniqueConstraint(
                fields=["reply", "user"], name="helpful_mark_unique"
            )
        ]
        indexes = [models.Index(fields=["user", "reply"], name="helpful_user")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.reply_id}"


class Follow(models.Model):
    """A person told of every new reply in a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("abonnement à un sujet")
        verbose_name_plural = _("abonnements aux sujets")
        constraints = [
            models.UniqueConstraint(fields=["thread", "user"], name="follow_unique")
        ]
        indexes = [models.Index(fields=["user", "thread"], name="follow_user")]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.thread_id}"


def attachment_path(instance, filename: str) -> str:
    return generated_name("discussions", filename)


class Attachment(models.Model):
    """A file joined to a thread or a reply, served only through a checked view."""

    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="attachments"
    )
    reply = models.ForeignKey(
        Reply,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("fichier"), upload_to=attachment_path, max_length=200)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce jointe")
        verbose_name_plural = _("pièces jointes")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class ReportStatus(models.TextChoices):
    OPEN = "open", _("À traiter")
    RESOLVED = "resolved", _("Traité")


class Report(models.Model):
    """A member pointing a post out to the community's facilitators."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="reports")
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.TextField(_("motif"), max_length=REASON_MAX_LENGTH)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=ReportStatus.choices,
        default=ReportStatus.OPEN,
    )
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution = models.TextField(
        _("suite donnée"), max_length=REASON_MAX_LENGTH, blank=True
    )

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["community", "status"], name="report_community_status")
        ]

    def __str__(self) -> str:
        return f"{self.thread} ({self.status})"


class ModerationAction(models.TextChoices):
    HIDE = "hide", _("Masqué")
    UNHIDE = "unhide", _("Rendu visible")
    LOCK = "lock", _("Verrouillé")
    UNLOCK = "unlock", _("Déverrouillé")
    PIN = "pin", _("Épinglé")
    UNPIN = "unpin", _("Désépinglé")
    RESOLVE = "resolve", _("Signalement traité")


class ModerationEvent(models.Model):
    """Who moderated what, when, and why."""

    community = models.ForeignKey(
        "communities.Community", on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        Thread, on_delete=models.CASCADE, related_name="moderation_events"
    )
    reply = models.ForeignKey(
        Reply, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(_("action"), max_length=16, choices=ModerationAction)
    reason = models.TextField(_("motif"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("action de modération")
        verbose_name_plural = _("actions de modération")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} {self.thread_id}"
