"""Building a survey: its settings, sections and questions, copies, opening and
closing.

Questions change only while the survey is in preparation (the views check
``can_edit_questions``); a condition points at an earlier single or multiple
choice question of the same survey and at one of its options.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from entraide.surveys import templates as survey_templates
from entraide.surveys.models import (
    CHOICE_KINDS,
    Question,
    QuestionKind,
    Section,
    Survey,
    SurveyStatus,
)

SURVEY_FIELDS = (
    "title",
    "community",
    "welcome",
    "thank_you",
    "audience",
    "audience_job_roles",
    "audience_organisation_kinds",
    "is_anonymous",
    "allow_edit",
    "opens_at",
    "closes_at",
)
OPTION_MAX = 200
CONDITION_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
QUESTION_FIELDS = (
    "kind",
    "text",
    "help_text",
    "required",
    "options",
    "allow_other",
    "scale_min",
    "scale_max",
    "scale_labels",
    "condition_question",
    "condition_value",
)


def _set(obj, fields: dict, allowed) -> None:
    for name, value in fields.items():
        if name not in allowed:
            raise TypeError(f"Unknown field {name}")
        setattr(obj, name, value)


# --- Surveys ----------------------------------------------------------------------


@transaction.atomic
def create_survey(
    *, network, actor, subregions=(), template: str = "", **fields
) -> Survey:
    """A new survey in preparation, blank or from one of the provided templates."""
    survey = Survey(network=network, created_by=actor)
    _set(survey, fields, SURVEY_FIELDS)
    if template:
        model = survey_templates.TEMPLATES.get(template)
        if model is None:
            raise ValidationError({"template": _("Choisissez un modèle de la liste.")})
        survey.welcome = survey.welcome or model["welcome"]
        survey.thank_you = survey.thank_you or model["thank_you"]
    survey.full_clean()
    survey.save()
    survey.audience_subregions.set(_own_subregions(network, subregions))
    if template:
        _build_from_template(survey, survey_templates.TEMPLATES[template])
    return survey


def _own_subregions(network, subregions):
    return [s for s in subregions if s.network_id == network.pk]


@transaction.atomic
def update_survey(*, survey: Survey, actor, subregions=None, **fields) -> Survey:
    """The settings. Anonymous ↔ named cannot change once someone has answered:
    an anonymous answer cannot be named afterwards, nor a named one forgotten."""
    locked = Survey.objects.select_for_update().get(pk=survey.pk)
    if (
        "is_anonymous" in fields
        and fields["is_anonymous"] != locked.is_anonymous
        and (locked.responses.exists() or locked.participations.exists())
    ):
        raise ValidationError(
            {
                "is_anonymous": _(
                    "Des personnes ont déjà répondu : le sondage ne peut plus "
                    "passer d'anonyme à nominatif, ni l'inverse."
                )
            }
        )
    _set(survey, fields, SURVEY_FIELDS)
    survey.full_clean()
    survey.save()
    if subregions is not None:
        survey.audience_subregions.set(_own_subregions(survey.network, subregions))
    return survey


@transaction.atomic
def duplicate_survey(*, survey: Survey, actor, title: str) -> Survey:
    """A copy in preparation with a new public link: settings, sections and
    questions, conditions pointing at the copied questions. No answers."""
    copy = Survey(
        network=survey.network,
        created_by=actor,
        title=title,
        status=SurveyStatus.DRAFT,
        **{
            name: getattr(survey, name)
            for name in SURVEY_FIELDS
            if name not in ("title", "community")
        },
    )
    copy.community_id = survey.community_id
    copy.full_clean()
    copy.save()
    copy.audience_subregions.set(survey.audience_subregions.all())
    copies = {}
    pending = []
    questions = Question.objects.filter(survey=survey).order_by("position", "pk")
    by_section = {}
    for question in questions:
        by_section.setdefault(question.section_id, []).append(question)
    for section in Section.objects.filter(survey=survey).order_by("position", "pk"):
        new_section = Section.objects.create(
            survey=copy,
            title=section.title,
            description=section.description,
            position=section.position,
        )
        for question in by_section.get(section.pk, []):
            old_pk = question.pk
            condition = question.condition_question_id
            question.pk = None
            question.section = new_section
            question.survey = copy
            question.condition_question = None
            question.save()
            copies[old_pk] = question
            if condition:
                pending.append((question, condition))
    for question, condition in pending:
        question.condition_question = copies.get(condition)
        if question.condition_question is None:
            question.condition_value = ""
        question.save(update_fields=["condition_question", "condition_value"])
    return copy


@transaction.atomic
def open_survey(*, survey: Survey, actor) -> Survey:
    if survey.status == SurveyStatus.OPEN:
        return survey
    if not Question.objects.filter(survey=survey).exists():
        raise ValidationError(
            _("Ajoutez au moins une question avant d'ouvrir le sondage.")
        )
    survey.status = SurveyStatus.OPEN
    survey.full_clean()
    survey.save(update_fields=["status", "updated_at"])
    return survey


@transaction.atomic
def close_survey(*, survey: Survey, actor) -> Survey:
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Seul un sondage ouvert peut être fermé."))
    survey.status = SurveyStatus.CLOSED
    survey.save(update_fields=["status", "updated_at"])
    return survey


# --- Sections ---------------------------------------------------------------------


@transaction.atomic
def create_section(*, survey: Survey, title: str, description: str = "") -> Section:
    last = survey.sections.aggregate(last=Max("position"))["last"]
    section = Section(
        survey=survey,
        title=title,
        description=description,
        position=0 if last is None else last + 1,
    )
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def update_section(*, section: Section, title: str, description: str = "") -> Section:
    section.title = title
    section.description = description
    section.full_clean()
    section.save()
    return section


@transaction.atomic
def delete_section(*, section: Section) -> None:
    """With its questions; later questions shown on their answers lose the
    condition and are then always shown."""
    Question.objects.filter(
        survey_id=section.survey_id, condition_question__section=section
    ).exclude(section=section).update(condition_question=None, condition_value="")
    section.delete()


# --- Questions --------------------------------------------------------------------


def ordered_questions(survey: Survey) -> list[Question]:
    """The survey's questions in the order they are asked."""
    return list(
        Question.objects.filter(survey=survey)
        .select_related("section")
        .order_by("section__position", "section__pk", "position", "pk")
    )


