"""Invitations and reminders by email, exactly once per person and mailing.

``start_mailing`` records the mailing and queues ``prepare_mailing``; the task writes
the people's ``Invitation`` rows in batches, each with its in-app notification and
its email delivery in one transaction (``notify``), under a lock on the mailing, so
two runs never write a person twice. A run cut short (killed worker, lost task) is
taken up again by ``resume_mailings`` in the worker's housekeeping; the emails
themselves go out through the notifications' exactly-once delivery.
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.notifications.services import notify
from entraide.surveys import selectors
from entraide.surveys.models import (
    Audience,
    Invitation,
    Mailing,
    MailingKind,
    Survey,
)

BATCH = 200
# A reminder less than this long after the previous one is refused.
REMINDER_GAP = timedelta(hours=20)
# An unfinished mailing older than this is taken up again by the housekeeping.
RESUME_AFTER = timedelta(minutes=5)

KINDS = {
    MailingKind.INVITATION: "surveys.invited",
    MailingKind.REMINDER: "surveys.reminder",
}


def check_can_send(*, survey: Survey, kind: str, now=None) -> None:
    """Raise a ValidationError in the manager's words when no mailing may start."""
    now = now or timezone.now()
    if kind not in MailingKind.values:
        raise ValidationError(_("Choisissez une invitation ou une relance."))
    if survey.audience == Audience.PUBLIC:
        raise ValidationError(
            _(
                "Un sondage public n'a pas de liste de personnes : partagez son "
                "lien public."
            )
        )
    if not survey.is_accepting(now):
        raise ValidationError(
            _("Les invitations partent seulement pendant que le sondage est ouvert.")
        )
    if survey.mailings.filter(completed_at__isnull=True).exists():
        raise ValidationError(
            _(
                "Un envoi est en cours. Attendez qu'il soit terminé pour en faire "
                "un autre."
            )
        )
    if kind == MailingKind.REMINDER:
        last = (
            survey.mailings.filter(kind=MailingKind.REMINDER)
            .order_by("-created_at")
            .first()
        )
        if last is not None and now - last.created_at < REMINDER_GAP:
            raise ValidationError(
                _("Une relance est déjà partie aujourd'hui. Réessayez demain.")
            )


def start_mailing(*, survey: Survey, kind: str, actor, message: str = "") -> Mailing:
    """Record a mailing to those it concerns now and queue its sending."""
    with transaction.atomic():
        # One mailing at a time per survey, even for two managers at once.
        survey = Survey.objects.select_for_update().get(pk=survey.pk)
        check_can_send(survey=survey, kind=kind)
        if not selectors.mailing_recipients(survey, kind).exists():
            if kind == MailingKind.INVITATION:
                raise ValidationError(
                    _("Toutes les personnes visées ont déjà reçu leur invitation.")
                )
            raise ValidationError(_("Toutes les personnes visées ont déjà répondu."))
        mailing = Mailing(
            survey=survey, kind=kind, message=message.strip(), created_by=actor
        )
        mailing.full_clean()
        mailing.save()
        transaction.on_commit(lambda: _enqueue(mailing.pk), robust=True)
    return mailing


def _enqueue(mailing_id: int) -> None:
    from entraide.surveys.tasks import prepare_mailing

    prepare_mailing.enqueue(mailing_id)


def notification_of(mailing: Mailing) -> tuple[str, dict]:
    """The link and the context of each person's notification of the mailing."""
    survey = mailing.survey
    url = reverse(
        "surveys:answer", kwargs={"network": survey.network.slug, "pk": survey.pk}
    )
    return url, {
        "network": survey.network.name,
        "survey": survey.title,
        "survey_id": survey.pk,
        "mailing_id": mailing.pk,
    }


def _write_batch(mailing_id: int) -> int | None:
    """Write the next batch of invitations; None once the mailing is complete."""
    with transaction.atomic():
        mailing = (
            Mailing.objects.select_for_update(of=("self",))
            .select_related("survey__network", "survey__community")
            .filter(pk=mailing_id)
            .first()
        )
        if mailing is None or mailing.completed_at is not None:
            return None
        survey = mailing.survey
        people = list(
            selectors.mailing_recipients(survey, mailing.kind)
            .exclude(survey_invitations__mailing=mailing)
            .order_by("pk")[:BATCH]
        )
        if not people or not survey.is_accepting():
            # Done, or the survey closed meanwhile: nobody else is asked.
            mailing.completed_at = timezone.now()
            mailing.save(update_fields=["completed_at"])
            return None
        url, context = notification_of(mailing)
        for person in people:
            notification = notify(
                recipient=person,
                kind=KINDS[mailing.kind],
                context=context,
                url=url,
                actor=mailing.created_by,
                network=survey.network,
                community=survey.community,
            )
            Invitation.objects.create(
                mailing=mailing, user=person, notification=notification
            )
        return len(people)


def prepare(mailing_id: int) -> int:
    """Write every invitation of the mailing that is not written yet; returns how
    many this run wrote. Safe to run twice or in two workers at once."""
    written = 0
    while True:
        count = _write_batch(mailing_id)
        if count is None:
            return written
        written += count


def resume_mailings(*, now=None) -> int:
    """Housekeeping: take up the mailings a killed worker or a lost task left
    unfinished; returns how many people it reached."""
    now = now or timezone.now()
    stale = Mailing.objects.filter(
        completed_at__isnull=True, created_at__lte=now - RESUME_AFTER
    ).values_list("pk", flat=True)
    return sum(prepare(pk) for pk in list(stale[: settings.SURVEYS_RESUME_BATCH]))
