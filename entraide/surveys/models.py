"""Needs surveys: built by a project lead or a facilitator, answered, analysed.

A survey has sections of questions (single or multiple choice with « autre »,
rating scale with labels, ranking, short or long text, date, number), each required
or not, each shown only when a simple condition holds (« montrer B si A vaut X »).
It is aimed at a community's members, job roles, sub-regions or organisation types of
one network, or open to anyone with its public link.

Anonymous surveys keep nothing that ties an answer to a person, the database
included: a ``Response`` then has no respondent, a random UUID for key (no sequence
to line up with anything), and only the day it was sent; the fact that a person took
part is a separate ``Participation`` row (for the response rate and the one answer per
person rule) that names no response. While an anonymous answer is being written, the
answers in progress live in the person's session only; they reach the database,
detached, when sent. Named surveys keep the respondent and save partial answers as a
``Response`` without ``submitted_at``.
"""

import secrets
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 5_000
ANSWER_TEXT_MAX = 5_000


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("En préparation")
    OPEN = "open", _("Ouvert")
    CLOSED = "closed", _("Fermé")


class Audience(models.TextChoices):
    """Who is asked; job roles, sub-regions and organisation types narrow it."""

    COMMUNITY = "community", _("Les membres d'une communauté")
    NETWORK = "network", _("Les membres du réseau")
    PUBLIC = "public", _("Toute personne ayant le lien public")


def public_token() -> str:
    return secrets.token_urlsafe(16)


class Survey(models.Model):
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.CASCADE,
        related_name="surveys",
        verbose_name=_("réseau"),
    )
    # The community it belongs to (its facilitators manage it), or none for a
    # project lead's survey of the network.
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="surveys",
        verbose_name=_("communauté"),
    )
    title = models.CharField(_("titre"), max_length=200)
    welcome = models.TextField(_("mot d'accueil"), blank=True, max_length=TEXT_MAX)
    thank_you = models.TextField(
        _("mot de remerciement"), blank=True, max_length=TEXT_MAX
    )
    audience = models.CharField(
        _("personnes visées"),
        max_length=16,
        choices=Audience.choices,
        default=Audience.COMMUNITY,
    )
    audience_job_roles = models.JSONField(
        _("fonctions visées"), default=list, blank=True
    )
    audience_subregions = models.ManyToManyField(
        "networks.SubRegion",
        blank=True,
        related_name="+",
        verbose_name=_("sous-régions visées"),
    )
    audience_organisation_kinds = models.JSONField(
        _("types d'organisation visés"), default=list, blank=True
    )
    is_anonymous = models.BooleanField(
        _("anonyme"),
        default=True,
        help_text=_("Rien ne relie alors une réponse à une personne."),
    )
    allow_edit = models.BooleanField(
        _("réponses modifiables jusqu'à la fermeture"), default=False
    )
    opens_at = models.DateTimeField(_("ouverture"), null=True, blank=True)
    closes_at = models.DateTimeField(_("fermeture"), null=True, blank=True)
    status = models.CharField(
        _("état"),
        max_length=16,
        choices=SurveyStatus.choices,
        default=SurveyStatus.DRAFT,
    )
    public_token = models.CharField(
        max_length=32, unique=True, default=public_token, editable=False
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
        verbose_name = _("sondage")
        verbose_name_plural = _("sondages")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["network", "status", "-created_at"]),
            models.Index(fields=["community", "status"]),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "surveys:detail", kwargs={"network": self.network.slug, "pk": self.pk}
        )

    def clean(self):
        errors = {}
        if self.audience == Audience.COMMUNITY and not self.community_id:
            errors["community"] = _("Choisissez la communauté visée.")
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("La fermeture doit suivre l'ouverture.")
        if errors:
            raise ValidationError(errors)

    def is_accepting(self, now=None) -> bool:
        """Open, and within its dates when it has some."""
        now = now or timezone.now()
        if self.status != SurveyStatus.OPEN:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


class Section(models.Model):
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=TEXT_MAX)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Choix unique")
    MULTIPLE = "multiple", _("Choix multiples")
    SCALE = "scale", _("Échelle d'appréciation")
    RANKING = "ranking", _("Classement")
    SHORT_TEXT = "short_text", _("Réponse courte")
    LONG_TEXT = "long_text", _("Réponse longue")
    DATE = "date", _("Date")
    NUMBER = "number", _("Nombre")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)
# « Autre » is kept under this key beside the chosen options.
OTHER = "__other__"


