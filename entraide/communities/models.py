"""Communities of practice, learning communities and committees, and who is in them."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entraide.networks.models import slug_validator


class CommunityKind(models.TextChoices):
    PRACTICE = "practice", _("Communauté de pratique")
    LEARNING = "learning", _("Communauté d'apprentissage professionnelle")
    REGIONAL_COMMITTEE = "regional_committee", _("Comité régional")
    SCIENTIFIC_COMMITTEE = "scientific_committee", _("Comité scientifique")
    OTHER_COMMITTEE = "other_committee", _("Autre comité")


COMMITTEE_KINDS = (
    CommunityKind.REGIONAL_COMMITTEE,
    CommunityKind.SCIENTIFIC_COMMITTEE,
    CommunityKind.OTHER_COMMITTEE,
)


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Publique")
    NETWORK = "network", _("Réseau : visible par les membres du réseau")
    MEMBERS = "members", _("Membres seulement")


class JoinPolicy(models.TextChoices):
    OPEN = "open", _("Ouverte : chacun peut se joindre")
    REQUEST = "request", _("Sur demande : l'animation approuve")
    INVITATION = "invitation", _("Sur invitation seulement")


class Community(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="communities",
        verbose_name=_("réseau"),
    )
    slug = models.SlugField(
        _("identifiant"), max_length=80, validators=[slug_validator]
    )
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(
        _("type"),
        max_length=32,
        choices=CommunityKind.choices,
        default=CommunityKind.PRACTICE,
    )
    mandate = models.TextField(_("mandat"), blank=True)
    means = models.TextField(_("moyens"), blank=True)
    audience_job_roles = models.JSONField(
        _("fonctions visées"), default=list, blank=True
    )
    audience_subregions = models.ManyToManyField(
        "networks.SubRegion",
        blank=True,
        related_name="+",
        verbose_name=_("sous-régions visées"),
    )
    sessions_per_year_min = models.PositiveSmallIntegerField(
        _("rencontres par année (minimum)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(52)],
    )
    sessions_per_year_max = models.PositiveSmallIntegerField(
        _("rencontres par année (maximum)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(52)],
    )
    season_start_month = models.PositiveSmallIntegerField(
        _("début de la saison (mois)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    season_end_month = models.PositiveSmallIntegerField(
        _("fin de la saison (mois)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    visibility = models.CharField(
        _("visibilité"),
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.NETWORK,
    )
    join_policy = models.CharField(
        _("adhésion"),
        max_length=16,
        choices=JoinPolicy.choices,
        default=JoinPolicy.REQUEST,
    )
    welcome_message = models.TextField(_("mot de bienvenue"), blank=True)
    partner_organisations = models.ManyToManyField(
        "networks.Organisation",
        blank=True,
        related_name="partner_communities",
        verbose_name=_("organisations partenaires"),
    )
    seats_per_subregion = models.PositiveSmallIntegerField(
        _("sièges par sous-région"),
        default=0,
        validators=[MaxValueValidator(10)],
        help_text=_(
            "Pour un comité régional : le nombre de représentantes par sous-région."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("créée par"),
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    archived_at = models.DateTimeField(_("archivée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("communauté")
        verbose_name_plural = _("communautés")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "slug"], name="community_unique_slug_per_network"
            )
        ]
        indexes = [models.Index(fields=["network", "visibility"])]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "communities:detail",
            kwargs={"network": self.network.slug, "community": self.slug},
        )

    @property
    def is_committee(self) -> bool:
        return self.kind in COMMITTEE_KINDS

    @property
    def has_seats(self) -> bool:
        return (
            self.kind == CommunityKind.REGIONAL_COMMITTEE
            and self.seats_per_subregion > 0
        )

    def is_archived(self) -> bool:
        return self.archived_at is not None


class CommunityRole(models.TextChoices):
    MEMBER = "member", _("Membre")
    FACILITATOR = "facilitator", _("Animatrice ou animateur")
    CO_FACILITATOR = "co_facilitator", _("Coanimatrice ou coanimateur")
    MENTOR = "mentor", _("Mentore ou mentor")
    OBSERVER = "observer", _("Observatrice, observateur ou partenaire")


FACILITATING_ROLES = (
    CommunityRole.FACILITATOR,
    CommunityRole.CO_FACILITATOR,
    CommunityRole.MENTOR,
)


class CommunityMembership(models.Model):
    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("communauté"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_memberships",
        verbose_name=_("personne"),
    )
    role = models.CharField(
        _("rôle"),
        max_length=16,
        choices=CommunityRole.choices,
        default=CommunityRole.MEMBER,
    )
    joined_at = models.DateTimeField(_("membre depuis"), default=timezone.now)

    class Meta:
        verbose_name = _("membre d'une communauté")
        verbose_name_plural = _("membres des communautés")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], name="community_membership_unique"
            )
        ]
        indexes = [models.Index(fields=["community", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.community} ({self.get_role_display()})"

    @property
    def facilitates(self) -> bool:
        return self.role in FACILITATING_ROLES


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("En attente")
    APPROVED = "approved", _("Acceptée")
    DECLINED = "declined", _("Refusée")
    WITHDRAWN = "withdrawn", _("Retirée")


class JoinRequest(models.Model):
    """A person asking to join a community whose join policy is "on request"."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="join_requests"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("demandée le"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("motif"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("demande d'adhésion")
        verbose_name_plural = _("demandes d'adhésion")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(status="pending"),
                name="join_request_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.community} ({self.status})"


class CommunityInvitation(models.Model):
    """A facilitator inviting a person of the network into the community."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(
        _("rôle"),
        max_length=16,
        choices=CommunityRole.choices,
        default=CommunityRole.MEMBER,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("statut"),
        max_length=16,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation à une communauté")
        verbose_name_plural = _("invitations aux communautés")
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"],
                condition=models.Q(status="pending"),
                name="community_invitation_one_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ← {self.community} ({self.status})"


class Seat(models.Model):
    """A seat of a regional committee, attached to one sub-region."""

    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="seats"
    )
    subregion = models.ForeignKey(
        "networks.SubRegion",
        on_delete=models.CASCADE,
        related_name="seats",
        verbose_name=_("sous-région"),
    )
    number = models.PositiveSmallIntegerField(_("numéro"))

    class Meta:
        verbose_name = _("siège")
        verbose_name_plural = _("sièges")
        ordering = ["subregion__name", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "subregion", "number"], name="seat_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.community} — {self.subregion} #{self.number}"


class SeatTerm(models.Model):
    """A person holding a seat from one date to another."""

    seat = models.ForeignKey(Seat, on_delete=models.CASCADE, related_name="terms")
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="seat_terms",
        verbose_name=_("titulaire"),
    )
    starts_on = models.DateField(_("début du mandat"))
    ends_on = models.DateField(_("fin du mandat"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        ordering = ["-starts_on"]
        indexes = [models.Index(fields=["seat", "starts_on", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.holder} ({self.starts_on} → {self.ends_on})"

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.starts_on <= on <= self.ends_on
