"""allauth adapter: Quebec French messages, mail in the person's language, queued."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import Language, User


def language_of(user) -> str:
    """The language to write to a person in: theirs, else the page's."""
    if user is not None and getattr(user, "language", ""):
        return user.language
    current = translation.get_language() or settings.LANGUAGE_CODE
    return (Language.ENGLISH if current.startswith("en") else Language.FRENCH).value


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("Ce compte est désactivé."),
        "cannot_remove_primary_email": _(
            "Vous ne pouvez pas retirer votre adresse courriel principale."
        ),
        "duplicate_email": _("Cette adresse courriel est déjà liée à votre compte."),
        "email_password_mismatch": _(
            "Le courriel ou le mot de passe est incorrect. Vérifiez-les et réessayez."
        ),
        "email_taken": _("Un compte utilise déjà cette adresse courriel."),
        "enter_current_password": _("Saisissez votre mot de passe actuel."),
        "incorrect_password": _("Mot de passe incorrect."),
        "invalid_or_expired_key": _("Ce lien n'est plus valide."),
        "invalid_login": _("Connexion impossible."),
        "invalid_password_reset": _(
            "Ce lien de réinitialisation du mot de passe n'est plus valide."
        ),
        "max_email_addresses": _(
            "Vous ne pouvez pas ajouter plus de %d adresses courriel."
        ),
        "too_many_login_attempts": _(
            "Trop de tentatives de connexion. Réessayez un peu plus tard."
        ),
        "unknown_email": _("Cette adresse courriel ne correspond à aucun compte."),
        "unverified_primary_email": _(
            "Votre adresse courriel principale doit d'abord être confirmée."
        ),
        "same_as_current": _("La nouvelle valeur doit être différente de l'actuelle."),
        "rate_limited": _("Trop de demandes en peu de temps. Patientez un moment."),
    }

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.language = language_of(None)
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render the message as allauth does, in the recipient's language, then
        queue its sending once the surrounding transaction has committed.
        """
        request = allauth_context.request
        recipient = context.get("user")
        if recipient is None:
            recipient = User.objects.filter(email__iexact=email).first()
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            "site_url": settings.SITE_URL,
            **context,
        }
        language = language_of(recipient)
        with translation.override(language):
            message = self.render_mail(template_prefix, email, ctx)
        html = next(
            (
                body
                for body, mime in getattr(message, "alternatives", []) or []
                if mime == "text/html"
            ),
            "",
        )
        payload = {
            "subject": message.subject,
            "body": message.body,
            "html": html,
            "from_email": message.from_email,
            "to": list(message.to),
            "headers": {**message.extra_headers, "Content-Language": language},
        }

        def enqueue():
            from entraide.accounts.tasks import send_account_email

            send_account_email.enqueue(payload)

        transaction.on_commit(enqueue)
