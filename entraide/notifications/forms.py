"""Email preferences: a frequency per kind of notification, and per community."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.notifications import kinds
from entraide.notifications.models import Frequency

AS_FOR_THE_KIND = ""


def kind_field_name(key: str) -> str:
    return "kind_" + key.replace(".", "_")


def override_field_name(community_id: int, key: str) -> str:
    return f"c{community_id}_" + key.replace(".", "_")


class PreferencesForm(forms.Form):
    """One set of radio buttons per kind, then per community the person is in.

    ``current`` maps every kind to its frequency (the default filled in),
    ``overrides`` maps (community id, kind) to a frequency chosen for it.
    """

    def __init__(
        self,
        *args,
        current: dict[str, str],
        communities=(),
        overrides: dict[tuple[int, str], str] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        overrides = overrides or {}
        self.kind_by_field: dict[str, str] = {}
        self.override_by_field: dict[str, tuple[int, str]] = {}
        self.communities = list(communities)
        for key, kind in kinds.KINDS.items():
            name = kind_field_name(key)
            self.kind_by_field[name] = key
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                widget=forms.RadioSelect,
                initial=current.get(key),
                # Left out, the kind keeps its current choice.
                required=False,
            )
        community_choices = [
            (AS_FOR_THE_KIND, _("Comme ci-dessus")),
            *Frequency.choices,
        ]
        for community in self.communities:
            for key, kind in kinds.KINDS.items():
                if not kind.per_community:
                    continue
                name = override_field_name(community.pk, key)
                self.override_by_field[name] = (community.pk, key)
                self.fields[name] = forms.ChoiceField(
                    label=kind.label,
                    choices=community_choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=overrides.get((community.pk, key), AS_FOR_THE_KIND),
                )

    def groups(self) -> list[tuple[str, list]]:
        """(heading, fields) for the kinds, in the order the kinds were added."""
        sections: dict[str, list] = {}
        for name, key in self.kind_by_field.items():
            label = str(kinds.group_label(kinds.get(key).group))
            sections.setdefault(label, []).append(self[name])
        return list(sections.items())

    def community_sections(self) -> list[tuple[object, list]]:
        by_community: dict[int, list] = {c.pk: [] for c in self.communities}
        for name, (community_id, _key) in self.override_by_field.items():
            by_community[community_id].append(self[name])
        return [(c, by_community[c.pk]) for c in self.communities]

    def frequencies(self) -> dict[str, str]:
        return {
            key: self.cleaned_data[name]
            for name, key in self.kind_by_field.items()
            if self.cleaned_data[name]
        }

    def overrides(self) -> dict[tuple[int, str], str]:
        return {
            target: self.cleaned_data[name]
            for name, target in self.override_by_field.items()
        }
