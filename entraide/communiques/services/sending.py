"""Sending a communiqué: the test to oneself, now or at a set time, exactly once.

``send_now`` marks the communiqué ``sending`` and queues ``write_deliveries``; the
task writes one ``CommuniqueDelivery`` per recipient in batches, under a lock on
the communiqué so two runs never write a person twice (a unique constraint backs
it), and queues one sending task per row once the batch is committed. The emails
go out through the notifications' exactly-once protocol (claim, lease, retry);
``housekeeping`` starts the scheduled communiqués that are due and takes up a
writing that a killed worker or a lost task left unfinished.
"""

import datetime
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.communiques import selectors
from entraide.communiques.models import (
    Communique,
    CommuniqueDelivery,
    CommuniqueStatus,
    Suppression,
)

BATCH = 200
RESUME_BATCH = 10
ASSEMBLE_BATCH = 20


def _enqueue_sends(ids: list[int]) -> None:
    from entraide.communiques.tasks import send_communique_email

    for pk in ids:
        send_communique_email.enqueue(pk)


def _enqueue_writing(communique_id: int) -> None:
    from entraide.communiques.tasks import write_deliveries as task

    task.enqueue(communique_id)


def send_test(*, communique: Communique, actor) -> CommuniqueDelivery:
    """One test email of the communiqué to the person asking, as members get it."""
    with transaction.atomic():
        row = CommuniqueDelivery(
            communique=communique, recipient=actor, to_email=actor.email, is_test=True
        )
        row.full_clean(exclude=["message_id"])
        row.save()
        transaction.on_commit(lambda: _enqueue_sends([row.pk]), robust=True)
    return row


def _check_ready(communique: Communique) -> None:
    if not communique.is_editable():
        raise ValidationError(_("Ce communiqué est déjà envoyé."))
    if not communique.intro and not selectors.visible_items(communique).exists():
        raise ValidationError(_("Le communiqué est vide : ajoutez un texte d'abord."))
    if not selectors.recipients(communique).exists():
        raise ValidationError(
            _("Personne n'a accepté de recevoir le communiqué dans ce public.")
        )


def send_now(*, communique: Communique, actor) -> Communique:
    with transaction.atomic():
        communique = Communique.objects.select_for_update().get(pk=communique.pk)
        _check_ready(communique)
        communique.status = CommuniqueStatus.SENDING
        communique.sent_by = actor
        communique.sending_started_at = timezone.now()
        communique.save(update_fields=["status", "sent_by", "sending_started_at"])
        transaction.on_commit(lambda: _enqueue_writing(communique.pk), robust=True)
    return communique


def schedule(*, communique: Communique, actor, when: datetime.datetime) -> Communique:
    with transaction.atomic():
        communique = Communique.objects.select_for_update().get(pk=communique.pk)
        _check_ready(communique)
        if when <= timezone.now():
            raise ValidationError(
                {"scheduled_for": _("Choisissez un moment dans le futur.")}
            )
        communique.status = CommuniqueStatus.SCHEDULED
        communique.scheduled_for = when
        communique.sent_by = actor
        communique.save(update_fields=["status", "scheduled_for", "sent_by"])
    return communique


def unschedule(*, communique: Communique) -> Communique:
    with transaction.atomic():
        communique = Communique.objects.select_for_update().get(pk=communique.pk)
        if communique.status != CommuniqueStatus.SCHEDULED:
            raise ValidationError(_("Cet envoi n'est plus prévu."))
        communique.status = CommuniqueStatus.DRAFT
        communique.scheduled_for = None
        communique.save(update_fields=["status", "scheduled_for"])
    return communique


def _write_batch(communique_id: int) -> int | None:
    """Write the next batch of deliveries; None once every recipient has one."""
    with transaction.atomic():
        communique = (
            Communique.objects.select_for_update(of=("self",))
            .select_related("network")
            .filter(pk=communique_id)
            .first()
        )
        if communique is None or communique.status != CommuniqueStatus.SENDING:
            return None
        written = CommuniqueDelivery.objects.filter(
            communique=communique, recipient=OuterRef("pk"), is_test=False
        )
        people = list(
            selectors.recipients(communique)
            .exclude(Exists(written))
            .order_by("pk")
            .values_list("pk", "email")[:BATCH]
        )
        if not people:
            communique.status = CommuniqueStatus.SENT
            communique.sent_at = timezone.now()
            communique.save(update_fields=["status", "sent_at"])
            return None
        rows = CommuniqueDelivery.objects.bulk_create(
            CommuniqueDelivery(communique=communique, recipient_id=pk, to_email=email)
            for pk, email in people
        )
        ids = [row.pk for row in rows]
        if None in ids:
            # A backend without RETURNING on bulk inserts: read them back.
            ids = list(
                CommuniqueDelivery.objects.filter(
                    communique=communique,
                    is_test=False,
                    recipient_id__in=[pk for pk, _email in people],
                ).values_list("pk", flat=True)
            )
        transaction.on_commit(lambda: _enqueue_sends(ids), robust=True)
        return len(ids)


def write_deliveries(communique_id: int) -> int:
    """Write every delivery of the communiqué not written yet; how many this run
    wrote. Safe to run twice or in two workers at once."""
    total = 0
    while True:
        count = _write_batch(communique_id)
        if count is None:
            return total
        total += count


def suppress(row, error) -> None:
    """Outbox hook: the server refused this address for good."""
    Suppression.objects.get_or_create(
        email=row.to_email.lower(), defaults={"reason": str(error)[:1000]}
    )


def housekeeping(*, now=None) -> int:
    """Worker housekeeping: assemble the month's drafts, start the scheduled
    communiqués that are due, take up unfinished writings; how many acted on."""
    from entraide.communiques.services.assembly import assemble, current_month
    from entraide.networks.models import Network

    now = now or timezone.now()
    count = 0
    this_month = now.date().replace(day=1)
    lacking = Network.objects.exclude(communiques__month=this_month).order_by("pk")
    for network in lacking[:ASSEMBLE_BATCH]:
        # Around midnight on the 1st, a network's own month may still be the last.
        assemble(network=network, month=current_month(network))
        count += 1
    due = Communique.objects.filter(
        status=CommuniqueStatus.SCHEDULED, scheduled_for__lte=now
    ).values_list("pk", flat=True)
    for pk in list(due[:RESUME_BATCH]):
        with transaction.atomic():
            started = Communique.objects.filter(
                pk=pk, status=CommuniqueStatus.SCHEDULED
            ).update(status=CommuniqueStatus.SENDING, sending_started_at=now)
        if started:
            count += write_deliveries(pk) or 1
    stale = Communique.objects.filter(
        status=CommuniqueStatus.SENDING,
        sending_started_at__lte=now
        - timedelta(seconds=settings.EMAIL_DELIVERY_LEASE_SECONDS),
    ).values_list("pk", flat=True)
    for pk in list(stale[:RESUME_BATCH]):
        count += write_deliveries(pk)
    return count
