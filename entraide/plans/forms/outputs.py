"""The progress report's date range."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import DATE, DATE_ERRORS, date_within_years
from entraide.plans.selectors_report import default_range


class ReportRangeForm(forms.Form):
    start = forms.DateField(label=_("Du"), widget=DATE, error_messages=DATE_ERRORS)
    end = forms.DateField(label=_("Au"), widget=DATE, error_messages=DATE_ERRORS)

    def clean_start(self):
        return date_within_years(self.cleaned_data["start"])

    def clean_end(self):
        return date_within_years(self.cleaned_data["end"])

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("La fin de la période doit suivre son début."))
        return cleaned


def range_form(query, today: datetime.date) -> ReportRangeForm:
    """The form bound to the query string, or to the default range when it is empty."""
    if query.get("start") or query.get("end"):
        return ReportRangeForm(query)
    start, end = default_range(today)
    return ReportRangeForm({"start": start.isoformat(), "end": end.isoformat()})
