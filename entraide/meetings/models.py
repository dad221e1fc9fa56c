"""Sessions (« rencontres ») of a community and the registrations to them."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entraide.communities.models import Community

MIN_DURATION = 15
MAX_DURATION = 12 * 60
FIRST_YEAR = 2000
LAST_YEAR = 2100


class SessionFormat(models.TextChoices):
    VIRTUAL = "virtual", _("Virtuelle")
    IN_PERSON = "in_person", _("En présence")
    HYBRID = "hybrid", _("Hybride")


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Prévue")
    CONFIRMED = "confirmed", _("Confirmée")
    HELD = "held", _("Tenue")
    CANCELLED = "cancelled", _("Annulée")
    POSTPONED = "postponed", _("Reportée")


class Session(models.Model):
    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("communauté"),
    )
    title = models.CharField(_("titre"), max_length=200)
    theme = models.CharField(_("thème"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True, max_length=20000)
    starts_at = models.DateTimeField(_("début"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"),
        default=90,
        validators=[
            MinValueValidator(
                MIN_DURATION, _("Une rencontre dure au moins 15 minutes.")
            ),
            MaxValueValidator(
                MAX_DURATION, _("Une rencontre dure au plus 12 heures (720 minutes).")
            ),
        ],
    )
    format = models.CharField(
        _("format"),
        max_length=16,
        choices=SessionFormat.choices,
        default=SessionFormat.VIRTUAL,
    )
    video_url = models.URLField(
        _("lien de visioconférence"),
        blank=True,
        max_length=500,
        validators=[
            URLValidator(
                schemes=["http", "https"],
                message=_("Entrez un lien qui commence par http:// ou https://."),
            )
        ],
    )
    place = models.CharField(_("lieu"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Le nombre de places doit être d'au moins 1."))
        ],
        help_text=_("Laissez vide pour un nombre de places illimité."),
    )
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=SessionStatus.choices,
        default=SessionStatus.PLANNED,
    )
    sequence = models.PositiveIntegerField(_("version du calendrier"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("rencontre")
        verbose_name_plural = _("rencontres")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["community", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "meetings:detail",
            kwargs={
                "network": self.community.network.slug,
                "community": self.community.slug,
                "pk": self.pk,
            },
        )

    def clean(self):
        if self.starts_at and not FIRST_YEAR <= self.starts_at.year <= LAST_YEAR:
            raise ValidationError(
                {
                    "starts_at": _("Entrez une date entre %(first)s et %(last)s.")
                    % {"first": FIRST_YEAR, "last": LAST_YEAR}
                }
            )

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    def is_cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def is_open_for_registration(self) -> bool:
        return not self.is_past() and self.status in (
            SessionStatus.PLANNED,
            SessionStatus.CONFIRMED,
        )


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Inscrite ou inscrit")
    WAITLISTED = "waitlisted", _("En liste d'attente")
    CANCELLED = "cancelled", _("Annulée")


ACTIVE_STATUSES = (RegistrationStatus.REGISTERED, RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="registrations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_registrations",
    )
    status = models.CharField(
        _("statut"), max_length=16, choices=RegistrationStatus.choices
    )
    created_at = models.DateTimeField(_("inscrite le"), default=timezone.now)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        # The waiting list is served first come, first served.
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=Q(status__in=["registered", "waitlisted"]),
                name="meetings_one_active_registration",
            )
        ]
        indexes = [
            models.Index(fields=["session", "status", "created_at"]),
            models.Index(fields=["user", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.session}"
