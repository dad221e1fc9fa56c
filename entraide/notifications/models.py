"""In-app notifications, per-person email preferences and email deliveries."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """Something that happened that a person should know about.

    ``kind`` names an entry of the registry in ``notifications.kinds``; the title is
    rendered from it and ``context`` in the reader's language at display time.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("destinataire"),
    )
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("réseau"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("auteur"),
    )
    kind = models.CharField(_("type"), max_length=64)
    context = models.JSONField(_("détails"), default=dict, blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["recipient", "-created_at"], name="notif_recipient_recent"
            ),
            models.Index(
                fields=["recipient"],
                name="notif_recipient_unread",
                condition=models.Q(read_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """A person's choice, per kind of event, to also receive an email."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("type"), max_length=64)
    email = models.BooleanField(_("recevoir un courriel"), default=True)

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notif_pref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.email}"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("en attente")
    SENDING = "sending", _("en cours d'envoi")
    SENT = "sent", _("envoyé")
    FAILED = "failed", _("échec")


class EmailDelivery(models.Model):
    """One email for one notification: the unit that is sent exactly once.

    A worker claims the row (status ``sending`` with a lease) in its own committed
    transaction before talking to SMTP, and marks it ``sent`` right after. A worker
    killed in between leaves a lease that expires and is picked up again. While the
    mail server is unavailable the row waits in ``pending`` until ``next_attempt_at``.
    """

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email_delivery"
    )
    to_email = models.EmailField(_("destinataire"))
    message_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
    )
    attempts = models.PositiveIntegerField(_("tentatives"), default=0)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(
        _("prochaine tentative"), default=timezone.now
    )
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("envoi de courriel")
        verbose_name_plural = _("envois de courriel")
        indexes = [
            models.Index(fields=["status", "lease_expires_at"]),
            models.Index(
                fields=["status", "next_attempt_at"], name="notif_delivery_due"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.to_email} ({self.status})"
