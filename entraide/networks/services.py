"""Writes to a network: territory, organisations, people, invitations, imports."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from entraide.networks import imports
from entraide.networks.models import (
    MANAGING_ROLES,
    NAME_TAKEN,
    ImportKind,
    Invitation,
    Membership,
    Network,
    NetworkRole,
    Organisation,
    PendingImport,
    Region,
    SubRegion,
    hash_token,
)
from entraide.networks.selectors import name_taken
from entraide.notifications.services import notify
from entraide.search.services import index_later

# --- Territory --------------------------------------------------------------------


def _unique_name(queryset, instance: Model, key: str) -> None:
    if name_taken(queryset, instance.name, exclude_pk=instance.pk):
        raise ValidationError({"name": _taken(key, instance.name)})


def _taken(key: str, name: str) -> str:
    return str(NAME_TAKEN[key]) % {"name": name}


def _save(instance: Model, key: str) -> Model:
    """Validate and save; a unique name taken in the meantime is a form error."""
    instance.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError:
        raise ValidationError({"name": _taken(key, instance.name)}) from None
    return instance


@transaction.atomic
def save_region(*, network: Network, actor, region: Region | None = None, data: dict):
    region = region or Region(network=network)
    for name, value in data.items():
        setattr(region, name, value)
    _unique_name(network.regions.all(), region, "region")
    return _save(region, "region")


@transaction.atomic
def save_subregion(
    *, network: Network, actor, subregion: SubRegion | None = None, data: dict
):
    subregion = subregion or SubRegion()
    for name, value in data.items():
        setattr(subregion, name, value)
    if subregion.region.network_id != network.pk:
        raise ValidationError({"region": _("Choisissez une région de ce réseau.")})
    subregion.network = network
    _unique_name(network.subregions.all(), subregion, "subregion")
    return _save(subregion, "subregion")


@transaction.atomic
def delete_region(*, region: Region, actor) -> None:
    region = Region.objects.select_for_update().get(pk=region.pk)
    organisations = Organisation.objects.filter(subregion__region=region).count()
    people = Membership.objects.filter(subregion__region=region).count()
    if organisations or people:
        raise ValidationError(
            _(
                "La région « %(name)s » ne peut pas être supprimée : "
                "%(organisations)s organisation(s) et %(people)s personne(s) sont "
                "encore rattachées à ses sous-régions. Changez d'abord leur "
                "sous-région."
            )
            % {"name": region.name, "organisations": organisations, "people": people}
        )
    region.delete()


@transaction.atomic
def delete_subregion(*, subregion: SubRegion, actor) -> None:
    subregion = SubRegion.objects.select_for_update().get(pk=subregion.pk)
    organisations = subregion.organisations.count()
    people = subregion.memberships.count()
    if organisations or people:
        raise ValidationError(
            _(
                "La sous-région « %(name)s » ne peut pas être supprimée : "
                "%(organisations)s organisation(s) et %(people)s personne(s) y sont "
                "encore rattachées. Changez d'abord leur sous-région."
            )
            % {
                "name": subregion.name,
                "organisations": organisations,
                "people": people,
            }
        )
    subregion.delete()


# --- Organisations ----------------------------------------------------------------


def _check_tenant(network: Network, **objects) -> None:
    for field, obj in objects.items():
        if obj is not None and obj.network_id != network.pk:
            raise ValidationError({field: _("Choisissez une valeur de ce réseau.")})


@transaction.atomic
def save_organisation(
    *, network: Network, actor, organisation: Organisation | None = None, data: dict
) -> Organisation:
    organisation = organisation or Organisation(network=network)
    for name, value in data.items():
        setattr(organisation, name, value)
    _check_tenant(network, subregion=organisation.subregion)
    _unique_name(network.organisations.all(), organisation, "organisation")
    return _save(organisation, "organisation")


# --- People -----------------------------------------------------------------------


def _role_label(role: str, user) -> str:
    with translation.override(user.language or "fr-ca"):
        return str(NetworkRole(role).label)


def _keep_a_manager(network: Network, *, leaving: Membership) -> None:
    """Refuse a change that would leave the network without any manager."""
    managers = list(
        Membership.objects.select_for_update()
        .filter(network=network, role__in=MANAGING_ROLES)
        .values_list("pk", flat=True)
    )
    if managers == [leaving.pk]:
        raise ValidationError(
            _(
                "Le réseau doit garder au moins une chargée ou un chargé de projet ou "
                "une administratrice ou un administrateur. Donnez d'abord ce rôle à "
                "une autre personne."
            ),
            code="last_manager",
        )


@transaction.atomic
def change_membership(
    *,
    membership: Membership,
    actor,
    role: str,
    organisation: Organisation | None,
    subregion: SubRegion | None,
) -> Membership:
    """Change a person's role, organisation and sub-region; tell them of a new role."""
    membership = (
        Membership.objects.select_for_update()
        .select_related("network", "user")
        .get(pk=membership.pk)
    )
    network = membership.network
    _check_tenant(network, organisation=organisation, subregion=subregion)
    old_role = membership.role
    if old_role in MANAGING_ROLES and role not in MANAGING_ROLES:
        _keep_a_manager(network, leaving=membership)
    membership.role = role
    membership.organisation = organisation
    membership.subregion = subregion
    membership.full_clean()
    membership.save()
    index_later(membership)
    if role != old_role:
        notify(
            recipient=membership.user,
            kind="networks.role_changed",
            context={
                "network": network.name,
                "role": _role_label(role, membership.user),
            },
            url=network.get_absolute_url(),
            actor=actor,
            network=network,
        )
    return membership


