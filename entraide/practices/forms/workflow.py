"""Forms of a sheet's steps: a comment (or a reason), and the committee's queue."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.practices.models import AgeGroup, PracticeSheet
from entraide.practices.selectors import REGIONAL_QUEUE_STATES
from entraide.practices.services import workflow

COMMENT_ERRORS = {
    "max_length": _("Le commentaire compte au plus 5 000 caractères."),
    "null_characters_not_allowed": _("Le texte contient un caractère invalide."),
}


class CommentForm(forms.Form):
    """An optional comment, kept in the sheet's history."""

    comment = forms.CharField(
        label=_("Commentaire (facultatif)"),
        required=False,
        max_length=workflow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Conservé dans l'historique de la fiche."),
        error_messages=COMMENT_ERRORS,
    )


class ChangesForm(forms.Form):
    comment = forms.CharField(
        label=_("Modifications demandées"),
        max_length=workflow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Transmis à l'autrice ou à l'auteur de la fiche."),
        error_messages={
            **COMMENT_ERRORS,
            "required": _("Écrivez un commentaire pour dire ce qui est à modifier."),
        },
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=workflow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Transmis à l'autrice ou à l'auteur de la fiche."),
        error_messages={
            **COMMENT_ERRORS,
            "required": _(
                "Écrivez le motif, il sera transmis à l'autrice ou à l'auteur."
            ),
        },
    )


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Étape"),
        required=False,
        choices=[(state.value, state.label) for state in REGIONAL_QUEUE_STATES],
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        required=False,
        queryset=None,
        empty_label=_("Toutes les sous-régions"),
    )
    age_group = forms.ChoiceField(
        label=_("Groupe d'âge"),
        required=False,
        choices=[("", _("Tous les groupes d'âge")), *AgeGroup.choices],
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subregion"].queryset = network.subregions.all()

    def filters(self) -> dict:
        """The valid filters only: a value someone typed in the address is ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        filters = {
            "subregion": data.get("subregion"),
            "age_group": data.get("age_group") or None,
        }
        if data.get("state"):
            filters["state"] = data["state"]
        return filters


BULK_CHOICES = [
    (workflow.RETAIN, _("Retenir")),
    (workflow.SEND_TO_SCIENTIFIC, _("Envoyer au comité scientifique")),
    (workflow.REQUEST_CHANGES, _("Demander des modifications")),
]


class BulkForm(forms.Form):
    sheets = forms.ModelMultipleChoiceField(
        label=_("Fiches"),
        queryset=PracticeSheet.objects.none(),
        widget=forms.MultipleHiddenInput,
        error_messages={
            "required": _("Cochez au moins une fiche."),
            "invalid_choice": _(
                "Une des fiches cochées n'est plus en attente du comité."
            ),
            "invalid_pk_value": _(
                "Une des fiches cochées n'est plus en attente du comité."
            ),
        },
    )
    action = forms.ChoiceField(
        label=_("Action"),
        choices=BULK_CHOICES,
        error_messages={
            "required": _("Choisissez une action."),
            "invalid_choice": _("Choisissez une action."),
        },
    )
    comment = forms.CharField(
        label=_("Commentaire"),
        required=False,
        max_length=workflow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Obligatoire pour demander des modifications; le même commentaire est "
            "transmis pour chaque fiche cochée."
        ),
        error_messages=COMMENT_ERRORS,
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sheets"].queryset = queryset

    def clean(self):
        data = super().clean()
        if (
            data.get("action") == workflow.REQUEST_CHANGES
            and not (data.get("comment") or "").strip()
        ):
            self.add_error(
                "comment",
                _("Écrivez un commentaire pour dire ce qui est à modifier."),
            )
        return data
