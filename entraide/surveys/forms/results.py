"""Turning a ranking of themes into the community's themes for a school year."""

from django import forms
from django.utils.translation import gettext_lazy, ngettext


class ThemesForm(forms.Form):
    season = forms.TypedChoiceField(label=gettext_lazy("Année scolaire"), coerce=int)
    count = forms.TypedChoiceField(
        label=gettext_lazy("Nombre de thèmes à créer"), coerce=int
    )

    def __init__(self, *args, seasons, options, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["season"].choices = [(s, f"{s}–{s + 1}") for s in seasons]
        self.fields["count"].choices = [
            (n, ngettext("Le premier", "Les %(n)s premiers", n) % {"n": n})
            for n in range(options, 0, -1)
        ]
