"""Writing a technical sheet: drafts, numbered versions, evidence files.

A sheet's content lives in its versions, never overwritten. Every save locks the
sheet row and compares its ``lock_version`` with the one the person started from:
when someone else saved in between, the save is refused and nothing is written,
so nobody's text is silently lost. Choices (organisation, sub-region, zone,
themes, co-authors) are checked against the sheet's network here as well as in
the form: a forged request cannot file a sheet under another network's zone.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from entraide.core.uploads import JPEG, PNG, CheckedUpload, check_upload
from entraide.networks.models import Membership, Network
from entraide.notifications.services import notify
from entraide.practices.models import (
    CONTENT_FIELDS,
    Evidence,
    PracticeSheet,
    SheetState,
    SheetVersion,
    VersionKind,
)
from entraide.practices.search import fold
from entraide.search.services import index_later

SHEET_FIELDS = (
    "zone",
    "themes",
    "age_group",
    "setting",
    "contact_name",
    "contact_email",
    "organisation",
    "subregion",
    "co_authors",
)
SCALAR_FIELDS = (
    "zone",
    "age_group",
    "setting",
    "contact_name",
    "contact_email",
    "organisation",
    "subregion",
)
MAX_EVIDENCE_PER_SHEET = 20
CONFLICT = "conflict"


def _split(fields: dict) -> tuple[dict, dict]:
    unknown = set(fields) - set(CONTENT_FIELDS) - set(SHEET_FIELDS)
    if unknown:
        raise TypeError(f"Unknown sheet fields: {sorted(unknown)}")
    content = {k: v for k, v in fields.items() if k in CONTENT_FIELDS}
    meta = {k: v for k, v in fields.items() if k in SHEET_FIELDS}
    return content, meta


def _clean_text(value) -> str:
    """Trimmed, with one kind of line break whatever the browser sent."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _check_scope(network: Network, author, meta: dict) -> dict:
    """Errors for choices that do not belong to the network."""
    errors: dict[str, list] = {}
    for name, message in (
        ("organisation", _("Choisissez une organisation du réseau.")),
        ("subregion", _("Choisissez une sous-région du réseau.")),
        ("zone", _("Choisissez une zone d'intervention du réseau.")),
    ):
        value = meta.get(name)
        if value is not None and value.network_id != network.pk:
            errors[name] = [message]
    themes = meta.get("themes")
    if themes is not None and any(t.network_id != network.pk for t in themes):
        errors["themes"] = [_("Choisissez des thèmes du réseau.")]
    co_authors = meta.get("co_authors")
    if co_authors is not None:
        ids = {person.pk for person in co_authors}
        members = set(
            Membership.objects.filter(network=network, user_id__in=ids).values_list(
                "user_id", flat=True
            )
        )
        if ids - members:
            errors["co_authors"] = [
                _(
                    "Les coautrices et coauteurs doivent être membres du réseau "
                    "de la fiche."
                )
            ]
    return errors


def _apply(sheet: PracticeSheet, meta: dict) -> None:
    for name in SCALAR_FIELDS:
        if name in meta:
            value = meta[name]
            if name in ("contact_name", "contact_email"):
                value = _clean_text(value)
            elif value is None and name in ("age_group", "setting"):
                value = ""
            setattr(sheet, name, value)


def _build_version(sheet, actor, content: dict, number: int, note="") -> SheetVersion:
    version = SheetVersion(
        sheet=sheet,
        number=number,
        kind=VersionKind.AUTHOR,
        created_by=actor,
        change_note=_clean_text(note),
        **{name: _clean_text(content.get(name)) for name in CONTENT_FIELDS},
    )
    return version


def _validate(sheet, version, meta, network, author) -> None:
    """Every problem at once, on the fields the form shows."""
    errors: dict[str, list] = {}
    for target, exclude in (
        (sheet, ["network", "author", "current_version", "published_version"]),
        (version, ["sheet", "created_by"]),
    ):
        try:
            target.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            errors.update(error.message_dict)
    if not version.title:
        errors["title"] = [_("Donnez un titre à la fiche.")]
    errors.update(_check_scope(network, author, meta))
    if errors:
        raise ValidationError(errors)


def _co_authors(meta: dict, author) -> list | None:
    if "co_authors" not in meta or meta["co_authors"] is None:
        return None
    return [p for p in meta["co_authors"] if author is None or p.pk != author.pk]


def _tell_new_co_authors(sheet: PracticeSheet, actor, before: set) -> None:
    """Each person newly named co-author hears of it (never the one who named)."""
    added = [p for p in sheet.co_authors.all() if p.pk not in before]
    for person in added:
        if actor is not None and person.pk == actor.pk:
            continue
        notify(
            recipient=person,
            kind="practices.co_author_added",
            context={
                "network": sheet.network.name,
                "sheet": sheet.current_version.title,
                "person": (actor.get_full_name() or actor.email) if actor else "",
            },
            url=sheet.get_absolute_url(),
            actor=actor,
            network=sheet.network,
        )


def create_sheet(*, network: Network, author, **fields) -> PracticeSheet:
    """A new draft with its first version, filed under the author's network."""
    content, meta = _split(fields)
    sheet = PracticeSheet(network=network, author=author, state=SheetState.DRAFT)
    _apply(sheet, meta)
    version = _build_version(sheet, author, content, 1)
    meta["co_authors"] = _co_authors(meta, author)
    _validate(sheet, version, meta, network, author)
    with transaction.atomic():
        sheet.save()
        if meta.get("themes") is not None:
            sheet.themes.set(meta["themes"])
        if meta["co_authors"] is not None:
            sheet.co_authors.set(meta["co_authors"])
        version.sheet = sheet
        version.save()
        sheet.current_version = version
        sheet.save(update_fields=["current_version"])
        refresh_search_text(sheet)
        _tell_new_co_authors(sheet, author, set())
    return sheet