@transaction.atomic
def remove_membership(*, membership: Membership, actor) -> None:
    """Take a person out of the network; their next request no longer reaches it."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role in MANAGING_ROLES:
        _keep_a_manager(membership.network, leaving=membership)
    membership.delete()
    index_later(membership)


# --- Invitations ------------------------------------------------------------------


class InvitationUnusable(Exception):
    """The link cannot be used; ``reason`` is unknown, expired, revoked or used."""

    def __init__(self, reason: str, invitation: Invitation | None = None):
        super().__init__(reason)
        self.reason = reason
        self.invitation = invitation


class AlreadyMember(Exception):
    def __init__(self, invitation: Invitation):
        super().__init__(invitation.network.slug)
        self.invitation = invitation


def _queue_invitation_email(invitation_id: int) -> None:
    from entraide.networks.tasks import send_invitation_email

    send_invitation_email.enqueue(invitation_id)


def _request_email(invitation: Invitation) -> None:
    """Ask for the email once the transaction commits (the row is saved by then)."""
    invitation.email_requested_at = timezone.now()
    transaction.on_commit(lambda: _queue_invitation_email(invitation.pk), robust=True)


@transaction.atomic
def invite_person(
    *,
    network: Network,
    actor,
    email: str,
    role: str = NetworkRole.MEMBER,
    organisation: Organisation | None = None,
    subregion: SubRegion | None = None,
) -> Invitation:
    """Create an invitation and email its link once the transaction commits."""
    email = email.strip().lower()
    _check_tenant(network, organisation=organisation, subregion=subregion)
    if network.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(
            {"email": _("Cette personne fait déjà partie du réseau.")}
        )
    if (
        Invitation.objects.pending()
        .filter(network=network, email__iexact=email)
        .exists()
    ):
        raise ValidationError(
            {
                "email": _(
                    "Une invitation est déjà en attente pour ce courriel. Vous pouvez "
                    "la renvoyer depuis la liste des invitations."
                )
            }
        )
    invitation = Invitation(
        network=network,
        email=email,
        role=role,
        organisation=organisation,
        subregion=subregion,
        invited_by=actor,
    )
    invitation.issue_token()
    _request_email(invitation)
    invitation.full_clean()
    invitation.save()
    return invitation


def _lock_open_invitation(invitation: Invitation) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("Cette invitation a déjà été acceptée."))
    if invitation.revoked_at is not None:
        raise ValidationError(_("Cette invitation a été annulée."))
    return invitation


@transaction.atomic
def resend_invitation(*, invitation: Invitation, actor) -> Invitation:
    """Send a new link (the old one stops working) valid for a full period again."""
    invitation = _lock_open_invitation(invitation)
    invitation.issue_token()
    invitation.expires_at = Invitation._meta.get_field("expires_at").get_default()
    _request_email(invitation)
    invitation.save(
        update_fields=["token_nonce", "token_hash", "expires_at", "email_requested_at"]
    )
    return invitation


@transaction.atomic
def revoke_invitation(*, invitation: Invitation, actor) -> Invitation:
    invitation = _lock_open_invitation(invitation)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    return invitation


def unusable_reason(invitation: Invitation | None) -> str | None:
    if invitation is None:
        return "unknown"
    if invitation.accepted_at is not None:
        return "used"
    if invitation.revoked_at is not None:
        return "revoked"
    if invitation.is_expired():
        return "expired"
    return None


@transaction.atomic
def accept_invitation(*, token: str, user) -> Membership:
    """Make the signed-in person a member, exactly once per invitation.

    The invitation row is locked first, so a second click waits and then finds it
    used. Any signed-in account may accept: people often have several addresses.
    """
    invitation = (
        Invitation.objects.select_for_update()
        .filter(token_hash=hash_token(token))
        .first()
    )
    reason = unusable_reason(invitation)
    if reason is not None:
        raise InvitationUnusable(reason, invitation)
    network = invitation.network
    if Membership.objects.filter(network=network, user=user).exists():
        raise AlreadyMember(invitation)
    membership = Membership(
        network=network,
        user=user,
        role=invitation.role,
        organisation=invitation.organisation,
        subregion=invitation.subregion,
    )
    membership.full_clean(validate_constraints=False)
    membership.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    _fill_blank_profile(user, invitation)
    index_later(membership)
    inviter = invitation.invited_by
    if inviter is not None and inviter.is_active and inviter.pk != user.pk:
        notify(
            recipient=inviter,
            kind="networks.invitation_accepted",
            context={"person": str(user), "network": network.name},
            url=network.get_absolute_url(),
            actor=user,
            network=network,
        )
    notify(
        recipient=user,
        kind="networks.joined",
        context={"network": network.name},
        url=network.get_absolute_url(),
        actor=inviter,
        network=network,
    )
    return membership


def _fill_blank_profile(user, invitation: Invitation) -> None:
    """Names and job from an import fill only what the person left empty."""
    changed = []
    for field in ("first_name", "last_name", "job_role"):
        if not getattr(user, field) and getattr(invitation, field):
            setattr(user, field, getattr(invitation, field))
            changed.append(field)
    if changed:
        user.save(update_fields=changed)


# --- Imports ----------------------------------------------------------------------


class ImportRefused(Exception):
    """Nothing was written; ``preview`` (if any) says which lines are wrong."""

    def __init__(self, message: str, preview: imports.Preview | None = None):
        super().__init__(message)
        self.message = message
        self.preview = preview


def stage_import(
    *, network: Network, actor, kind: str, text: str, filename: str
) -> PendingImport:
    """Keep an uploaded file's text on the server until it is confirmed."""
    from entraide.networks.selectors import PENDING_IMPORT_LIFETIME

    with transaction.atomic():
        PendingImport.objects.filter(
            created_at__lt=timezone.now() - PENDING_IMPORT_LIFETIME
        ).delete()
        PendingImport.objects.filter(
            network=network, created_by=actor, kind=kind
        ).delete()
        pending = PendingImport(
            network=network,
            created_by=actor,
            kind=ImportKind(kind),
            filename=filename[:255],
            content=text,
        )
        pending.full_clean()
        pending.save()
    return pending


