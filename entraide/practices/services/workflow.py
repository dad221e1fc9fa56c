"""A sheet's journey, one service per step: submitted, reviewed, evaluated, published.

Each service locks the sheet's row, checks that the sheet is still at a step the
move starts from (two representatives deciding at once: the second is told),
writes one ``SheetTransition`` (who, from, to, why) and tells those concerned.
Who may call each one is decided by ``permissions.py``, in the views.
"""

from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.communities.models import CommunityKind, CommunityMembership
from entraide.networks.models import Membership, NetworkRole
from entraide.notifications.services import notify
from entraide.practices.models import (
    PracticeSheet,
    Scope,
    SheetState,
    SheetTransition,
    SheetVersion,
    VersionKind,
)
from entraide.practices.services.authoring import refresh_search_text
from entraide.search.services import index_later

COMMENT_MAX = 5000

REQUEST_CHANGES = "request_changes"
RETAIN = "retain"
SEND_TO_SCIENTIFIC = "send_to_scientific"


def _clean_comment(comment: str, *, field: str = "comment", required=False) -> str:
    comment = (comment or "").strip()
    if required and not comment:
        message = (
            _("Écrivez le motif, il sera transmis à l'autrice ou à l'auteur.")
            if field == "reason"
            else _("Écrivez un commentaire pour dire ce qui est à modifier.")
        )
        raise ValidationError({field: message}, code="required")
    if len(comment) > COMMENT_MAX:
        raise ValidationError(
            {field: _("Le commentaire compte au plus 5 000 caractères.")},
            code="max_length",
        )
    if "\x00" in comment:
        raise ValidationError(
            {field: _("Le texte contient un caractère invalide.")}, code="null"
        )
    return comment


def _locked(sheet: PracticeSheet, allowed: Iterable[str]) -> PracticeSheet:
    """The sheet's row, locked, if it is still at one of the ``allowed`` steps."""
    current = PracticeSheet.objects.select_for_update().filter(pk=sheet.pk).first()
    if current is None or current.state not in allowed:
        state = SheetState(current.state).label if current else ""
        raise ValidationError(
            _(
                "Cette fiche n'est plus à une étape qui le permet "
                "(étape actuelle : %(state)s)."
            )
            % {"state": state},
            code="wrong_state",
        )
    return current


def _move(sheet, current, actor, to_state: str, comment: str, **fields):
    """Save the new step on both the locked row and the caller's object."""
    from_state = current.state
    for obj in (current, sheet):
        obj.state = to_state
        for name, value in fields.items():
            setattr(obj, name, value)
    current.save(update_fields=["state", "updated_at", *fields])
    sheet.updated_at = current.updated_at
    row = SheetTransition(
        sheet=current,
        actor=actor,
        from_state=from_state,
        to_state=to_state,
        comment=comment,
    )
    row.full_clean(exclude=["sheet", "actor"])
    row.save()
    index_later(current)
    return row


def _title(sheet: PracticeSheet) -> str:
    version = sheet.current_version or sheet.published_version
    return version.title if version else f"#{sheet.pk}"


def _tell(people, sheet: PracticeSheet, actor, kind: str, **extra) -> None:
    seen = set()
    context = {
        "network": str(sheet.network),
        "sheet": _title(sheet),
        "sheet_id": sheet.pk,
        **extra,
    }
    for person in people:
        if person is None or person.pk in seen or person == actor:
            continue
        seen.add(person.pk)
        notify(
            recipient=person,
            kind=kind,
            context=context,
            url=sheet.get_absolute_url(),
            actor=actor,
            network=sheet.network,
        )


def _authors(sheet: PracticeSheet) -> list:
    return [sheet.author, *sheet.co_authors.order_by("pk")]


