"""Writing answers: a section saved as it goes, then the whole response sent.

Named surveys keep the answers in progress in the person's ``Response`` (without
``submitted_at``). Anonymous surveys, and visitors of a public link, keep them in
the session only: the database learns of them, detached from anyone, when they are
sent, and the session then forgets them.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.surveys.conditions import visible_questions
from entraide.surveys.models import Answer, Participation, Response, Survey

SENT_KEY = "surveys:sent"


def draft_key(survey: Survey) -> str:
    return f"surveys:draft:{survey.pk}"


def uses_session(survey: Survey, user) -> bool:
    return survey.is_anonymous or user is None or not user.is_authenticated


def read_answers(*, survey: Survey, user, session) -> dict:
    """The answers so far, by question pk."""
    if uses_session(survey, user):
        draft = session.get(draft_key(survey), {})
        return {int(pk): value for pk, value in draft.items()}
    rows = Answer.objects.filter(
        response__survey=survey, response__respondent=user
    ).values_list("question_id", "value", "other_text")
    return {pk: {"value": value, "other_text": other} for pk, value, other in rows}


def has_answered(*, survey: Survey, user, session) -> bool:
    if user is not None and user.is_authenticated:
        return Participation.objects.filter(survey=survey, user=user).exists()
    return survey.pk in session.get(SENT_KEY, [])


def can_edit_sent(*, survey: Survey, user) -> bool:
    """A named survey that allows it reopens the person's response."""
    return survey.allow_edit and not uses_session(survey, user)


@transaction.atomic
def save_section(*, survey: Survey, user, session, values: dict) -> None:
    """Keep one page's answers (``values``: question pk → answer or None)."""
    if uses_session(survey, user):
        draft = session.get(draft_key(survey), {})
        for pk, value in values.items():
            if value is None:
                draft.pop(str(pk), None)
            else:
                draft[str(pk)] = value
        session[draft_key(survey)] = draft
        session.modified = True
        return
    response, _created = Response.objects.get_or_create(survey=survey, respondent=user)
    Answer.objects.filter(response=response, question_id__in=list(values)).delete()
    answers = [
        Answer(
            response=response,
            question_id=pk,
            value=value["value"],
            other_text=value.get("other_text", ""),
        )
        for pk, value in values.items()
        if value is not None
    ]
    for answer in answers:
        answer.full_clean(exclude=["response", "question"], validate_unique=False)
    Answer.objects.bulk_create(answers)
    response.updated_at = timezone.now()
    response.save(update_fields=["updated_at"])


def missing_required(questions: list, answers: dict) -> list:
    """Required questions shown but not answered, in survey order."""
    return [
        q
        for q in visible_questions(questions, answers)
        if q.required and (answers.get(q.pk) or {}).get("value") is None
    ]


@transaction.atomic
def send_response(
    *, survey: Survey, questions: list, user, membership, session
) -> Response | None:
    """Send the answers so far: one ``Response`` with its ``Answer`` rows, and a
    ``Participation`` for a signed-in person. Hidden questions' answers are dropped.
    """
    answers = read_answers(survey=survey, user=user, session=session)
    if missing_required(questions, answers):
        raise ValidationError(_("Des questions obligatoires sont sans réponse."))
    shown = {q.pk for q in visible_questions(questions, answers)}
    signed_in = user is not None and user.is_authenticated
    subregion_id = membership.subregion_id if membership else None
    job_role = user.job_role if signed_in else ""
    if uses_session(survey, user):
        if has_answered(survey=survey, user=user, session=session):
            raise ValidationError(_("Vous avez déjà répondu à ce sondage."))
        if signed_in:
            try:
                with transaction.atomic():
                    Participation.objects.create(survey=survey, user=user)
            except IntegrityError:
                raise ValidationError(
                    _("Vous avez déjà répondu à ce sondage.")
                ) from None
        response = Response(
            survey=survey,
            subregion_id=subregion_id,
            job_role=job_role,
            submitted_on=timezone.localdate(),
        )
        if not survey.is_anonymous and signed_in:
            response.respondent = user
        response.full_clean()
        response.save()
        rows = [
            Answer(
                response=response,
                question_id=pk,
                value=value["value"],
                other_text=value.get("other_text", ""),
            )
            for pk, value in answers.items()
            if pk in shown and value.get("value") is not None
        ]
        for row in rows:
            row.full_clean(exclude=["response", "question"], validate_unique=False)
        Answer.objects.bulk_create(rows)
        session.pop(draft_key(survey), None)
        if not signed_in:
            session[SENT_KEY] = [*session.get(SENT_KEY, []), survey.pk]
        session.modified = True
        return None if survey.is_anonymous else response
    response = (
        Response.objects.select_for_update()
        .filter(survey=survey, respondent=user)
        .first()
    )
    if response is None:
        response = Response.objects.create(survey=survey, respondent=user)
    if response.submitted_at and not survey.allow_edit:
        raise ValidationError(_("Vous avez déjà répondu à ce sondage."))
    Answer.objects.filter(response=response).exclude(question_id__in=shown).delete()
    now = timezone.now()
    response.submitted_at = response.submitted_at or now
    response.submitted_on = response.submitted_on or timezone.localdate()
    response.updated_at = now
    response.subregion_id = subregion_id
    response.job_role = job_role
    response.full_clean()
    response.save()
    Participation.objects.get_or_create(survey=survey, user=user)
    return response