def cancel_import(*, pending: PendingImport, actor) -> None:
    PendingImport.objects.filter(pk=pending.pk).delete()


def confirm_import(*, pending: PendingImport, actor, roles: list[str]) -> dict:
    """Parse the kept text again and write every line or none.

    Returns counts by what was done. Raises ImportRefused if a line is wrong now
    (the network may have changed since the preview) or if it was already done.
    """
    try:
        with transaction.atomic():
            locked = (
                PendingImport.objects.select_for_update()
                .select_related("network")
                .filter(pk=pending.pk)
                .first()
            )
            if locked is None:
                raise ImportRefused(_("Cette importation a déjà été faite ou annulée."))
            network = locked.network
            preview = imports.preview(locked.kind, network, locked.content, roles=roles)
            if not preview.can_confirm:
                raise ImportRefused(
                    _("Rien n'a été importé : corrigez le fichier puis recommencez."),
                    preview,
                )
            if locked.kind == ImportKind.PEOPLE:
                counts = _write_people(network, actor, preview)
            else:
                counts = _write_organisations(network, preview)
            locked.delete()
    except IntegrityError:
        raise ImportRefused(
            _(
                "Rien n'a été importé : les données du réseau ont changé pendant "
                "l'importation. Téléversez le fichier de nouveau."
            )
        ) from None
    return counts


def _write_organisations(network: Network, preview: imports.Preview) -> dict:
    organisations = []
    for row in preview.to_write:
        organisation = Organisation(network=network, **row.data)
        organisation.full_clean(validate_unique=False, validate_constraints=False)
        organisations.append(organisation)
    Organisation.objects.bulk_create(organisations, batch_size=500)
    return {"organisations": len(organisations)}


def _write_people(network: Network, actor, preview: imports.Preview) -> dict:
    memberships, invitations = [], []
    now = timezone.now()
    for row in preview.to_write:
        data = dict(row.data)
        email = data.pop("email")
        if row.status == imports.Status.MEMBERSHIP:
            memberships.append(Membership(network=network, **data))
            continue
        invitation = Invitation(network=network, email=email, invited_by=actor, **data)
        invitation.issue_token()
        invitation.email_requested_at = now
        invitation.full_clean(validate_unique=False, validate_constraints=False)
        invitations.append(invitation)
    Membership.objects.bulk_create(memberships, batch_size=500)
    created = Invitation.objects.bulk_create(invitations, batch_size=500)
    for membership in memberships:
        index_later(membership)
        notify(
            recipient=membership.user,
            kind="networks.joined",
            context={"network": network.name},
            url=network.get_absolute_url(),
            actor=actor,
            network=network,
        )
    for invitation in created:
        pk = invitation.pk
        transaction.on_commit(lambda pk=pk: _queue_invitation_email(pk), robust=True)
    return {"memberships": len(memberships), "invitations": len(invitations)}
