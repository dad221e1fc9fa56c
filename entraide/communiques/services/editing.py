"""The project lead's edits of a draft: texts, audience, order, removal."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from entraide.accounts.models import JobRole
from entraide.communiques.models import Communique, CommuniqueItem, ItemKind


def _editable(communique: Communique) -> Communique:
    communique = Communique.objects.select_for_update().get(pk=communique.pk)
    if not communique.is_editable():
        raise ValidationError(_("Ce communiqué est déjà envoyé : il ne change plus."))
    return communique


def update_communique(
    *, communique: Communique, subject: str, intro: str, job_roles, subregions
) -> Communique:
    with transaction.atomic():
        communique = _editable(communique)
        communique.subject = subject.strip()
        communique.intro = intro.strip()
        communique.audience_job_roles = [
            role for role in job_roles if role in JobRole.values
        ]
        communique.full_clean()
        communique.save()
        communique.audience_subregions.set(
            [s for s in subregions if s.network_id == communique.network_id]
        )
    return communique


def _items(communique):
    return list(
        communique.items.filter(removed=False)
        .select_for_update()
        .order_by("position", "pk")
    )


def move_item(*, communique: Communique, item_id: int, direction: str) -> None:
    """Swap the item with its neighbour above (``up``) or below (``down``)."""
    with transaction.atomic():
        communique = _editable(communique)
        items = _items(communique)
        index = next((i for i, item in enumerate(items) if item.pk == item_id), None)
        if index is None:
            raise ValidationError(_("Cet élément n'est plus dans le communiqué."))
        other = index - 1 if direction == "up" else index + 1
        if direction not in ("up", "down") or not 0 <= other < len(items):
            return
        items[index], items[other] = items[other], items[index]
        for position, item in enumerate(items, start=1):
            item.position = position
        CommuniqueItem.objects.bulk_update(items, ["position"])


def remove_item(*, communique: Communique, item_id: int) -> None:
    with transaction.atomic():
        communique = _editable(communique)
        updated = communique.items.filter(pk=item_id, removed=False).update(
            removed=True
        )
        if not updated:
            raise ValidationError(_("Cet élément n'est plus dans le communiqué."))


def add_text_item(*, communique: Communique, title: str, text: str) -> CommuniqueItem:
    with transaction.atomic():
        communique = _editable(communique)
        last = communique.items.aggregate(last=Max("position"))["last"] or 0
        item = CommuniqueItem(
            communique=communique,
            kind=ItemKind.TEXT,
            title=title.strip(),
            text=text.strip(),
            position=last + 1,
        )
        if not item.title and not item.text:
            raise ValidationError({"text": _("Écrivez un titre ou un texte.")})
        item.full_clean()
        item.save()
    return item