def _content_of(version: SheetVersion | None) -> dict:
    return {name: getattr(version, name, "") or "" for name in CONTENT_FIELDS}


def conflict_error() -> ValidationError:
    return ValidationError(
        _(
            "Quelqu'un d'autre a enregistré cette fiche pendant que vous la "
            "modifiiez. Rien n'a été écrasé : votre texte est conservé ci-dessous. "
            "Comparez-le avec ce qui vient d'être enregistré, puis enregistrez "
            "de nouveau."
        ),
        code=CONFLICT,
    )


def save_version(
    *, sheet: PracticeSheet, actor, expected_lock_version: int, change_note="", **fields
) -> SheetVersion:
    """The author's new version, numbered after the last one.

    Refused when the sheet moved since ``expected_lock_version`` was read, or when
    it is no longer the author's to edit. Saving unchanged content writes no new
    version (the sheet's other fields are still saved).
    """
    content, meta = _split(fields)
    with transaction.atomic():
        locked = PracticeSheet.objects.select_for_update().get(pk=sheet.pk)
        if locked.lock_version != expected_lock_version:
            raise conflict_error()
        if not locked.is_editable_by_author():
            raise ValidationError(
                _("Cette fiche ne peut plus être modifiée à cette étape."),
                code="not_editable",
            )
        current = (
            SheetVersion.objects.filter(pk=locked.current_version_id).first()
            if locked.current_version_id
            else None
        )
        merged = {**_content_of(current), **content}
        _apply(locked, meta)
        meta["co_authors"] = _co_authors(meta, locked.author)
        last = locked.versions.aggregate(last=Max("number"))["last"] or 0
        version = _build_version(locked, actor, merged, last + 1, change_note)
        _validate(locked, version, meta, locked.network, locked.author)
        unchanged = current is not None and _content_of(current) == _content_of(version)
        if unchanged:
            version = current
        else:
            version.save()
            locked.current_version = version
        if meta.get("themes") is not None:
            locked.themes.set(meta["themes"])
        before = set(locked.co_authors.values_list("pk", flat=True))
        if meta["co_authors"] is not None:
            locked.co_authors.set(meta["co_authors"])
        locked.lock_version += 1
        locked.save()
        refresh_search_text(locked)
        _tell_new_co_authors(locked, actor, before)
    for name in (*SCALAR_FIELDS, "lock_version", "current_version", "updated_at"):
        setattr(sheet, name, getattr(locked, name))
    sheet.search_text = locked.search_text
    return version


def refresh_search_text(sheet: PracticeSheet) -> str:
    """Fold the published (else current) version and the themes for search."""
    version = sheet.published_version or sheet.current_version
    parts = [getattr(version, name, "") for name in CONTENT_FIELDS]
    parts += list(sheet.themes.values_list("name", flat=True))
    if sheet.zone_id:
        parts.append(sheet.zone.name)
    text = fold(" ".join(part for part in parts if part))
    PracticeSheet.objects.filter(pk=sheet.pk).update(search_text=text)
    sheet.search_text = text
    index_later(sheet)
    return text


def _discard_files(names: list[str]) -> None:
    storage = Evidence._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def attach_evidence(
    *,
    sheet: PracticeSheet,
    actor,
    uploaded,
    description: str = "",
    no_identifiable_child: bool = False,
) -> Evidence:
    """A file checked from its content and stored under a generated name.

    A photo needs the box ticked that no child can be recognised on it; its
    metadata (GPS position, date, camera) is gone before it reaches the disk.
    Whatever fails after the file was written removes it again: no orphan.
    """
    if not sheet.is_editable_by_author():
        raise ValidationError(
            _("Cette fiche ne peut plus être modifiée à cette étape."),
            code="not_editable",
        )
    try:
        checked: CheckedUpload = check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from None
    if checked.content_type in (PNG, JPEG) and not no_identifiable_child:
        raise ValidationError(
            {
                "no_identifiable_child": _(
                    "Une photo n'est acceptée que si aucun enfant n'y est "
                    "reconnaissable : vérifiez-le, puis cochez la case."
                )
            },
            code="identifiable",
        )
    if sheet.evidence.count() >= MAX_EVIDENCE_PER_SHEET:
        raise ValidationError(
            {"file": _("Une fiche compte au plus 20 pièces justificatives.")},
            code="too_many",
        )
    evidence = Evidence(
        sheet=sheet,
        uploaded_by=actor,
        original_name=checked.original_name,
        content_type=checked.content_type,
        size=checked.size,
        description=_clean_text(description),
        no_identifiable_child=bool(no_identifiable_child),
    )
    stored: list[str] = []
    try:
        with transaction.atomic():
            evidence.file.save(f"piece{checked.extension}", checked.content, save=False)
            stored.append(evidence.file.name)
            evidence.full_clean(exclude=["sheet", "uploaded_by"])
            evidence.save()
    except BaseException:
        _discard_files(stored)
        raise
    return evidence


def remove_evidence(*, evidence: Evidence, actor) -> None:
    """The row now, the file once the deletion is committed."""
    if not evidence.sheet.is_editable_by_author():
        raise ValidationError(
            _("Cette fiche ne peut plus être modifiée à cette étape."),
            code="not_editable",
        )
    name = evidence.file.name
    with transaction.atomic():
        evidence.delete()
        transaction.on_commit(lambda: _discard_files([name]))
