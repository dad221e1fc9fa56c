"""The request for a report: its kind (those the person may ask for) and a period."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import DATE, DATE_ERRORS, date_within_years
from entraide.reports.models import ReportKind
from entraide.reports.services import check_period


class ReportRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Rapport"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez un rapport."),
            "invalid_choice": _("Choisissez un rapport de la liste."),
        },
    )
    period_start = forms.DateField(
        label=_("Du"),
        widget=DATE,
        error_messages=DATE_ERRORS
        | {"required": _("Indiquez le début de la période.")},
    )
    period_end = forms.DateField(
        label=_("Au"),
        widget=DATE,
        error_messages=DATE_ERRORS | {"required": _("Indiquez la fin de la période.")},
    )

    def __init__(self, *args, kinds, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(ReportKind.choices)
        self.fields["kind"].choices = [(kind, labels[kind]) for kind in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]

    def clean_period_start(self):
        return date_within_years(self.cleaned_data["period_start"])

    def clean_period_end(self):
        return date_within_years(self.cleaned_data["period_end"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end:
            try:
                check_period(start, end)
            except forms.ValidationError as error:
                for field, errors in error.error_dict.items():
                    self.add_error(field, errors)
        return cleaned
