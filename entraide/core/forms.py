"""Form pieces shared by the apps: text fields with French messages, dates.

Every free-text field refuses NUL characters and states its limit in French; a
required one may say what is missing in its own words (``empty``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

NUL = {"null_characters_not_allowed": _("Le texte contient un caractère invalide.")}
TEXT_ERRORS = {
    **NUL,
    "max_length": _("Le texte compte au plus %(limit_value)d caractères."),
}
DATE = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
DATE_ERRORS = {"invalid": _("Indiquez une date valide (AAAA-MM-JJ).")}


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
