"""The monthly communiqué: its draft and items, consents, deliveries, suppressions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entraide.notifications.models import OutgoingEmail

PURPOSE_COMMUNIQUE = "communique"


class CommuniqueStatus(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SCHEDULED = "scheduled", _("Envoi prévu")
    SENDING = "sending", _("En cours d'envoi")
    SENT = "sent", _("Envoyé")


class Communique(models.Model):
    """One network's communiqué of one month (``month`` is its first day)."""

    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="communiques",
        verbose_name=_("réseau"),
    )
    month = models.DateField(_("mois"))
    subject = models.CharField(_("objet"), max_length=200)
    intro = models.TextField(_("mot d'introduction"), max_length=5_000, blank=True)
    status = models.CharField(
        _("état"),
        max_length=16,
        choices=CommuniqueStatus.choices,
        default=CommuniqueStatus.DRAFT,
    )
    scheduled_for = models.DateTimeField(_("envoi prévu le"), null=True, blank=True)
    # Audience: empty lists mean every consenting member.
    audience_job_roles = models.JSONField(_("rôles visés"), default=list, blank=True)
    audience_subregions = models.ManyToManyField(
        "networks.SubRegion",
        blank=True,
        related_name="+",
        verbose_name=_("sous-régions visées"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sending_started_at = models.DateTimeField(null=True, blank=True)
    # Set once every recipient's delivery row is written.
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("communiqué")
        verbose_name_plural = _("communiqués")
        ordering = ["-month", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "month"], name="communiques_one_per_month"
            )
        ]
        indexes = [models.Index(fields=["status", "scheduled_for"])]

    def __str__(self) -> str:
        return self.subject

    def get_absolute_url(self) -> str:
        return reverse(
            "communiques:detail", kwargs={"network": self.network.slug, "pk": self.pk}
        )

    def is_editable(self) -> bool:
        return self.status in (CommuniqueStatus.DRAFT, CommuniqueStatus.SCHEDULED)

    def is_archived(self) -> bool:
        return self.status == CommuniqueStatus.SENT


class ItemKind(models.TextChoices):
    PRACTICE = "practice", _("Pratique publiée")
    TOOL = "tool", _("Outil publié")
    SESSION = "session", _("Rencontre à venir")
    PLAN = "plan", _("Plan d'action")
    NEWS = "news", _("Nouvelle")
    TEXT = "text", _("Texte")


class CommuniqueItem(models.Model):
    """One block of a communiqué, in order; ``reference`` ties an assembled item to
    its source (``practice:12``) so assembling again adds only what is new."""

    communique = models.ForeignKey(
        Communique, on_delete=models.CASCADE, related_name="items"
    )
    kind = models.CharField(_("type"), max_length=16, choices=ItemKind.choices)
    reference = models.CharField(max_length=64, blank=True)
    title = models.CharField(_("titre"), max_length=200, blank=True)
    text = models.TextField(_("texte"), max_length=5_000, blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("ordre"), default=0)
    # An assembled item the lead removed stays, hidden, so assembling again does
    # not bring it back.
    removed = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("élément du communiqué")
        verbose_name_plural = _("éléments du communiqué")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["communique", "reference"],
                condition=~Q(reference=""),
                name="communiques_item_once",
            )
        ]

    def __str__(self) -> str:
        return self.title or self.text[:60]


class Consent(models.Model):
    """A person's yes to one purpose in one network, with the words they saw.

    Giving consent again after withdrawing it writes a new row: the history stays.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("personne"),
    )
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("réseau"),
    )
    purpose = models.CharField(_("fin"), max_length=32, default=PURPOSE_COMMUNIQUE)
    wording_version = models.PositiveIntegerField(_("version du libellé"))
    wording = models.TextField(_("libellé accepté"))
    language = models.CharField(_("langue"), max_length=8)
    given_at = models.DateTimeField(_("donné le"))
    withdrawn_at = models.DateTimeField(_("retiré le"), null=True, blank=True)

    class Meta:
        verbose_name = _("consentement")
        verbose_name_plural = _("consentements")
        ordering = ["-given_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "network", "purpose"],
                condition=Q(withdrawn_at__isnull=True),
                name="communiques_one_active_consent",
            )
        ]
        indexes = [models.Index(fields=["network", "purpose", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.purpose} v{self.wording_version}"


class Suppression(models.Model):
    """An address the mail server refused for good: no communiqué goes there."""

    email = models.EmailField(_("courriel"), unique=True)
    reason = models.TextField(_("raison"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adresse supprimée")
        verbose_name_plural = _("adresses supprimées")

    def __str__(self) -> str:
        return self.email


class CommuniqueDelivery(OutgoingEmail):
    """The communiqué's email to one person: one row per (communiqué, person),
    plus the project lead's test sends (``is_test``), as many as they ask."""

    communique = models.ForeignKey(
        Communique, on_delete=models.CASCADE, related_name="deliveries"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="communique_deliveries",
    )
    is_test = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("envoi du communiqué")
        verbose_name_plural = _("envois du communiqué")
        constraints = [
            models.UniqueConstraint(
                fields=["communique", "recipient"],
                condition=Q(is_test=False),
                name="communiques_one_delivery_per_person",
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "lease_expires_at"], name="communiques_lease"
            ),
            models.Index(fields=["status", "next_attempt_at"], name="communiques_due"),
        ]
