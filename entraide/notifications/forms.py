"""Email preferences: one checkbox per kind of notification."""

from django import forms

from entraide.notifications import kinds


class PreferencesForm(forms.Form):
    def __init__(self, *args, current: dict[str, bool], **kwargs):
        super().__init__(*args, **kwargs)
        for key, kind in kinds.KINDS.items():
            self.fields[key.replace(".", "__")] = forms.BooleanField(
                label=kind.label, required=False, initial=current.get(key)
            )

    def choices(self) -> dict[str, bool]:
        return {
            name.replace("__", "."): value for name, value in self.cleaned_data.items()
        }
