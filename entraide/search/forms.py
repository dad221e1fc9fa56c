"""The search box and its filters: a query, a kind, a community."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import line_field
from entraide.search.models import Kind

QUERY_MAX = 200


def suggest_attrs(url: str) -> dict:
    """HTMX asks for suggestions as the person types (no script of our own)."""
    return {
        "hx-get": url,
        "hx-trigger": "input changed delay:250ms, search",
        "hx-target": "#search-suggestions",
        "hx-swap": "innerHTML",
    }


class SearchForm(forms.Form):
    q = line_field(_("Rechercher"), required=False, max_length=QUERY_MAX)
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tout"))] + list(Kind.choices),
        error_messages={"invalid_choice": _("Choisissez un type dans la liste.")},
    )
    communaute = forms.ChoiceField(
        label=_("Communauté"),
        required=False,
        error_messages={
            "invalid_choice": _("Choisissez une communauté dans la liste.")
        },
    )

    def __init__(self, *args, communities=(), suggest_url="", **kwargs):
        super().__init__(*args, **kwargs)
        self.communities = {c.slug: c for c in communities}
        self.fields["communaute"].choices = [("", _("Toutes"))] + [
            (c.slug, c.name) for c in communities
        ]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "autocomplete": "off", "spellcheck": "false"}
        )
        if suggest_url:
            self.fields["q"].widget.attrs.update(suggest_attrs(suggest_url))

    def community(self):
        return self.communities.get(self.cleaned_data.get("communaute") or "")
