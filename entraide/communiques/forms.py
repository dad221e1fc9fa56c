"""Forms of the communiqué: the draft, a text item, scheduling, consent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole
from entraide.core.forms import line_field, text_field
from entraide.networks.models import SubRegion


class CommuniqueForm(forms.Form):
    subject = line_field(_("Objet du courriel"), empty=_("Écrivez l'objet."))
    intro = text_field(
        _("Mot d'introduction"),
        required=False,
        rows=6,
        help_text=_("En Markdown."),
    )
    job_roles = forms.MultipleChoiceField(
        label=_("Seulement ces rôles (aucun coché : tout le monde)"),
        choices=JobRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    subregions = forms.ModelMultipleChoiceField(
        label=_("Seulement ces sous-régions (aucune cochée : toutes)"),
        queryset=SubRegion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subregions"].queryset = SubRegion.objects.filter(
            network=network
        ).order_by("name")


class TextItemForm(forms.Form):
    title = line_field(_("Titre"), required=False)
    text = text_field(_("Texte"), required=False, rows=3)


class ScheduleForm(forms.Form):
    scheduled_for = forms.DateTimeField(
        label=_("Date et heure de l'envoi"),
        widget=forms.DateTimeInput(
            format="%Y-%m-%dT%H:%M", attrs={"type": "datetime-local"}
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Choisissez la date et l'heure."),
            "invalid": _("Indiquez une date et une heure valides."),
        },
    )


class ConsentForm(forms.Form):
    accept = forms.BooleanField(
        required=False,
        label=_("Je veux recevoir le communiqué mensuel par courriel"),
    )
