"""allauth adapter: new accounts take the language the page was shown in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = translation.get_language()
        user.language = "en" if language and language.startswith("en") else "fr-ca"
        if commit:
            user.save()
        return user
