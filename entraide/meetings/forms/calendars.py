"""The form that makes a calendar feed: the person's own, or one community's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.communities.models import Community


class FeedForm(forms.Form):
    community = forms.ModelChoiceField(
        label=_("communauté"),
        queryset=Community.objects.none(),
        required=False,
        error_messages={
            "invalid_choice": _("Choisissez une communauté dont vous êtes membre.")
        },
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = Community.objects.filter(
            memberships__user=user
        ).select_related("network")
