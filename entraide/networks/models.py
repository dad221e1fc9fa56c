"""Networks (tenants), their regions, member organisations and people's roles."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole, Language
from entraide.core.timezones import CANADIAN_TIME_ZONES, DEFAULT_TIME_ZONE


class Province(models.TextChoices):
    NL = "NL", _("Terre-Neuve-et-Labrador")
    PE = "PE", _("Île-du-Prince-Édouard")
    NS = "NS", _("Nouvelle-Écosse")
    NB = "NB", _("Nouveau-Brunswick")
    QC = "QC", _("Québec")
    ON = "ON", _("Ontario")
    MB = "MB", _("Manitoba")
    SK = "SK", _("Saskatchewan")
    AB = "AB", _("Alberta")
    BC = "BC", _("Colombie-Britannique")
    YT = "YT", _("Yukon")
    NT = "NT", _("Territoires du Nord-Ouest")
    NU = "NU", _("Nunavut")


slug_validator = RegexValidator(
    r"^[a-z0-9][a-z0-9-]*$",
    _("Lettres minuscules sans accents, chiffres et traits d'union seulement."),
)

# Path segments that sit beside network slugs under /r/ (see networks/urls.py).
RESERVED_SLUGS = frozenset({"invitation", "mes-rencontres"})


def validate_not_reserved(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("Cet identifiant est réservé; choisissez-en un autre."), code="reserved"
        )


class Network(models.Model):
    """A tenant: a regional network or a pan-Canadian organisation."""

    slug = models.SlugField(
        _("identifiant"),
        max_length=50,
        unique=True,
        validators=[slug_validator, validate_not_reserved],
    )
    name = models.CharField(_("nom"), max_length=200)
    short_name = models.CharField(_("nom court"), max_length=60, blank=True)
    description = models.TextField(_("description"), blank=True)
    province = models.CharField(
        _("province principale"), max_length=2, choices=Province.choices, blank=True
    )
    time_zone = models.CharField(
        _("fuseau horaire par défaut"),
        max_length=64,
        choices=CANADIAN_TIME_ZONES,
        default=DEFAULT_TIME_ZONE,
    )
    language = models.CharField(
        _("langue du réseau"),
        max_length=8,
        choices=Language.choices,
        default=Language.FRENCH,
        help_text=_(
            "Langue des courriels envoyés aux personnes qui n'ont pas encore de compte."
        ),
    )
    contact_email = models.EmailField(_("courriel de contact"), blank=True)
    video_service_url = models.URLField(
        _("service de visioconférence"),
        blank=True,
        max_length=300,
        help_text=_(
            "Adresse du serveur (p. ex. un serveur Jitsi) où créer une salle unique "
            "pour chaque rencontre virtuelle."
        ),
    )
    shares_provincial_pooling = models.BooleanField(
        _("participe à la mise en commun provinciale"),
        default=False,
        help_text=_(
            "Les pratiques publiées pour la mise en commun sont visibles des autres "
            "réseaux qui y participent."
        ),
    )
    privacy_officer_name = models.CharField(
        _("responsable de la protection des renseignements personnels"),
        max_length=200,
        blank=True,
    )
    privacy_officer_email = models.EmailField(
        _("courriel de la ou du responsable de la vie privée"), blank=True
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("réseau")
        verbose_name_plural = _("réseaux")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return reverse("networks:detail", kwargs={"network": self.slug})


class Region(models.Model):
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="regions",
        verbose_name=_("réseau"),
    )
    name = models.CharField(_("nom"), max_length=120)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("région")
        verbose_name_plural = _("régions")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                "network", Lower("name"), name="region_unique_name_per_network"
            )
        ]

    def __str__(self) -> str:
        return self.name


class SubRegion(models.Model):
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="subregions",
        verbose_name=_("région"),
    )
    # Denormalised from the region so that every tenant filter is one column.
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="subregions",
        verbose_name=_("réseau"),
        editable=False,
    )
    name = models.CharField(_("nom"), max_length=120)
    position = models.PositiveIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("sous-région")
        verbose_name_plural = _("sous-régions")
        ordering = ["region__position", "region__name", "position", "name"]
        constraints = [
            models.UniqueConstraint(
                "network", Lower("name"), name="subregion_unique_name_per_network"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.network_id = self.region.network_id
        super().save(*args, **kwargs)


class OrganisationKind(models.TextChoices):
    CPE = "cpe", _("CPE (installation)")
    HOME_CHILDCARE_OFFICE = (
        "home_office",
        _("Bureau coordonnateur de la garde en milieu familial"),
    )
    SUBSIDISED_DAYCARE = "subsidised_daycare", _("Garderie subventionnée")
    PRIVATE_DAYCARE = "private_daycare", _("Garderie non subventionnée")
    HOME_PROVIDER = "home_provider", _("Service de garde en milieu familial")
    COLLEGE = "college", _("Collège ou université")
    PARTNER = "partner", _("Partenaire")
    OTHER = "other", _("Autre")


class Organisation(models.Model):
    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="organisations",
        verbose_name=_("réseau"),
    )
    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=32, choices=OrganisationKind.choices)
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("sous-région"),
    )
    city = models.CharField(_("municipalité"), max_length=120, blank=True)
    email = models.EmailField(_("courriel"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=40, blank=True)
    permit_number = models.CharField(_("numéro de permis"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                "network", Lower("name"), name="organisation_unique_name_per_network"
            )
        ]
        indexes = [models.Index(fields=["network", "kind"])]

    def __str__(self) -> str:
        return self.name


# Names of regions, sub-regions and organisations are unique in their network,
# without regard to case.
NAME_TAKEN = {
    "region": _("Une région nommée « %(name)s » existe déjà dans ce réseau."),
    "subregion": _("Une sous-région nommée « %(name)s » existe déjà dans ce réseau."),
    "organisation": _(
        "Une organisation nommée « %(name)s » existe déjà dans ce réseau."
    ),
}


class NetworkRole(models.TextChoices):
    MEMBER = "member", _("Membre")
    PROJECT_LEAD = "project_lead", _("Chargée ou chargé de projet")
    MANAGEMENT = "management", _("Direction")
    ADMIN = "admin", _("Administratrice ou administrateur du réseau")


MANAGING_ROLES = (NetworkRole.PROJECT_LEAD, NetworkRole.ADMIN)


class Membership(models.Model):
    """A person's place in a network: role, organisation and sub-region there."""

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("réseau"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("personne"),
    )
    role = models.CharField(
        _("rôle dans le réseau"),
        max_length=16,
        choices=NetworkRole.choices,
        default=NetworkRole.MEMBER,
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("sous-région"),
    )
    joined_at = models.DateTimeField(_("membre depuis"), default=timezone.now)

    class Meta:
        verbose_name = _("appartenance")
        verbose_name_plural = _("appartenances")
        ordering = ["network__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "user"], name="membership_unique_per_network"
            )
        ]
        indexes = [models.Index(fields=["network", "role"])]

    def __str__(self) -> str:
        return f"{self.user} — {self.network} ({self.get_role_display()})"

    @property
    def can_manage(self) -> bool:
        return self.role in MANAGING_ROLES


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def default_invitation_expiry():
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class InvitationQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(
            accepted_at__isnull=True,
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
        )