def condition_candidates(survey: Survey, *, section: Section, question=None):
    """Questions a new or edited question may depend on: the earlier choice
    questions of the survey."""
    earlier = []
    for other in ordered_questions(survey):
        if question is not None and other.pk == question.pk:
            break
        if question is None and (
            other.section.position,
            other.section.pk,
        ) > (section.position, section.pk):
            break
        earlier.append(other)
    return [q for q in earlier if q.kind in CONDITION_KINDS]


def _normalise(question: Question) -> None:
    question.options = [
        str(o).strip() for o in question.options or [] if str(o).strip()
    ]
    if question.kind not in CHOICE_KINDS:
        question.options = []
    if question.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        question.allow_other = False
    if question.kind != QuestionKind.SCALE:
        question.scale_labels = {}
    if question.condition_question is None:
        question.condition_value = ""


def _check_options(question: Question) -> None:
    if any(len(option) > OPTION_MAX for option in question.options):
        raise ValidationError(
            {"options": _("Chaque choix compte au plus 200 caractères.")}
        )


def _check_condition(question: Question, candidates) -> None:
    target = question.condition_question
    if target is None:
        return
    if target.pk not in {c.pk for c in candidates}:
        raise ValidationError(
            {
                "condition_question": _(
                    "La condition porte sur une question à choix posée plus tôt "
                    "dans ce sondage."
                )
            }
        )
    if question.condition_value not in target.options:
        raise ValidationError(
            {"condition_value": _("Choisissez l'un des choix de cette question.")}
        )


@transaction.atomic
def create_question(*, section: Section, **fields) -> Question:
    survey = section.survey
    question = Question(section=section, survey=survey)
    _set(question, fields, QUESTION_FIELDS)
    _normalise(question)
    _check_options(question)
    question.full_clean()
    _check_condition(question, condition_candidates(survey, section=section))
    last = section.questions.aggregate(last=Max("position"))["last"]
    question.position = 0 if last is None else last + 1
    question.save()
    return question


@transaction.atomic
def update_question(*, question: Question, **fields) -> Question:
    _set(question, fields, QUESTION_FIELDS)
    _normalise(question)
    _check_options(question)
    question.full_clean()
    _check_condition(
        question,
        condition_candidates(
            question.survey, section=question.section, question=question
        ),
    )
    question.save()
    # Dependents whose value is no longer an option, or whose question is no
    # longer a choice, lose their condition.
    for dependent in Question.objects.filter(condition_question=question):
        if (
            question.kind not in CONDITION_KINDS
            or dependent.condition_value not in question.options
        ):
            dependent.condition_question = None
            dependent.condition_value = ""
            dependent.save(update_fields=["condition_question", "condition_value"])
    return question


@transaction.atomic
def delete_question(*, question: Question) -> None:
    Question.objects.filter(condition_question=question).update(
        condition_question=None, condition_value=""
    )
    question.delete()


# --- Templates --------------------------------------------------------------------


def _build_from_template(survey: Survey, model: dict) -> None:
    made = {}
    for position, part in enumerate(model["sections"]):
        section = Section.objects.create(
            survey=survey,
            title=part["title"],
            description=part.get("description", ""),
            position=position,
        )
        for index, spec in enumerate(part["questions"]):
            spec = dict(spec)
            key = spec.pop("key", None)
            condition = spec.pop("condition", None)
            question = Question(section=section, survey=survey, position=index, **spec)
            if condition:
                question.condition_question = made[condition[0]]
                question.condition_value = condition[1]
            question.full_clean()
            question.save()
            if key:
                made[key] = question
