"""Account forms: sign-up asks for a name, the profile form edits the rest."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole, User


class SignupForm(AllauthSignupForm):
    first_name = forms.CharField(label=_("Prénom"), max_length=100)
    last_name = forms.CharField(label=_("Nom"), max_length=100)
    job_role = forms.ChoiceField(
        label=_("Fonction"), choices=[("", "—"), *JobRole.choices], required=False
    )

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


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "first_name",
            "last_name",
            "job_role",
            "language",
            "time_zone",
            "profile_visibility",
            "show_email",
        ]
