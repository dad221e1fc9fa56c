"""Forms for working together on a tool: comments, suggestions, steps, uses and
links."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.library.models import CommentKind, SuggestionStatus, ToolScope
from entraide.library.services import collaboration, workflow


def _text_errors(limit: str) -> dict:
    return {
        "max_length": limit,
        "null_characters_not_allowed": _("Le texte contient un caractère invalide."),
    }


class ToolCommentForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type de message"),
        widget=forms.RadioSelect,
        choices=CommentKind.choices,
        initial=CommentKind.COMMENT,
        error_messages={
            "required": _("Choisissez un commentaire ou une suggestion."),
            "invalid_choice": _("Choisissez un commentaire ou une suggestion."),
        },
    )
    body = forms.CharField(
        label=_("Message"),
        max_length=collaboration.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Markdown permis. Une suggestion propose une modification que les "
            "coautrices et coauteurs retiendront ou écarteront."
        ),
        error_messages={
            **_text_errors(_("Le message compte au plus 5 000 caractères.")),
            "required": _("Écrivez votre message."),
        },
    )


class ResolveForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Suite donnée"),
        choices=[
            (SuggestionStatus.ACCEPTED, SuggestionStatus.ACCEPTED.label),
            (SuggestionStatus.DECLINED, SuggestionStatus.DECLINED.label),
        ],
        error_messages={
            "required": _("Choisissez de retenir ou d'écarter la suggestion."),
            "invalid_choice": _("Choisissez de retenir ou d'écarter la suggestion."),
        },
    )


class StepForm(forms.Form):
    """An optional comment, kept in the tool's history."""

    comment = forms.CharField(
        label=_("Commentaire (facultatif)"),
        required=False,
        max_length=workflow.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Conservé dans l'historique de l'outil."),
        error_messages=_text_errors(
            _("Le commentaire compte au plus 2 000 caractères.")
        ),
    )


class PublishForm(StepForm):
    scope = forms.ChoiceField(
        label=_("Diffusion"),
        widget=forms.RadioSelect,
        choices=[
            (
                ToolScope.COMMUNITY,
                _(
                    "Membres de la communauté : les membres de la communauté "
                    "qui l'a bâti"
                ),
            ),
            (
                ToolScope.NETWORK,
                _("Réseau : toutes les personnes membres du réseau"),
            ),
            (
                ToolScope.PUBLIC,
                _("Public : tout le monde, sans connexion"),
            ),
        ],
        error_messages={
            "required": _("Choisissez à qui l'outil est diffusé."),
            "invalid_choice": _("Choisissez une diffusion de la liste."),
        },
    )
    field_order = ["scope", "comment"]


class UseForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment l'avez-vous utilisé? (facultatif)"),
        required=False,
        max_length=collaboration.USE_COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages=_text_errors(_("Le commentaire compte au plus 500 caractères.")),
    )


class LinksForm(forms.Form):
    """Sheets and agenda items to link. The choices shown are the linked ones and
    a short list to pick from; any readable sheet or item of the community may be
    sent (a search narrows the list)."""

    practices = forms.ModelMultipleChoiceField(
        label=_("Fiches de pratique"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Une des fiches choisies n'est pas une fiche publiée que vous "
                "pouvez lire."
            ),
            "invalid_pk_value": _("Choisissez des fiches de la liste."),
        },
    )
    agenda_items = forms.ModelMultipleChoiceField(
        label=_("Points d'ordre du jour"),
        required=False,
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _(
                "Un des points choisis n'est pas à l'ordre du jour d'une rencontre "
                "de la communauté de l'outil."
            ),
            "invalid_pk_value": _("Choisissez des points de la liste."),
        },
    )

    def __init__(
        self,
        *args,
        practices,
        agenda_items,
        practice_choices,
        agenda_choices,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["practices"].queryset = practices
        self.fields["agenda_items"].queryset = agenda_items
        self.fields["practices"].widget.choices = practice_choices
        self.fields["agenda_items"].widget.choices = agenda_choices
        if not agenda_choices:
            del self.fields["agenda_items"]