def _committee(sheet: PracticeSheet, kind: str):
    return (
        CommunityMembership.objects.filter(
            community__network=sheet.network_id,
            community__kind=kind,
            community__archived_at__isnull=True,
            user__memberships__network=sheet.network_id,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    )


def _project_leads(sheet: PracticeSheet) -> list:
    return [
        m.user
        for m in Membership.objects.filter(
            network=sheet.network_id,
            role=NetworkRole.PROJECT_LEAD,
            user__is_active=True,
        )
        .select_related("user")
        .order_by("user_id")
    ]


def regional_recipients(sheet: PracticeSheet) -> list:
    """The representatives of the sheet's sub-region (all of them when it has
    none, or none sits for it), then the project leads."""
    reps = _committee(sheet, CommunityKind.REGIONAL_COMMITTEE)
    local = []
    if sheet.subregion_id is not None:
        local = list(
            reps.filter(
                user__memberships__network=sheet.network_id,
                user__memberships__subregion=sheet.subregion_id,
            )
        )
    chosen = local or list(reps)
    authors = {person.pk for person in _authors(sheet) if person is not None}
    people = [m.user for m in chosen] + _project_leads(sheet)
    return [person for person in people if person.pk not in authors]


def _missing_content(sheet: PracticeSheet) -> list[str]:
    version = sheet.current_version
    labels = {
        "title": _("le titre"),
        "summary": _("le résumé"),
        "steps": _("la pratique, étape par étape"),
    }
    if version is None:
        return list(labels.values())
    return [
        label
        for name, label in labels.items()
        if not (getattr(version, name) or "").strip()
    ]


def submit_sheet(*, sheet: PracticeSheet, actor, comment: str = "") -> PracticeSheet:
    """The author sends the sheet to the regional committee of their network."""
    comment = _clean_comment(comment)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.DRAFT, SheetState.NEEDS_CHANGES))
        sheet.current_version = (
            SheetVersion.objects.filter(pk=current.current_version_id).first()
            if current.current_version_id
            else None
        )
        missing = _missing_content(sheet)
        if missing:
            raise ValidationError(
                _("Avant de soumettre la fiche, remplissez : %(fields)s.")
                % {"fields": ", ".join(missing)},
                code="incomplete",
            )
        resubmitted = current.state == SheetState.NEEDS_CHANGES
        _move(
            sheet,
            current,
            actor,
            SheetState.SUBMITTED,
            comment,
            submitted_at=timezone.now(),
        )
        _tell(
            regional_recipients(sheet),
            sheet,
            actor,
            "practices.submitted",
            person=actor.get_full_name() or actor.email,
            again=resubmitted,
        )
    return sheet


def request_changes(*, sheet: PracticeSheet, actor, comment: str) -> PracticeSheet:
    """Back to the author, with what to change."""
    comment = _clean_comment(comment, required=True)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.SUBMITTED,))
        _move(sheet, current, actor, SheetState.NEEDS_CHANGES, comment)
        _tell(_authors(sheet), sheet, actor, "practices.needs_changes", comment=comment)
    return sheet


def retain_sheet(*, sheet: PracticeSheet, actor, comment: str = "") -> PracticeSheet:
    comment = _clean_comment(comment)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.SUBMITTED,))
        _move(sheet, current, actor, SheetState.RETAINED, comment)
        _tell(_authors(sheet), sheet, actor, "practices.retained")
    return sheet


def decline_sheet(*, sheet: PracticeSheet, actor, reason: str) -> PracticeSheet:
    """Not retained: the reason is required and sent to the authors."""
    reason = _clean_comment(reason, field="reason", required=True)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.SUBMITTED,))
        _move(sheet, current, actor, SheetState.NOT_RETAINED, reason)
        _tell(_authors(sheet), sheet, actor, "practices.not_retained", reason=reason)
    return sheet


def send_to_scientific(
    *, sheet: PracticeSheet, actor, comment: str = ""
) -> PracticeSheet:
    comment = _clean_comment(comment)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.RETAINED,))
        _move(sheet, current, actor, SheetState.SENT_TO_SCIENTIFIC, comment)
        committee = _committee(sheet, CommunityKind.SCIENTIFIC_COMMITTEE)
        authors = {person.pk for person in _authors(sheet) if person is not None}
        _tell(
            [m.user for m in committee if m.user_id not in authors],
            sheet,
            actor,
            "practices.sent_to_scientific",
        )
    return sheet


def mark_evaluated(*, sheet: PracticeSheet, actor, comment: str = "") -> PracticeSheet:
    """The scientific committee is done; the project leads formalise next."""
    comment = _clean_comment(comment)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.SENT_TO_SCIENTIFIC,))
        _move(sheet, current, actor, SheetState.EVALUATED, comment)
        _tell(_project_leads(sheet), sheet, actor, "practices.evaluated")
    return sheet


