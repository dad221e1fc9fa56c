"""A network's action plan: mandates → objectives → targets → actions, with indicators.

The plan reads as the source documents' table — « Mandats et objectifs | Cible |
Actions | Échéanciers ». A target (« cible ») is the expected result of an objective,
measured by indicators (a baseline and a goal). An action has a schedule (a date
range, a month range, « en continu » or a moment such as « dès la sortie des
résultats »), an optional deadline, people or committees in charge, a status and a
progress. « En retard » is never stored: an action is late when its due date has
passed and it is neither done nor cancelled (``Action.is_late``).

Indicators are entered by hand (``IndicatorMeasure`` rows) or computed from the
network's activity — sessions held, participants, sheets gathered, tools published —
by ``entraide.plans.indicators``, at read time, so they are always current.

Committee representatives write follow-up notes and impacts for each action in
their own sub-region (``FollowUpNote``).
"""

import calendar
import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 5_000


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    ACTIVE = "active", _("En cours")
    CLOSED = "closed", _("Terminé")


class Plan(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("réseau"),
    )
    title = models.CharField(_("titre"), max_length=200)
    # The plan's frame, e.g. the project it serves and the network's mandate.
    context = models.TextField(_("contexte"), blank=True, max_length=TEXT_MAX)
    period_start = models.DateField(_("début de la période"))
    period_end = models.DateField(_("fin de la période"))
    status = models.CharField(
        _("état"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("plan d'action")
        verbose_name_plural = _("plans d'action")
        ordering = ["-period_start", "-pk"]
        indexes = [models.Index(fields=["network", "-period_start"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:detail", kwargs={"network": self.network.slug, "plan": self.pk}
        )

    def clean(self):
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            raise ValidationError(
                {"period_end": _("La fin de la période doit suivre son début.")}
            )


class Mandate(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="mandates")
    title = models.CharField(_("mandat"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("mandat")
        verbose_name_plural = _("mandats")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Objective(models.Model):
    mandate = models.ForeignKey(
        Mandate, on_delete=models.CASCADE, related_name="objectives"
    )
    title = models.CharField(_("objectif"), max_length=500)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("objectif")
        verbose_name_plural = _("objectifs")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Target(models.Model):
    """« Cible »: the result expected of an objective."""

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="targets"
    )
    expected_result = models.TextField(_("cible"), max_length=TEXT_MAX)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("cible")
        verbose_name_plural = _("cibles")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        lines = self.expected_result.strip().splitlines()
        return Truncator(lines[0] if lines else "").chars(120)


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Pas commencée")
    IN_PROGRESS = "in_progress", _("En cours")
    DONE = "done", _("Terminée")
    CANCELLED = "cancelled", _("Annulée")


# Shown, never stored: an open action whose due date has passed.
LATE = "late"
LATE_LABEL = _("En retard")
OPEN_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)


class ScheduleKind(models.TextChoices):
    MONTHS = "months", _("D'un mois à un autre")
    DATES = "dates", _("D'une date à une autre")
    ONGOING = "ongoing", _("En continu")
    MOMENT = "moment", _("À un moment précis (ex. : dès la sortie des résultats)")


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_end(day: datetime.date) -> datetime.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


class Action(models.Model):
    # The plan is stored again here so lists and dashboards filter without joins.
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="actions", editable=False
    )
    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(_("action"), max_length=2_000)
    responsible_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="plan_actions",
        verbose_name=_("personnes responsables"),
    )
    responsible_communities = models.ManyToManyField(
        "communities.Community",
        blank=True,
        related_name="plan_actions",
        verbose_name=_("communautés ou comités responsables"),
    )
    # Free wording, e.g. « Chargée de projet et CRO ».
    responsible_note = models.CharField(
        _("responsables (autre précision)"), max_length=200, blank=True
    )
    schedule_kind = models.CharField(
        _("échéancier"),
        max_length=16,
        choices=ScheduleKind.choices,
        default=ScheduleKind.MONTHS,
    )
    # Months are stored as their first and last day.
    starts_on = models.DateField(_("début"), null=True, blank=True)
    ends_on = models.DateField(_("fin"), null=True, blank=True)
    # The schedule in the plan's own words (« Dès sortie des résultats »).
    schedule_note = models.CharField(
        _("échéancier (libellé)"), max_length=200, blank=True
    )
    deadline = models.DateField(_("date limite"), null=True, blank=True)
    status = models.CharField(
        _("état"),
        max_length=16,
        choices=ActionStatus.choices,
        default=ActionStatus.NOT_STARTED,
    )
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    # Bumped by every edit: the second of two people saving the same action is told.
    lock_version = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifiée le"), auto_now=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["position", "pk"]
        indexes = [
            models.Index(fields=["plan", "status", "deadline"]),
            models.Index(fields=["plan", "status", "ends_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="plans_progress_at_most_100"
            )
        ]

    def __str__(self) -> str:
        return self.description[:120]

    def get_absolute_url(self) -> str:
        return reverse(
            "plans:action",
            kwargs={
                "network": self.plan.network.slug,
                "plan": self.plan_id,
                "pk": self.pk,
            },
        )

    def clean(self):
        errors = {}
        kind = self.schedule_kind
        if kind in (ScheduleKind.MONTHS, ScheduleKind.DATES):
            if not self.starts_on:
                errors["starts_on"] = _("Indiquez le début.")
            if not self.ends_on:
                errors["ends_on"] = _("Indiquez la fin.")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("La fin doit suivre le début.")
        if kind == ScheduleKind.MOMENT and not self.schedule_note.strip():
            errors["schedule_note"] = _("Décrivez le moment prévu.")
        if errors:
            raise ValidationError(errors)

    @property
    def due_on(self) -> datetime.date | None:
        """The day the action should be done by: its deadline, else its end."""
        if self.deadline:
            return self.deadline
        if self.schedule_kind in (ScheduleKind.MONTHS, ScheduleKind.DATES):
            return self.ends_on
        return None

    def is_late(self, today: datetime.date) -> bool:
        due = self.due_on
        return self.status in OPEN_STATUSES and due is not None and due < today

    def shown_status(self, today: datetime.date) -> str:
        """The status in words: « En retard » replaces an open status once due."""
        return LATE if self.is_late(today) else self.status


def late_actions_q(today: datetime.date) -> Q:
    """The same rule as ``Action.is_late`` for a queryset."""
    dated = Q(deadline__isnull=True) & Q(
        schedule_kind__in=(ScheduleKind.MONTHS, ScheduleKind.DATES), ends_on__lt=today
    )
    return Q(status__in=OPEN_STATUSES) & (Q(deadline__lt=today) | dated)


class ActionUpdate(models.Model):
    """One change of an action's status or progress, with who and why."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=16, choices=ActionStatus.choices)
    to_status = models.CharField(max_length=16, choices=ActionStatus.choices)
    from_progress = models.PositiveSmallIntegerField(default=0)
    to_progress = models.PositiveSmallIntegerField(default=0)
    comment = models.TextField(_("commentaire"), blank=True, max_length=TEXT_MAX)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["action", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.from_status} → {self.to_status}"


class FollowUpNote(models.Model):
    """A representative's follow-up of one action in their sub-region."""

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="follow_ups"
    )
    subregion = models.ForeignKey(
        "networks.SubRegion",
        on_delete=models.CASCADE,
        related_name="plan_follow_ups",
        verbose_name=_("sous-région"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="plan_follow_ups",
    )
    text = models.TextField(_("suivi"), max_length=TEXT_MAX)
    impacts = models.TextField(_("impacts observés"), blank=True, max_length=TEXT_MAX)
    created_at = models.DateTimeField(_("écrit le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    class Meta:
        verbose_name = _("note de suivi")
        verbose_name_plural = _("notes de suivi")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["action", "subregion", "-created_at"]),
            models.Index(fields=["subregion", "-created_at"]),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class IndicatorKind(models.TextChoices):
    MANUAL = "manual", _("Saisi à la main")
    SESSIONS_HELD = "sessions_held", _("Rencontres tenues par une communauté")
    PARTICIPANTS = "participants", _("Personnes présentes aux rencontres")
    SHEETS_GATHERED = "sheets_gathered", _("Fiches de pratique recueillies")
    TOOLS_PUBLISHED = "tools_published", _("Outils publiés")
    SURVEY_RESPONSE_RATE = "survey_rate", _("Taux de réponse à un sondage (%)")


COMPUTED_KINDS = (
    IndicatorKind.SESSIONS_HELD,
    IndicatorKind.PARTICIPANTS,
    IndicatorKind.SHEETS_GATHERED,
    IndicatorKind.TOOLS_PUBLISHED,
    IndicatorKind.SURVEY_RESPONSE_RATE,
)
# Computed kinds that count activity over a period (a survey has its own dates).
PERIOD_KINDS = COMPUTED_KINDS[:4]


class Indicator(models.Model):
    """A measurable indicator of a target, optionally of one of its actions.

    The goal is met when the value reaches ``goal_min``; ``goal_max`` states a range
    (« 3 à 4 rencontres »). Computed kinds count activity between the period's first
    and last day, in the network's time zone.
    """

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="indicators", editable=False
    )
    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="indicators"
    )
    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("action mesurée"),
    )
    name = models.CharField(_("indicateur"), max_length=200)
    kind = models.CharField(
        _("mesure"),
        max_length=24,
        choices=IndicatorKind.choices,
        default=IndicatorKind.MANUAL,
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("communauté"),
    )
    subregion = models.ForeignKey(
        "networks.SubRegion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sous-région"),
    )
    survey = models.ForeignKey(
        "surveys.Survey",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sondage"),
    )
    period_start = models.DateField(_("du"), null=True, blank=True)
    period_end = models.DateField(_("au"), null=True, blank=True)
    unit = models.CharField(_("unité"), max_length=60, blank=True)
    baseline = models.DecimalField(
        _("point de départ"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    goal_min = models.DecimalField(_("cible visée"), max_digits=12, decimal_places=2)
    goal_max = models.DecimalField(
        _("cible visée (au plus)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
    )
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)

    class Meta:
        verbose_name = _("indicateur")
        verbose_name_plural = _("indicateurs")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["plan", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return self.kind in COMPUTED_KINDS

    def clean(self):
        errors = {}
        if self.kind in PERIOD_KINDS:
            if not self.period_start:
                errors["period_start"] = _(
                    "Un indicateur calculé compte sur une période."
                )
            if not self.period_end:
                errors["period_end"] = _(
                    "Un indicateur calculé compte sur une période."
                )
        if self.kind == IndicatorKind.SURVEY_RESPONSE_RATE and not self.survey_id:
            errors["survey"] = _(
                "Choisissez le sondage dont on suit le taux de réponse."
            )
        if self.kind in (IndicatorKind.SESSIONS_HELD,) and not self.community_id:
            errors["community"] = _(
                "Choisissez la communauté dont on compte les rencontres."
            )
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            errors["period_end"] = _("La fin de la période doit suivre son début.")
        if self.goal_max is not None and self.goal_min is not None:
            if self.goal_max < self.goal_min:
                errors["goal_max"] = _("Le maximum ne peut être sous le minimum.")
        if errors:
            raise ValidationError(errors)


class IndicatorMeasure(models.Model):
    """A value entered by hand for a manual indicator."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="measures"
    )
    value = models.DecimalField(_("valeur"), max_digits=12, decimal_places=2)
    measured_on = models.DateField(_("date de la mesure"))
    source = models.CharField(_("source"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mesure")
        verbose_name_plural = _("mesures")
        ordering = ["-measured_on", "-pk"]
        indexes = [models.Index(fields=["indicator", "-measured_on"])]

    def __str__(self) -> str:
        return f"{self.value} ({self.measured_on})"
