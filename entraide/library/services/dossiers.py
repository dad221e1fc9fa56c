"""Writing reference dossiers: the dossier itself and its ordered items.

Items keep dense positions (0, 1, 2…): every change locks the dossier's items,
so two leads reordering at once never leave a gap or two items at one place.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.library.models import Dossier, DossierItem, DossierItemKind

DOSSIER_FIELDS = ("title", "introduction", "scope", "is_published")
UP, DOWN = "up", "down"


def create_dossier(
    *, network, actor, title: str, introduction: str = "", scope: str, is_published
) -> Dossier:
    dossier = Dossier(
        network=network,
        created_by=actor,
        title=title,
        introduction=introduction,
        scope=scope,
        is_published=bool(is_published),
    )
    dossier.full_clean(exclude=["network", "created_by"])
    with transaction.atomic():
        dossier.save()
    return dossier


def update_dossier(*, dossier: Dossier, actor, **fields) -> Dossier:
    with transaction.atomic():
        current = Dossier.objects.select_for_update().get(pk=dossier.pk)
        for name in DOSSIER_FIELDS:
            if name in fields:
                setattr(current, name, fields[name])
        current.full_clean(exclude=["network", "created_by"])
        current.save()
    return current


def _locked_items(dossier: Dossier) -> list[DossierItem]:
    return list(
        DossierItem.objects.select_for_update()
        .filter(dossier=dossier)
        .order_by("position", "pk")
    )


def _renumber(items: list[DossierItem]) -> None:
    changed = []
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            changed.append(item)
    DossierItem.objects.bulk_update(changed, ["position"])


def add_item(
    *,
    dossier: Dossier,
    actor,
    kind: str,
    tool=None,
    practice=None,
    url: str = "",
    title: str = "",
    note: str = "",
) -> DossierItem:
    """A tool, a practice sheet or an outside link, placed last."""
    item = DossierItem(dossier=dossier, kind=kind, note=note)
    if kind == DossierItemKind.TOOL:
        item.tool = tool
    elif kind == DossierItemKind.PRACTICE:
        item.practice = practice
    elif kind == DossierItemKind.LINK:
        item.url, item.title = url, title
    errors = {}
    if kind == DossierItemKind.TOOL and (
        tool is None or tool.network_id != dossier.network_id
    ):
        errors["tool"] = _("Choisissez un outil publié du réseau.")
    if kind == DossierItemKind.PRACTICE and (
        practice is None or practice.network_id != dossier.network_id
    ):
        errors["practice"] = _("Choisissez une fiche de pratique publiée du réseau.")
    if kind == DossierItemKind.LINK:
        if not url:
            errors["url"] = _("Indiquez l'adresse du lien.")
        if not title:
            errors["title"] = _("Donnez un titre au lien.")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        items = _locked_items(dossier)
        item.position = len(items)
        item.full_clean(exclude=["dossier"])
        _renumber(items)
        item.save()
        Dossier.objects.filter(pk=dossier.pk).update(updated_at=timezone.now())
    return item


def remove_item(*, item: DossierItem, actor) -> None:
    with transaction.atomic():
        items = _locked_items(item.dossier)
        remaining = [row for row in items if row.pk != item.pk]
        if len(remaining) == len(items):
            return
        DossierItem.objects.filter(pk=item.pk).delete()
        _renumber(remaining)


def move_item(*, item: DossierItem, actor, direction: str) -> DossierItem:
    """One place up or down; at either end nothing moves."""
    if direction not in (UP, DOWN):
        raise ValidationError(_("Choisissez de monter ou de descendre l'élément."))
    with transaction.atomic():
        items = _locked_items(item.dossier)
        index = next((i for i, row in enumerate(items) if row.pk == item.pk), None)
        if index is None:
            return item
        other = index - 1 if direction == UP else index + 1
        if 0 <= other < len(items):
            items[index], items[other] = items[other], items[index]
        _renumber(items)
    return item
