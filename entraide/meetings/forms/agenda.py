"""Forms of a session's agenda: a point, a decline reason, a document."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import User
from entraide.core.uploads import ACCEPTED_HELP
from entraide.meetings.models import AgendaItem


def _person_label(user) -> str:
    return user.get_full_name() or user.email


class AgendaItemForm(forms.ModelForm):
    presenter = forms.ModelChoiceField(
        label=_("Présenté par"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("— Aucune —"),
        error_messages={
            "invalid_choice": _(
                "Choisissez une personne membre de la communauté dans la liste."
            )
        },
    )

    class Meta:
        model = AgendaItem
        fields = [
            "title",
            "duration_minutes",
            "presenter",
            "presenter_name",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
        labels = {"presenter_name": _("Ou personne invitée (nom)")}
        help_texts = {
            "description": _("Markdown accepté."),
            "duration_minutes": _("En minutes, de 1 à 720."),
            "presenter_name": _(
                "Pour une personne qui n'est pas membre de la communauté."
            ),
        }
        error_messages = {
            "title": {
                "required": _("Donnez un titre au point."),
                "max_length": _(
                    "Le titre compte au plus 200 caractères "
                    "(il en compte %(show_value)d)."
                ),
            },
            "description": {
                "max_length": _(
                    "La description compte au plus 5 000 caractères "
                    "(elle en compte %(show_value)d)."
                )
            },
            "duration_minutes": {
                "invalid": _("Indiquez la durée en minutes, par exemple 15."),
            },
            "presenter_name": {
                "max_length": _("Le nom compte au plus 200 caractères."),
            },
        }

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["presenter"].queryset = User.objects.filter(
            community_memberships__community=community
        ).order_by("first_name", "last_name", "pk")
        self.fields["presenter"].label_from_instance = _person_label

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Donnez un titre au point."), code="required")
        return title

    def clean(self):
        data = super().clean()
        if data.get("presenter") and (data.get("presenter_name") or "").strip():
            self.add_error(
                "presenter_name",
                _(
                    "Choisissez une personne de la communauté ou écrivez le nom "
                    "d'une personne invitée, pas les deux."
                ),
            )
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (facultatif)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Envoyé à la personne qui a proposé le point."),
        error_messages={
            "max_length": _("Le motif compte au plus 1 000 caractères."),
        },
    )


class AgendaDocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Document"),
        help_text=ACCEPTED_HELP,
        error_messages={
            "required": _("Choisissez un fichier."),
            "empty": _("Le fichier est vide."),
            "invalid": _("Ce fichier n'a pas pu être lu."),
        },
    )
