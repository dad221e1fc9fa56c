"""The form of an invitation or a reminder: an optional note from the team."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import text_field
from entraide.surveys.models import MESSAGE_MAX


class MailingForm(forms.Form):
    message = text_field(
        _("Mot d'accompagnement"),
        required=False,
        max_length=MESSAGE_MAX,
        help_text=_(
            "Facultatif. Il paraît dans le courriel, sous le lien vers le sondage."
        ),
    )
