from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.meetings.models import Session, SessionStatus


class SessionForm(forms.ModelForm):
    """A session's fields; times are read in the person's own zone."""

    starts_at = forms.DateTimeField(
        label=_("Début"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Indiquez la date et l'heure de début."),
            "invalid": _("Entrez une date et une heure valides (AAAA-MM-JJ HH:MM)."),
        },
        help_text=_("Dans votre fuseau horaire."),
    )

    video_url = forms.URLField(
        label=_("Lien de visioconférence"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _("Entrez un lien qui commence par http:// ou https://.")
        },
    )

    class Meta:
        model = Session
        fields = [
            "title",
            "theme",
            "description",
            "starts_at",
            "duration_minutes",
            "format",
            "video_url",
            "place",
            "capacity",
            "status",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "description": _("Markdown accepté."),
            "duration_minutes": _("De 15 à 720 minutes."),
        }
        error_messages = {
            "title": {"required": _("Donnez un titre à la rencontre.")},
        }

    def __init__(self, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Cancelling is its own action, with its notices.
        choices = [c for c in SessionStatus.choices if c[0] != SessionStatus.CANCELLED]
        if creating:
            choices = [
                c
                for c in choices
                if c[0] in (SessionStatus.PLANNED, SessionStatus.CONFIRMED)
            ]
        self.fields["status"].choices = choices
