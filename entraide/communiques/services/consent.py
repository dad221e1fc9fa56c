"""Consent to receive the communiqué, and unsubscribing without signing in.

The wording a person accepts is kept with its version and language, so what they
agreed to can be shown later word for word (Law 25, CASL).
"""

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from entraide.communiques.models import PURPOSE_COMMUNIQUE, Consent

WORDING_VERSION = 1
WORDINGS = {
    1: _(
        "J'accepte de recevoir par courriel le communiqué mensuel de %(network)s : "
        "nouvelles pratiques et outils, rencontres à venir et nouvelles du réseau. "
        "Je peux me désabonner en tout temps par le lien de chaque communiqué."
    ),
}
TOKEN_SALT = "entraide.communiques.unsubscribe"


def wording(network, *, version: int = WORDING_VERSION) -> str:
    return str(WORDINGS[version]) % {"network": network.name}


def give_consent(*, user, network) -> Consent:
    """Record the person's yes, in the words shown to them now; idempotent."""
    language = translation.get_language() or "fr-ca"
    with transaction.atomic():
        existing = (
            Consent.objects.select_for_update()
            .filter(
                user=user,
                network=network,
                purpose=PURPOSE_COMMUNIQUE,
                withdrawn_at__isnull=True,
            )
            .first()
        )
        if existing is not None:
            return existing
        consent = Consent(
            user=user,
            network=network,
            purpose=PURPOSE_COMMUNIQUE,
            wording_version=WORDING_VERSION,
            wording=wording(network),
            language=language,
            given_at=timezone.now(),
        )
        consent.full_clean()
        try:
            with transaction.atomic():
                consent.save()
        except IntegrityError:
            # Given at the same moment in another tab: that one stands.
            return Consent.objects.get(
                user=user,
                network=network,
                purpose=PURPOSE_COMMUNIQUE,
                withdrawn_at__isnull=True,
            )
    return consent


def withdraw_consent(*, user, network) -> int:
    """Withdraw at once; pending emails of the person are not sent. How many."""
    return Consent.objects.filter(
        user=user,
        network=network,
        purpose=PURPOSE_COMMUNIQUE,
        withdrawn_at__isnull=True,
    ).update(withdrawn_at=timezone.now())


def unsubscribe_token(*, user, network) -> str:
    """A signed, lasting token naming the person and the network (no login)."""
    return signing.dumps({"u": user.pk, "n": network.pk}, salt=TOKEN_SALT)


def read_token(token: str) -> tuple[int, int] | None:
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    user_id, network_id = data.get("u"), data.get("n")
    if not isinstance(user_id, int) or not isinstance(network_id, int):
        return None
    return user_id, network_id