class Invitation(models.Model):
    """A one-time, expiring link that makes its bearer a member of a network.

    Only the token's hash is stored, and the token is derived from a random nonce
    with the site's secret key: neither a database leak nor the task queue (which
    carries only the invitation's id) reveals a usable link.
    """

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("réseau"),
    )
    email = models.EmailField(_("courriel"))
    first_name = models.CharField(_("prénom"), max_length=100, blank=True)
    last_name = models.CharField(_("nom"), max_length=100, blank=True)
    job_role = models.CharField(
        _("fonction"), max_length=32, choices=JobRole.choices, blank=True
    )
    role = models.CharField(
        _("rôle"),
        max_length=16,
        choices=NetworkRole.choices,
        default=NetworkRole.MEMBER,
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("organisation"),
    )
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("sous-région"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_nonce = models.CharField(max_length=64, editable=False, default="")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invitée ou invité par"),
    )
    created_at = models.DateTimeField(_("envoyée le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=default_invitation_expiry)
    email_requested_at = models.DateTimeField(
        _("courriel demandé le"), null=True, blank=True, editable=False
    )
    email_sent_at = models.DateTimeField(
        _("courriel envoyé le"), null=True, blank=True, editable=False
    )
    accepted_at = models.DateTimeField(_("acceptée le"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("acceptée par"),
    )
    revoked_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["network", "email"]),
            models.Index(
                fields=["network", "-created_at"],
                name="invitation_pending",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.network}"

    def issue_token(self) -> str:
        """Give the invitation a fresh token (older links stop working)."""
        self.token_nonce = secrets.token_urlsafe(32)
        token = self.token()
        self.token_hash = hash_token(token)
        return token

    def token(self) -> str:
        return salted_hmac(
            "entraide.networks.invitation", self.token_nonce, algorithm="sha256"
        ).hexdigest()

    def get_accept_url(self) -> str:
        return reverse("networks:invitation_accept", kwargs={"token": self.token()})

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    def is_usable(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and not self.is_expired()
        )


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisations")
    PEOPLE = "people", _("Personnes")


class PendingImport(models.Model):
    """An uploaded CSV waiting for its confirmation, kept on the server.

    The decoded text is parsed again on confirmation: nothing the browser sends
    back is trusted. Rows are deleted once confirmed or cancelled, and stale ones
    at the next upload.
    """

    network = models.ForeignKey(
        Network,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("réseau"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("téléversé par"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=ImportKind.choices)
    filename = models.CharField(_("fichier"), max_length=255, blank=True)
    content = models.TextField(_("contenu"))
    created_at = models.DateTimeField(_("téléversé le"), default=timezone.now)

    class Meta:
        verbose_name = _("importation en attente")
        verbose_name_plural = _("importations en attente")
        indexes = [models.Index(fields=["network", "created_by", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.filename}"
