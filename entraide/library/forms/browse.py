"""The filters of the tools list (a GET form: nothing is written)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole
from entraide.library.models import Licence, ToolKind, ToolLanguage
from entraide.practices.models import AgeGroup

QUERY_MAX = 200


class Sort:
    NEWEST = "recents"
    TITLE = "titre"
    MOST_DOWNLOADED = "telechargements"
    MOST_USED = "utilisations"


SORT_CHOICES = (
    ("", _("Pertinence ou plus récents")),
    (Sort.NEWEST, _("Plus récents")),
    (Sort.TITLE, _("Titre")),
    (Sort.MOST_DOWNLOADED, _("Plus téléchargés")),
    (Sort.MOST_USED, _("Plus utilisés")),
)


def _any(choices, label=None):
    return [("", label or _("Tous"))] + [(v, lbl) for v, lbl in choices if v]


def _choice(label, choices, empty=None):
    return forms.ChoiceField(
        label=label,
        choices=_any(choices, empty),
        required=False,
        error_messages={
            "invalid_choice": _("Ce choix n'existe pas; le filtre est ignoré.")
        },
    )


def _model_choice(label, empty):
    return forms.ModelChoiceField(
        label=label,
        queryset=None,
        required=False,
        empty_label=empty,
        error_messages={
            "invalid_choice": _("Ce choix n'existe pas; le filtre est ignoré.")
        },
    )


class ToolFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=QUERY_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
        error_messages={
            "max_length": _("La recherche compte au plus 200 caractères."),
        },
    )
    kind = _choice(_("Type d'outil"), ToolKind.choices)
    theme = _model_choice(_("Thème"), _("Tous"))
    audience = _choice(_("Public visé"), JobRole.choices)
    age = _choice(_("Groupe d'âge"), AgeGroup.choices)
    language = _choice(_("Langue"), ToolLanguage.choices, _("Toutes"))
    community = _model_choice(_("Communauté"), _("Toutes"))
    licence = _choice(_("Licence"), Licence.choices, _("Toutes"))
    sort = forms.ChoiceField(
        label=_("Trier par"),
        choices=SORT_CHOICES,
        required=False,
        error_messages={
            "invalid_choice": _("Ce tri n'existe pas; l'ordre habituel est gardé.")
        },
    )

    def __init__(self, data=None, *, network, communities):
        super().__init__(data)
        self.fields["theme"].queryset = network.practice_themes.all()
        self.fields["community"].queryset = communities

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].replace("\x00", " ").split())

    def filters(self) -> dict:
        """The valid filters only: a wrong value is shown on its field and ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}
