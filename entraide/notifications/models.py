"""In-app notifications, per-person email preferences, email deliveries and digests."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Tout de suite")
    DAILY = "daily", _("Résumé quotidien")
    WEEKLY = "weekly", _("Résumé hebdomadaire")
    OFF = "off", _("Jamais")


DIGEST_FREQUENCIES = [
    (Frequency.DAILY.value, Frequency.DAILY.label),
    (Frequency.WEEKLY.value, Frequency.WEEKLY.label),
]


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
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("communauté"),
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
    # Set when the person wanted this kind in a digest; ``digest`` once one holds it.
    digest_frequency = models.CharField(
        _("résumé"), max_length=16, choices=DIGEST_FREQUENCIES, blank=True
    )
    digest = models.ForeignKey(
        "Digest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("résumé"),
    )

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
            models.Index(
                fields=["created_at"],
                name="notif_awaiting_digest",
                condition=models.Q(digest__isnull=True)
                & ~models.Q(digest_frequency=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id}"

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a person wants the emails of one kind of event, maybe in one community.

    A row with a community overrides, for that community, the row without one;
    without any row the kind's ``email_by_default`` decides.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    kind = models.CharField(_("type"), max_length=64)
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("communauté"),
    )
    frequency = models.CharField(
        _("courriel"),
        max_length=16,
        choices=Frequency.choices,
        default=Frequency.IMMEDIATELY,
    )

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=models.Q(community__isnull=True),
                name="notif_pref_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "kind", "community"],
                condition=models.Q(community__isnull=False),
                name="notif_pref_community_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.frequency}"

    @property
    def email(self) -> bool:
        """Whether an email goes out at once (the meaning of the former checkbox)."""
        return self.frequency == Frequency.IMMEDIATELY


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("en attente")
    SENDING = "sending", _("en cours d'envoi")
    SENT = "sent", _("envoyé")
    FAILED = "failed", _("échec")


class OutgoingEmail(models.Model):
    """An email sent exactly once: the claim-and-lease bookkeeping it needs.

    A worker claims the row (status ``sending`` with a lease) in its own committed
    transaction before talking to SMTP, and marks it ``sent`` right after. A worker
    killed in between leaves a lease that expires and is picked up again. While the
    mail server is unavailable the row waits in ``pending`` until ``next_attempt_at``.
    """

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
        abstract = True

    def __str__(self) -> str:
        return f"{self.to_email} ({self.status})"


class EmailDelivery(OutgoingEmail):
    """One email for one notification, sent at once."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email_delivery"
    )

    class Meta:
        verbose_name = _("envoi de courriel")
        verbose_name_plural = _("envois de courriel")
        indexes = [
            models.Index(fields=["status", "lease_expires_at"]),
            models.Index(
                fields=["status", "next_attempt_at"], name="notif_delivery_due"
            ),
        ]

    @property
    def recipient(self):
        return self.notification.recipient


class Digest(OutgoingEmail):
    """One email per person and period gathering the notifications they asked for.

    Unique per (person, frequency, first day of the period): building it again,
    in a restarted worker or in a second one, finds it.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digests",
        verbose_name=_("destinataire"),
    )
    frequency = models.CharField(
        _("fréquence"), max_length=16, choices=DIGEST_FREQUENCIES
    )
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))

    class Meta:
        verbose_name = _("résumé par courriel")
        verbose_name_plural = _("résumés par courriel")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "frequency", "period_start"],
                name="notif_digest_unique",
            )
        ]
        indexes = [
            models.Index(
                fields=["status", "lease_expires_at"], name="notif_digest_lease"
            ),
            models.Index(fields=["status", "next_attempt_at"], name="notif_digest_due"),
        ]
