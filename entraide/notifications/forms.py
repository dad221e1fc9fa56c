"""Email preferences: one checkbox per kind of notification."""

from django import forms

from entraide.notifications import kinds


class PreferencesForm(forms.Form):
    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        self.kind_by_field: dict[str, str] = {}
        for key, kind in kinds.KINDS.items():
            name = "kind_" + key.replace(".", "_")
            self.kind_by_field[name] = key
            self.fields[name] = forms.BooleanField(
                label=kind.label, required=False, initial=current.get(key)
            )

    def choices(self) -> dict[str, bool]:
        return {
            key: self.cleaned_data[name] for name, key in self.kind_by_field.items()
        }
