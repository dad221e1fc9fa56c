"""Account forms: allauth's in Quebec French, the profile, privacy and deletion."""

from allauth.account import forms as allauth_forms
from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from entraide.accounts.models import (
    JobRole,
    Language,
    User,
    reject_invisible_characters,
)
from entraide.networks.models import Organisation, SubRegion

EMAIL_LABEL = _("Courriel")
EMAIL_ERRORS = {
    "required": _("Indiquez votre adresse courriel."),
    "invalid": _("Saisissez une adresse courriel valide, par exemple nom@exemple.ca."),
}
LANGUAGE_NAMES = [(Language.FRENCH, "Français"), (Language.ENGLISH, "English")]
PASSWORD_HELP = _(
    "Au moins 8 caractères. Une phrase de passe longue et facile à retenir est "
    "idéale; les mots de passe trop courants sont refusés."
)


class QuebecFieldsMixin:
    """Quebec wording for allauth's fields, without placeholders.

    Labels stay visible above each field, so a placeholder would only repeat them
    (in France's wording: « adresse e-mail »).
    """

    field_labels: dict = {}
    field_help: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if isinstance(field, forms.EmailField):
                field.label = EMAIL_LABEL
                field.error_messages.update(EMAIL_ERRORS)
            if name in self.field_labels:
                field.label = self.field_labels[name]
            if isinstance(field.widget, forms.PasswordInput):
                field.help_text = self.field_help.get(name, "")


class NameField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 100)
        super().__init__(**kwargs)
        # One message for NUL and its invisible cousins, not two.
        self.validators = [
            *(
                v
                for v in self.validators
                if not isinstance(v, ProhibitNullCharactersValidator)
            ),
            reject_invisible_characters,
        ]


class SignupForm(QuebecFieldsMixin, allauth_forms.SignupForm):
    first_name = NameField(
        label=_("Prénom"), widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = NameField(
        label=pgettext_lazy("family name", "Nom"),
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    job_role = forms.ChoiceField(
        label=_("Fonction"), choices=[("", "—"), *JobRole.choices], required=False
    )

    field_labels = {
        "password1": _("Mot de passe"),
        "password2": _("Mot de passe (confirmation)"),
    }
    field_help = {"password1": PASSWORD_HELP}
    field_order = [
        "first_name",
        "last_name",
        "email",
        "job_role",
        "password1",
        "password2",
    ]

    def save(self, request):
        user = super().save(request)
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.job_role = self.cleaned_data.get("job_role", "")
        user.save(update_fields=["first_name", "last_name", "job_role"])
        return user


class LoginForm(QuebecFieldsMixin, allauth_forms.LoginForm):
    field_labels = {"password": _("Mot de passe")}


class ReauthenticateForm(QuebecFieldsMixin, allauth_forms.ReauthenticateForm):
    field_labels = {"password": _("Mot de passe")}


class ResetPasswordForm(QuebecFieldsMixin, allauth_forms.ResetPasswordForm):
    pass


class ResetPasswordKeyForm(QuebecFieldsMixin, allauth_forms.ResetPasswordKeyForm):
    field_labels = {
        "password1": _("Nouveau mot de passe"),
        "password2": _("Nouveau mot de passe (confirmation)"),
    }
    field_help = {"password1": PASSWORD_HELP}


class ChangePasswordForm(QuebecFieldsMixin, allauth_forms.ChangePasswordForm):
    field_labels = {
        "oldpassword": _("Mot de passe actuel"),
        "password1": _("Nouveau mot de passe"),
        "password2": _("Nouveau mot de passe (confirmation)"),
    }
    field_help = {"password1": PASSWORD_HELP}


class SetPasswordForm(QuebecFieldsMixin, allauth_forms.SetPasswordForm):
    field_labels = {
        "password1": _("Mot de passe"),
        "password2": _("Mot de passe (confirmation)"),
    }
    field_help = {"password1": PASSWORD_HELP}


class AddEmailForm(QuebecFieldsMixin, allauth_forms.AddEmailForm):
    field_labels = {"email": _("Adresse courriel à ajouter")}


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "job_role", "language", "time_zone"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }
        error_messages = {
            "first_name": {"required": _("Indiquez votre prénom.")},
            "last_name": {"required": _("Indiquez votre nom.")},
            "job_role": {"invalid_choice": _("Choisissez une fonction dans la liste.")},
            "language": {"invalid_choice": _("Choisissez le français ou l'anglais.")},
            "time_zone": {
                "invalid_choice": _(
                    "Choisissez un fuseau horaire canadien dans la liste."
                )
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True
        self.fields["job_role"].choices = [("", "—"), *JobRole.choices]
        # Each language is named in itself, whatever the page's language.
        self.fields["language"].choices = LANGUAGE_NAMES


class PlacementForm(forms.Form):
    """Where a person works within one of their networks.

    The choices hold only that network's organisations and sub-regions, so an id
    from another network is refused like any unknown value.
    """

    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Aucune —"),
        error_messages={
            "invalid_choice": _("Choisissez une organisation de ce réseau.")
        },
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("— Aucune —"),
        error_messages={
            "invalid_choice": _("Choisissez une sous-région de ce réseau.")
        },
    )

    def __init__(self, *args, membership, **kwargs):
        kwargs.setdefault("prefix", f"reseau-{membership.network_id}")
        kwargs.setdefault(
            "initial",
            {
                "organisation": membership.organisation_id,
                "subregion": membership.subregion_id,
            },
        )
        super().__init__(*args, **kwargs)
        self.membership = membership
        network = membership.network_id
        self.fields["organisation"].queryset = Organisation.objects.filter(
            network=network
        ).order_by("name")
        self.fields["subregion"].queryset = SubRegion.objects.filter(network=network)


class PrivacyForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["profile_visibility", "show_email"]
        widgets = {"profile_visibility": forms.RadioSelect}
        error_messages = {
            "profile_visibility": {
                "required": _("Choisissez qui peut voir votre profil."),
                "invalid_choice": _("Choisissez une des options proposées."),
            }
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Saisissez votre mot de passe pour confirmer.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("Mot de passe incorrect."), code="incorrect_password"
            )
        return password
