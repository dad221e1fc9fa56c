"""Form pieces shared by the apps: text fields with French messages, dates.

Every free-text field refuses NUL characters and states its limit in French; a
required one may say what is missing in its own words (``empty``).
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

NUL = {"null_characters_not_allowed": _("Le texte contient un caractère invalide.")}
TEXT_ERRORS = {
    **NUL,
    "max_length": _("Le texte compte au plus %(limit_value)d caractères."),
}
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"invalid": _("Indiquez une date valide (AAAA-MM-JJ).")}
# The dates a period may use: beyond, a typing slip (« 20266 ») rather than a plan.
EARLIEST, LATEST = datetime.date(2000, 1, 1), datetime.date(2100, 12, 31)


def outside_years(day: datetime.date) -> str:
    """The French message when ``day`` lies outside EARLIEST–LATEST, else ""."""
    if EARLIEST <= day <= LATEST:
        return ""
    return gettext_now("Choisissez une date entre %(first)s et %(last)s.") % {
        "first": EARLIEST.year,
        "last": LATEST.year,
    }


def date_within_years(day: datetime.date) -> datetime.date:
    """A form's ``clean_<date>``: the day, or a ValidationError in French."""
    message = outside_years(day)
    if message:
        raise ValidationError(message)
    return day


def _errors(empty: str) -> dict:
    return {**TEXT_ERRORS, "required": empty} if empty else dict(TEXT_ERRORS)


def line_field(label, *, required=True, max_length=200, help_text="", empty=""):
    """A one-line text input."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        error_messages=_errors(empty),
    )


def text_field(
    label, *, required=True, max_length=5_000, rows=4, help_text="", empty=""
):
    """A text area."""
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages=_errors(empty),
    )
