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
from entraide.core.uploads import generated_name

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
    co_facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_facilitated_sessions",
        verbose_name=_("coanimation"),
    )
    partner_organisations = models.ManyToManyField(
        "networks.Organisation",
        blank=True,
        related_name="+",
        verbose_name=_("organisations partenaires"),
    )
    minutes = models.TextField(_("compte rendu"), blank=True, max_length=50000)
    minutes_published_at = models.DateTimeField(
        _("compte rendu publié le"), null=True, blank=True
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


class YearTheme(models.Model):
    """A theme of a community's yearly programme, e.g. 2026–2027."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="year_themes"
    )
    season = models.PositiveSmallIntegerField(
        _("saison"), help_text=_("L'année où la saison commence, p. ex. 2026.")
    )
    title = models.CharField(_("thème"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("thème de l'année")
        verbose_name_plural = _("thèmes de l'année")
        ordering = ["season", "position", "pk"]
        indexes = [models.Index(fields=["community", "season", "position"])]

    def __str__(self) -> str:
        return self.title


class AgendaStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposé")
    ACCEPTED = "accepted", _("Retenu")
    DECLINED = "declined", _("Non retenu")


class AgendaItem(models.Model):
    """One point of a session's agenda, planned or proposed by a member."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="agenda_items"
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    duration_minutes = models.PositiveSmallIntegerField(
        _("durée (minutes)"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, _("Une durée compte au moins 1 minute.")),
            MaxValueValidator(
                MAX_DURATION, _("Un point dure au plus 12 heures (720 minutes).")
            ),
        ],
    )
    presenter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("présenté par"),
    )
    presenter_name = models.CharField(
        _("présenté par (personne invitée)"), max_length=200, blank=True
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=AgendaStatus.choices,
        default=AgendaStatus.ACCEPTED,
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("proposé par"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("point de l'ordre du jour")
        verbose_name_plural = _("points de l'ordre du jour")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["session", "status", "position"])]

    def __str__(self) -> str:
        return self.title


def agenda_document_path(instance, filename: str) -> str:
    return generated_name("meetings", filename)


class AgendaDocument(models.Model):
    """A file joined to an agenda item, served only through a checked view."""

    item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, related_name="documents"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(
        _("fichier"), upload_to=agenda_document_path, max_length=200
    )
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("document de l'ordre du jour")
        verbose_name_plural = _("documents de l'ordre du jour")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Présente ou présent")
    ABSENT = "absent", _("Absente ou absent")
    EXCUSED = "excused", _("Absence motivée")


class Attendance(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_attendances",
    )
    status = models.CharField(
        _("présence"), max_length=16, choices=AttendanceStatus.choices
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("présence")
        verbose_name_plural = _("présences")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], name="meetings_one_attendance"
            )
        ]
        indexes = [models.Index(fields=["user", "status"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.session}: {self.status}"


class Decision(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="decisions"
    )
    text = models.TextField(_("décision"), max_length=2000)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("décision")
        verbose_name_plural = _("décisions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text[:80]


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("À faire")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Fait")
    CANCELLED = "cancelled", _("Abandonné")


OPEN_FOLLOW_UP_STATUSES = (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)


class FollowUp(models.Model):
    """A follow-up action (« suivi ») decided at a session, carried to the next."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="follow_ups"
    )
    description = models.CharField(_("suivi"), max_length=500)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="session_follow_ups",
        verbose_name=_("responsable"),
    )
    due_on = models.DateField(_("échéance"), null=True, blank=True)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=FollowUpStatus.choices,
        default=FollowUpStatus.OPEN,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(_("fermé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("suivi")
        verbose_name_plural = _("suivis")
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return self.description

    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOW_UP_STATUSES


class SentReminder(models.Model):
    """One reminder of one registration: its row exists once, so it goes out once."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="reminders"
    )
    minutes_before = models.PositiveIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)
    # False when it was passed over: the person registered after its time, or a
    # closer reminder was due at the same time.
    notified = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "minutes_before"],
                name="meetings_one_reminder",
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration_id} −{self.minutes_before} min"


class CalendarFeed(models.Model):
    """A secret, revocable calendar address: a person's own, or a community's.

    The address carries the person's authority: each time it is read, what it shows
    is decided again from what that person may see now.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feeds",
    )
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement de calendrier")
        verbose_name_plural = _("abonnements de calendrier")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "community"],
                condition=Q(revoked_at__isnull=True, community__isnull=False),
                name="meetings_one_active_community_feed",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(revoked_at__isnull=True, community__isnull=True),
                name="meetings_one_active_personal_feed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.community or '*'}"

    def is_revoked(self) -> bool:
        return self.revoked_at is not None
