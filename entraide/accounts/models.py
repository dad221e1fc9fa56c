"""People: the account, the profile and its privacy settings."""

import unicodedata

from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from entraide.core.timezones import CANADIAN_TIME_ZONES, DEFAULT_TIME_ZONE


def reject_invisible_characters(value: str) -> None:
    """Refuse control and format characters: NUL, bidi marks, zero-width spaces.

    They are invisible on screen, so a name holding them cannot be read back or
    searched, and bidi overrides can disguise a name as someone else's.
    """
    if any(unicodedata.category(char) in {"Cc", "Cf"} for char in value):
        raise ValidationError(
            _(
                "Retirez les caractères invisibles ou de contrôle (par exemple "
                "les marques de direction du texte)."
            ),
            code="invisible_characters",
        )


class JobRole(models.TextChoices):
    EDUCATOR = "educator", _("Éducatrice ou éducateur")
    HOME_PROVIDER = (
        "home_provider",
        _("Responsable d'un service de garde en milieu familial"),
    )
    MANAGER = "manager", _("Gestionnaire ou direction générale")
    PEDAGOGY_LEAD = "pedagogy_lead", _("Conseillère ou conseiller pédagogique")
    FOOD_SERVICE_LEAD = "food_service_lead", _("Responsable de l'alimentation")
    ADVISOR = "advisor", _("Agente ou agent de soutien")
    RESEARCHER = "researcher", _("Chercheuse ou chercheur")
    PARTNER = "partner", _("Partenaire")
    OTHER = "other", _("Autre")


class Language(models.TextChoices):
    FRENCH = "fr-ca", _("Français")
    ENGLISH = "en", _("English")


class ProfileVisibility(models.TextChoices):
    COMMUNITIES = "communities", _("Les membres de mes communautés seulement")
    NETWORK = "network", _("Toutes les personnes de mes réseaux")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields["is_staff"] = True
        extra_fields["is_superuser"] = True
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with their email; belongs to networks through memberships."""

    email = models.EmailField(_("courriel"), unique=True, max_length=254)
    first_name = models.CharField(
        _("prénom"),
        max_length=100,
        blank=True,
        validators=[reject_invisible_characters],
    )
    last_name = models.CharField(
        pgettext_lazy("family name", "nom"),
        max_length=100,
        blank=True,
        validators=[reject_invisible_characters],
    )
    job_role = models.CharField(
        _("fonction"), max_length=32, choices=JobRole.choices, blank=True
    )
    language = models.CharField(
        _("langue"), max_length=8, choices=Language.choices, default=Language.FRENCH
    )
    time_zone = models.CharField(
        _("fuseau horaire"),
        max_length=64,
        choices=CANADIAN_TIME_ZONES,
        default=DEFAULT_TIME_ZONE,
    )
    profile_visibility = models.CharField(
        _("qui voit mon profil"),
        max_length=16,
        choices=ProfileVisibility.choices,
        default=ProfileVisibility.COMMUNITIES,
    )
    show_email = models.BooleanField(
        _("montrer mon courriel aux personnes qui voient mon profil"), default=False
    )
    is_staff = models.BooleanField(_("accès à la gestion technique"), default=False)
    is_active = models.BooleanField(_("actif"), default=True)
    date_joined = models.DateTimeField(_("inscrit le"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("personne")
        verbose_name_plural = _("personnes")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email.split("@")[0]

    def clean(self):
        super().clean()
        self.email = self.__class__.objects.normalize_email(self.email).lower()
