"""Writes to a person's own account: profile, privacy choices, deletion."""

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entraide.accounts.models import User
from entraide.networks.models import Invitation, Membership, Organisation, SubRegion
from entraide.search.services import index_person_later

PROFILE_FIELDS = frozenset(
    {"first_name", "last_name", "job_role", "language", "time_zone"}
)
PRIVACY_FIELDS = frozenset({"profile_visibility", "show_email"})

Placement = tuple[Membership, Organisation | None, SubRegion | None]


def _set_fields(user: User, data: dict, allowed: frozenset) -> None:
    unknown = set(data) - allowed
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    for field, value in data.items():
        setattr(user, field, value)


@transaction.atomic
def update_profile(
    *, user: User, data: dict, placements: Iterable[Placement] = ()
) -> User:
    """Save the person's profile and where they work in each of their networks.

    An organisation or sub-region must belong to the membership's own network.
    """
    _set_fields(user, data, PROFILE_FIELDS)
    user.full_clean()
    user.save(update_fields=sorted(data))
    for membership, organisation, subregion in placements:
        if membership.user_id != user.pk:
            raise ValueError("A person only places themselves.")
        errors = {}
        if organisation is not None and organisation.network_id != (
            membership.network_id
        ):
            errors["organisation"] = _("Choisissez une organisation de ce réseau.")
        if subregion is not None and subregion.network_id != membership.network_id:
            errors["subregion"] = _("Choisissez une sous-région de ce réseau.")
        if errors:
            raise ValidationError(errors)
        membership.organisation = organisation
        membership.subregion = subregion
        membership.save(update_fields=["organisation", "subregion"])
    index_person_later(user)
    return user


@transaction.atomic
def update_privacy(*, user: User, data: dict) -> User:
    _set_fields(user, data, PRIVACY_FIELDS)
    user.full_clean()
    user.save(update_fields=sorted(data))
    index_person_later(user)
    return user


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Remove the person and everything that names them.

    Memberships, notifications, email addresses and preferences cascade with the
    user row; invitations sent to their addresses and the sign-in records kept by
    the login throttle hold their address too, so they go as well.
    """
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    addresses = {user.email.lower()} | {
        address.lower()
        for address in EmailAddress.objects.filter(user=user).values_list(
            "email", flat=True
        )
    }
    for address in addresses:
        Invitation.objects.filter(email__iexact=address).delete()
        for model in (AccessAttempt, AccessFailureLog, AccessLog):
            model.objects.filter(username__iexact=address).delete()
    user.delete()
