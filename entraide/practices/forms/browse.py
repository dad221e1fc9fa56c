"""The filters of the published practices list (a GET form: nothing is written)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.practices.models import AgeGroup, EvidenceLevel, Setting

QUERY_MAX = 200


class Sort:
    NEWEST = "recentes"
    TITLE = "titre"
    MOST_EVALUATED = "evaluations"
    RELEVANCE = "pertinence"


SORT_CHOICES = (
    ("", _("Pertinence ou plus récentes")),
    (Sort.NEWEST, _("Plus récentes")),
    (Sort.TITLE, _("Titre")),
    (Sort.MOST_EVALUATED, _("Plus évaluées")),
)


def _any(choices, label=None):
    return [("", label or _("Tous"))] + [(v, lbl) for v, lbl in choices if v]


class PracticeFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=QUERY_MAX,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = forms.ModelChoiceField(
        label=_("Thème"), queryset=None, required=False, empty_label=_("Tous")
    )
    zone = forms.ModelChoiceField(
        label=_("Zone d'intervention"),
        queryset=None,
        required=False,
        empty_label=_("Toutes"),
    )
    age = forms.ChoiceField(
        label=_("Groupe d'âge"), choices=_any(AgeGroup.choices), required=False
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"), queryset=None, required=False, empty_label=_("Toutes")
    )
    setting = forms.ChoiceField(
        label=_("Milieu"), choices=_any(Setting.choices), required=False
    )
    evidence = forms.ChoiceField(
        label=_("Niveau de preuve"),
        choices=_any(EvidenceLevel.choices),
        required=False,
    )
    sort = forms.ChoiceField(label=_("Trier par"), choices=SORT_CHOICES, required=False)

    def __init__(self, data=None, *, network):
        super().__init__(data)
        self.fields["theme"].queryset = network.practice_themes.all()
        self.fields["zone"].queryset = network.intervention_zones.all()
        self.fields["subregion"].queryset = network.subregions.order_by(
            "position", "name"
        )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].replace("\x00", " ").split())

    def filters(self) -> dict:
        """The valid filters only: a wrong value is shown on its field and ignored."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {name: data.get(name) for name in self.fields if name not in self.errors}
