"""Following an action: its status and progress, and the follow-up notes of each
sub-region.

A change of status or progress writes one ``ActionUpdate`` (who, from, to, why);
nobody is notified of it, since the dashboard shows the leads what moved and
what is late. A new follow-up note is sent to the network's project leads, not to
its author. « En retard » is never stored: it is read from the due date.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entraide.networks.models import Membership, NetworkRole
from entraide.notifications.services import notify
from entraide.plans import notifications
from entraide.plans.models import Action, ActionStatus, ActionUpdate, FollowUpNote


def record_progress(
    *, action: Action, actor, status: str, progress: int, comment: str = ""
) -> ActionUpdate:
    """A new status and progress; « terminée » means 100 %."""
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choisissez un état de la liste.")})
    if status == ActionStatus.DONE:
        progress = 100
    with transaction.atomic():
        locked = Action.objects.select_for_update().get(pk=action.pk)
        update = ActionUpdate(
            action=locked,
            actor=actor,
            from_status=locked.status,
            to_status=status,
            from_progress=locked.progress,
            to_progress=progress,
            comment=(comment or "").strip(),
        )
        update.full_clean(exclude=["action", "actor"])
        locked.status = status
        locked.progress = progress
        locked.full_clean(exclude=["plan", "target"])
        locked.lock_version += 1
        locked.save(update_fields=["status", "progress", "lock_version", "updated_at"])
        update.save()
    for name in ("status", "progress", "lock_version", "updated_at"):
        setattr(action, name, getattr(locked, name))
    return update


def _check_subregion(action: Action, subregion) -> None:
    if subregion is None or subregion.network_id != action.plan.network_id:
        raise ValidationError({"subregion": _("Choisissez une sous-région du réseau.")})


def _tell_leads(note: FollowUpNote, actor) -> None:
    action = note.action
    network = action.plan.network
    leads = (
        Membership.objects.filter(network=network, role=NetworkRole.PROJECT_LEAD)
        .exclude(user=actor)
        .select_related("user")
    )
    url = action.get_absolute_url() + f"#follow-up-{note.pk}"
    person = str(actor) if actor is not None else ""
    for membership in leads:
        transaction.on_commit(
            lambda recipient=membership.user: notify(
                recipient=recipient,
                kind=notifications.FOLLOW_UP_WRITTEN.key,
                context={
                    "network": network.name,
                    "person": person,
                    "subregion": note.subregion.name,
                    "action": str(action),
                },
                url=url,
                actor=actor,
                network=network,
            )
        )


def write_follow_up(
    *, action: Action, actor, subregion, text: str, impacts: str = ""
) -> FollowUpNote:
    """A representative's note for one sub-region; the project leads are told."""
    _check_subregion(action, subregion)
    note = FollowUpNote(
        action=action,
        subregion=subregion,
        author=actor,
        text=(text or "").strip(),
        impacts=(impacts or "").strip(),
    )
    note.full_clean(exclude=["action", "subregion", "author"])
    with transaction.atomic():
        note.save()
        _tell_leads(note, actor)
    return note


def update_follow_up(
    *, note: FollowUpNote, actor, subregion, text: str, impacts: str = ""
) -> FollowUpNote:
    _check_subregion(note.action, subregion)
    note.subregion = subregion
    note.text = (text or "").strip()
    note.impacts = (impacts or "").strip()
    note.full_clean(exclude=["action", "subregion", "author"])
    with transaction.atomic():
        note.save()
    return note
