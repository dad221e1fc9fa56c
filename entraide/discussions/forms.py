"""Forms of the discussions: threads, replies, reasons, filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.discussions.models import ThreadKind


class ThreadFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *ThreadKind.choices],
    )
    followed = forms.BooleanField(label=_("Sujets que je suis"), required=False)
    unanswered = forms.BooleanField(label=_("Questions sans réponse"), required=False)