class Question(models.Model):
    """One question. Its answer is stored as JSON (see ``Answer``).

    ``options`` is the ordered list of choice labels (choice and ranking kinds);
    ``scale_min``/``scale_max`` bound a scale, ``scale_labels`` names its ends
    ({"min": "Pas du tout", "max": "Tout à fait"}). The question is shown only when
    ``condition_question``'s answer equals (or, for multiple choice, includes)
    ``condition_value``; the condition's question comes earlier in the survey.
    """

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="questions"
    )
    # The survey is stored again so answers and results read without joins.
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="questions", editable=False
    )
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    help_text = models.CharField(_("précision"), max_length=500, blank=True)
    required = models.BooleanField(_("obligatoire"), default=False)
    options = models.JSONField(_("choix"), default=list, blank=True)
    allow_other = models.BooleanField(_("permettre « Autre »"), default=False)
    scale_min = models.SmallIntegerField(_("échelle : de"), default=1)
    scale_max = models.SmallIntegerField(_("échelle : à"), default=5)
    scale_labels = models.JSONField(
        _("libellés de l'échelle"), default=dict, blank=True
    )
    condition_question = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="dependents",
        verbose_name=_("afficher seulement si la question"),
    )
    condition_value = models.CharField(_("vaut"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["survey", "position"])]

    def __str__(self) -> str:
        return self.text

    def clean(self):
        errors = {}
        if self.kind in CHOICE_KINDS:
            labels = [str(o).strip() for o in self.options or [] if str(o).strip()]
            if len(labels) < 2:
                errors["options"] = _("Donnez au moins deux choix.")
            elif len(set(labels)) != len(labels):
                errors["options"] = _("Chaque choix doit être différent.")
        if self.kind == QuestionKind.SCALE and self.scale_max <= self.scale_min:
            errors["scale_max"] = _("Le haut de l'échelle doit dépasser le bas.")
        if self.kind == QuestionKind.SCALE and self.scale_max - self.scale_min > 10:
            errors["scale_max"] = _("Une échelle compte au plus 11 degrés.")
        if self.condition_question_id and not self.condition_value:
            errors["condition_value"] = _("Indiquez la réponse qui fait afficher.")
        if errors:
            raise ValidationError(errors)


class Response(models.Model):
    """One person's answers to a survey (no person at all when anonymous)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="responses"
    )
    # Named surveys only; always empty for anonymous ones.
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="survey_responses",
    )
    # Copied from the person's membership when sent, for cross-tabulation; for an
    # anonymous survey these are the only things known, and groups under five are
    # never shown.
    subregion = models.ForeignKey(
        "networks.SubRegion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    job_role = models.CharField(max_length=32, blank=True)
    # The day only: a time would line an anonymous answer up with a participation.
    submitted_on = models.DateField(null=True, blank=True)
    # Named surveys: partial answers are kept until sent.
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("réponse")
        verbose_name_plural = _("réponses")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "respondent"],
                condition=Q(respondent__isnull=False),
                name="surveys_one_named_response",
            )
        ]
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return str(self.pk)


class Answer(models.Model):
    """The answer to one question, as JSON by kind:

    single: "label" (or {"other": "text"}); multiple: ["label", …] with OTHER's text
    in ``other_text``; scale and number: a number; ranking: ["label", …] in order;
    short/long text: "text"; date: "YYYY-MM-DD".
    """

    # Random too: a sequence would line answers up with participations.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers"
    )
    value = models.JSONField(null=True, blank=True)
    other_text = models.CharField(max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="surveys_one_answer"
            )
        ]
        indexes = [models.Index(fields=["question"])]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value}"


class Participation(models.Model):
    """That a person answered (sent) a survey — never which answer is theirs."""

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="participations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_participations",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "user"], name="surveys_one_participation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.user_id}"


class MailingKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Relance")


MESSAGE_MAX = 2_000


class Mailing(models.Model):
    """Invitations or a reminder sent to a survey's audience, in one go.

    Its ``Invitation`` rows are written in batches by a task (``prepare_mailing``),
    each with its notification and email in the same transaction, so a task run
    twice, or resumed after a killed worker, writes each person's row once and
    sends each email once. ``completed_at`` is set when every person is done.
    """

    survey = models.ForeignKey(
        Survey, on_delete=models.CASCADE, related_name="mailings"
    )
    kind = models.CharField(_("type"), max_length=16, choices=MailingKind.choices)
    message = models.TextField(
        _("mot d'accompagnement"), blank=True, max_length=MESSAGE_MAX
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), default=timezone.now)
    completed_at = models.DateTimeField(_("terminé le"), null=True, blank=True)

    class Meta:
        verbose_name = _("envoi de sondage")
        verbose_name_plural = _("envois de sondage")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["created_at"],
                name="surveys_mailing_unfinished",
                condition=Q(completed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.kind}"


class Invitation(models.Model):
    """One person's invitation or reminder: the row that makes it exactly once."""

    mailing = models.ForeignKey(
        Mailing, on_delete=models.CASCADE, related_name="invitations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    notification = models.OneToOneField(
        "notifications.Notification",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["mailing", "user"], name="surveys_one_invitation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.mailing_id}/{self.user_id}"