def formalise_sheet(
    *, sheet: PracticeSheet, actor, version: SheetVersion, comment: str = ""
) -> PracticeSheet:
    """Record that ``version`` (formalised, of this sheet) is the one to publish."""
    comment = _clean_comment(comment)
    if version.sheet_id != sheet.pk or version.kind != VersionKind.FORMALISED:
        raise ValidationError(
            _("Cette version n'est pas une version formalisée de la fiche."),
            code="wrong_version",
        )
    with transaction.atomic():
        current = _locked(
            sheet,
            (SheetState.RETAINED, SheetState.EVALUATED, SheetState.FORMALISED),
        )
        _move(sheet, current, actor, SheetState.FORMALISED, comment)
    return sheet


def publish_sheet(
    *, sheet: PracticeSheet, actor, scope: str, comment: str = ""
) -> PracticeSheet:
    """Publish the latest formalised version for the network, the provincial
    pooling or everyone."""
    comment = _clean_comment(comment)
    if scope not in Scope.values:
        raise ValidationError(
            {"scope": _("Choisissez à qui la pratique est diffusée.")}, code="scope"
        )
    if scope == Scope.PROVINCIAL and not sheet.network.shares_provincial_pooling:
        raise ValidationError(
            {"scope": _("Le réseau ne participe pas à la mise en commun provinciale.")},
            code="no_pooling",
        )
    with transaction.atomic():
        current = _locked(sheet, (SheetState.FORMALISED,))
        version = (
            SheetVersion.objects.filter(sheet=current, kind=VersionKind.FORMALISED)
            .order_by("-number")
            .first()
        )
        if version is None:
            raise ValidationError(
                _("La fiche n'a pas encore de version formalisée à publier."),
                code="no_version",
            )
        _move(
            sheet,
            current,
            actor,
            SheetState.PUBLISHED,
            comment,
            published_version=version,
            published_at=timezone.now(),
            scope=scope,
        )
        refresh_search_text(sheet)
        _tell(
            _authors(sheet),
            sheet,
            actor,
            "practices.published",
            scope=scope,
        )
    return sheet


def revise_sheet(*, sheet: PracticeSheet, actor, comment: str = "") -> PracticeSheet:
    """Back to formalised for a new version; readers keep the published one until
    it is published again."""
    comment = _clean_comment(comment)
    with transaction.atomic():
        current = _locked(sheet, (SheetState.PUBLISHED,))
        _move(sheet, current, actor, SheetState.FORMALISED, comment)
    return sheet


BULK_ACTIONS: dict[str, Callable] = {
    REQUEST_CHANGES: lambda sheet, actor, comment: request_changes(
        sheet=sheet, actor=actor, comment=comment
    ),
    RETAIN: lambda sheet, actor, comment: retain_sheet(
        sheet=sheet, actor=actor, comment=comment
    ),
    SEND_TO_SCIENTIFIC: lambda sheet, actor, comment: send_to_scientific(
        sheet=sheet, actor=actor, comment=comment
    ),
}


def bulk_transition(
    *,
    sheets: Iterable[PracticeSheet],
    actor,
    action: str,
    comment: str = "",
    allowed: Callable[[PracticeSheet], bool] | None = None,
) -> list[PracticeSheet]:
    """The same step for several sheets: all of them, or none.

    When one sheet cannot move (wrong step, or ``allowed`` says no), nothing is
    saved and the error lists every sheet that could not, by title.
    """
    if action not in BULK_ACTIONS:
        raise ValidationError({"action": _("Choisissez une action.")}, code="action")
    sheets = list(sheets)
    if not sheets:
        raise ValidationError({"sheets": _("Cochez au moins une fiche.")})
    run = BULK_ACTIONS[action]
    errors = []
    with transaction.atomic():
        for sheet in sheets:
            if allowed is not None and not allowed(sheet):
                errors.append(
                    _("« %(sheet)s » : vous ne pouvez pas faire cette action.")
                    % {"sheet": _title(sheet)}
                )
                continue
            try:
                run(sheet, actor, comment)
            except ValidationError as error:
                if hasattr(error, "error_dict") and "comment" in error.error_dict:
                    raise
                errors.append(
                    _("« %(sheet)s » : %(error)s")
                    % {"sheet": _title(sheet), "error": " ".join(error.messages)}
                )
        if errors:
            raise ValidationError({"sheets": errors}, code="bulk")
    return sheets
