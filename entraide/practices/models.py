"""The practice inventory (« recension »): technical sheets and their review.

A sheet belongs to its author's network. Its content lives in versions: the
author's drafts and revisions, then the version formalised for publication; no
version is ever overwritten, so the history can always be read and compared. The
sheet moves through its states by one service per transition, each writing a
``SheetTransition`` row. The scientific committee scores sheets on the network's
evaluation grid; each evaluator sees the others' scores only after submitting.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from entraide.core.uploads import generated_name

TEXT_MAX = 10_000


class InterventionZone(models.Model):
    """One of the network's intervention zones (the source plan has four)."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="intervention_zones"
    )
    name = models.CharField(_("nom"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("zone d'intervention")
        verbose_name_plural = _("zones d'intervention")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "name"], name="practices_zone_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class PracticeTheme(models.Model):
    """A theme sheets are filed under (routines, outdoor play, inclusion…)."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="practice_themes"
    )
    name = models.CharField(_("nom"), max_length=120)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("thème de pratique")
        verbose_name_plural = _("thèmes de pratique")
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "name"], name="practices_theme_unique"
            )
        ]

    def __str__(self) -> str:
        return self.name


class AgeGroup(models.TextChoices):
    INFANTS = "0_18m", _("Poupons (0 à 18 mois)")
    TODDLERS = "18m_3", _("Trottineurs (18 mois à 3 ans)")
    PRESCHOOL = "3_5", _("Préscolaires (3 à 5 ans)")
    ALL = "all", _("Tous les âges")


class Setting(models.TextChoices):
    INSTALLATION = "installation", _("Installation (CPE, garderie)")
    HOME = "home", _("Milieu familial")
    BOTH = "both", _("Les deux")


class SheetState(models.TextChoices):
    DRAFT = "draft", _("Brouillon")
    SUBMITTED = "submitted", _("Soumise au comité régional")
    NEEDS_CHANGES = "needs_changes", _("À modifier")
    RETAINED = "retained", _("Retenue")
    NOT_RETAINED = "not_retained", _("Non retenue")
    SENT_TO_SCIENTIFIC = "sent_to_scientific", _("Au comité scientifique")
    EVALUATED = "evaluated", _("Évaluée")
    FORMALISED = "formalised", _("Formalisée")
    PUBLISHED = "published", _("Publiée")


class Scope(models.TextChoices):
    NETWORK = "network", _("Réseau")
    PROVINCIAL = "provincial", _("Mise en commun provinciale")
    PUBLIC = "public", _("Public")


class EvidenceLevel(models.TextChoices):
    """How strongly the results are supported, as the evaluation concluded."""

    NONE = "", _("Non évaluée")
    OBSERVED = "observed", _("Effets observés dans le milieu")
    DOCUMENTED = "documented", _("Effets documentés")
    EVALUATED = "evaluated", _("Effets évalués par le comité scientifique")


class PracticeSheet(models.Model):
    """A technical sheet (« fiche technique de recension ») and where it stands."""

    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="practice_sheets"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="practice_sheets",
        verbose_name=_("autrice ou auteur"),
    )
    co_authors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="co_authored_sheets",
        verbose_name=_("coautrices et coauteurs"),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    subregion = models.ForeignKey(
        "networks.SubRegion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sous-région"),
    )
    zone = models.ForeignKey(
        InterventionZone,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sheets",
        verbose_name=_("zone d'intervention"),
    )
    themes = models.ManyToManyField(
        PracticeTheme, blank=True, related_name="sheets", verbose_name=_("thèmes")
    )
    age_group = models.CharField(
        _("groupe d'âge"), max_length=8, choices=AgeGroup.choices, blank=True
    )
    setting = models.CharField(
        _("milieu"), max_length=16, choices=Setting.choices, blank=True
    )
    contact_name = models.CharField(_("personne-ressource"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("courriel de la personne-ressource"), blank=True
    )
    state = models.CharField(
        _("étape"), max_length=24, choices=SheetState.choices, default=SheetState.DRAFT
    )
    scope = models.CharField(
        _("diffusion"), max_length=16, choices=Scope.choices, blank=True
    )
    evidence_level = models.CharField(
        _("niveau de preuve"),
        max_length=16,
        choices=EvidenceLevel.choices,
        blank=True,
        default=EvidenceLevel.NONE,
    )
    # The author's latest version, and the one the public sees once published.
    current_version = models.ForeignKey(
        "SheetVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    published_version = models.ForeignKey(
        "SheetVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Folded text of the current (or published) version: accents removed and words
    # stemmed the French way, for search that works the same on both databases.
    search_text = models.TextField(blank=True, editable=False)
    # Bumped by every save: two people saving the same version, the second is told.
    lock_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("fiche de pratique")
        verbose_name_plural = _("fiches de pratique")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "state", "subregion"]),
            models.Index(fields=["network", "state", "age_group"]),
            models.Index(fields=["author", "state"]),
            models.Index(
                fields=["scope", "-published_at"],
                name="practices_published",
                condition=Q(published_version__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        version = self.published_version or self.current_version
        return version.title if version else f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse(
            "practices:detail", kwargs={"network": self.network.slug, "pk": self.pk}
        )

    def is_published(self) -> bool:
        return self.state == SheetState.PUBLISHED

    def is_editable_by_author(self) -> bool:
        return self.state in (SheetState.DRAFT, SheetState.NEEDS_CHANGES)


class VersionKind(models.TextChoices):
    AUTHOR = "author", _("Version de l'autrice ou de l'auteur")
    FORMALISED = "formalised", _("Version formalisée")


class SheetVersion(models.Model):
    """The sheet's content at one moment; never changed once a newer one exists."""

    sheet = models.ForeignKey(
        PracticeSheet, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(
        _("type"),
        max_length=16,
        choices=VersionKind.choices,
        default=VersionKind.AUTHOR,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    change_note = models.CharField(
        _("note de modification"), max_length=300, blank=True
    )
    title = models.CharField(_("titre"), max_length=200)
    summary = models.TextField(_("résumé"), max_length=2000, blank=True)
    context_need = models.TextField(
        _("contexte et besoin"), max_length=TEXT_MAX, blank=True
    )
    steps = models.TextField(
        _("la pratique, étape par étape"), max_length=TEXT_MAX, blank=True
    )
    resources = models.TextField(
        _("ressources et conditions nécessaires"), max_length=TEXT_MAX, blank=True
    )
    results = models.TextField(_("résultats observés"), max_length=TEXT_MAX, blank=True)
    observation_method = models.TextField(
        _("comment les résultats ont été observés"), max_length=TEXT_MAX, blank=True
    )

    class Meta:
        verbose_name = _("version d'une fiche")
        verbose_name_plural = _("versions des fiches")
        ordering = ["sheet", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "number"], name="practices_version_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"


CONTENT_FIELDS = (
    "title",
    "summary",
    "context_need",
    "steps",
    "resources",
    "results",
    "observation_method",
)


def evidence_path(instance, filename: str) -> str:
    return generated_name("practices", filename)


class Evidence(models.Model):
    """A file supporting a sheet, served only through a checked view.

    A photo is accepted only when the person ticked that no child can be
    identified on it; images lose their metadata on upload.
    """

    sheet = models.ForeignKey(
        PracticeSheet, on_delete=models.CASCADE, related_name="evidence"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("fichier"), upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("nom du fichier"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("taille"))
    description = models.CharField(_("description"), max_length=300, blank=True)
    no_identifiable_child = models.BooleanField(
        _("aucun enfant n'est reconnaissable"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pièce justificative")
        verbose_name_plural = _("pièces justificatives")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.original_name


class SheetTransition(models.Model):
    """One step of a sheet's journey: who, when, from, to, and why."""

    sheet = models.ForeignKey(
        PracticeSheet, on_delete=models.CASCADE, related_name="transitions"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_state = models.CharField(max_length=24, choices=SheetState.choices)
    to_state = models.CharField(max_length=24, choices=SheetState.choices)
    comment = models.TextField(_("commentaire"), blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("étape d'une fiche")
        verbose_name_plural = _("étapes des fiches")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["sheet", "created_at"])]

    def __str__(self) -> str:
        return f"{self.sheet_id}: {self.from_state} → {self.to_state}"


class EvaluationGrid(models.Model):
    """The network's grid: criteria scored on one scale (e.g. 1 to 5)."""

    network = models.OneToOneField(
        "networks.Network", on_delete=models.CASCADE, related_name="evaluation_grid"
    )
    scale_min = models.PositiveSmallIntegerField(_("note minimale"), default=1)
    scale_max = models.PositiveSmallIntegerField(
        _("note maximale"), default=5, validators=[MaxValueValidator(10)]
    )
    low_label = models.CharField(
        _("sens de la note minimale"), max_length=80, blank=True
    )
    high_label = models.CharField(
        _("sens de la note maximale"), max_length=80, blank=True
    )

    class Meta:
        verbose_name = _("grille d'évaluation")
        verbose_name_plural = _("grilles d'évaluation")

    def __str__(self) -> str:
        return str(self.network)


class Criterion(models.Model):
    grid = models.ForeignKey(
        EvaluationGrid, on_delete=models.CASCADE, related_name="criteria"
    )
    name = models.CharField(_("critère"), max_length=200)
    help_text = models.CharField(_("aide"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("critère d'évaluation")
        verbose_name_plural = _("critères d'évaluation")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Evaluation(models.Model):
    """One evaluator's evaluation of one sheet; scores hidden from others until
    they have submitted theirs."""

    sheet = models.ForeignKey(
        PracticeSheet, on_delete=models.CASCADE, related_name="evaluations"
    )
    evaluator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    has_conflict = models.BooleanField(_("conflit d'intérêts"), default=False)
    conflict_note = models.CharField(
        _("nature du conflit d'intérêts"), max_length=500, blank=True
    )
    comment = models.TextField(_("commentaire"), blank=True, max_length=5000)
    submitted_at = models.DateTimeField(_("soumise le"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("évaluation")
        verbose_name_plural = _("évaluations")
        constraints = [
            models.UniqueConstraint(
                fields=["sheet", "evaluator"], name="practices_one_evaluation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sheet_id} — {self.evaluator_id}"


class Score(models.Model):
    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    value = models.PositiveSmallIntegerField(
        _("note"), validators=[MinValueValidator(0), MaxValueValidator(10)]
    )

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "criterion"], name="practices_one_score"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.value}"
