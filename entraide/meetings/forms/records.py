"""Forms of a session's records: the attendance sheet, the minutes, follow-ups."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.meetings.models import (
    FIRST_YEAR,
    LAST_YEAR,
    AttendanceStatus,
    FollowUp,
    FollowUpStatus,
    Session,
)
from entraide.meetings.services.records import MAX_DECISIONS


def person_label(user) -> str:
    return user.get_full_name() or user.email


class AttendanceForm(forms.Form):
    """One radio group per person of the sheet; a person left blank is unchanged."""

    FIELD_PREFIX = "status_"

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = list(people)
        for person in self.people:
            self.fields[self.field_name(person)] = forms.ChoiceField(
                label=person_label(person),
                choices=AttendanceStatus.choices,
                required=False,
                initial=person.attendance,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _(
                        "Choisissez présente ou présent, absente ou absent, ou "
                        "absence motivée."
                    )
                },
            )

    def field_name(self, person) -> str:
        return f"{self.FIELD_PREFIX}{person.pk}"

    def rows(self):
        """(person, bound field) pairs for the table, in the sheet's order."""
        return [(person, self[self.field_name(person)]) for person in self.people]

    def statuses(self, *, everyone_present: bool = False) -> dict[int, str]:
        if everyone_present:
            return {person.pk: AttendanceStatus.PRESENT for person in self.people}
        return {
            person.pk: self.cleaned_data[self.field_name(person)]
            for person in self.people
            if self.cleaned_data.get(self.field_name(person))
        }


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Compte rendu"),
        required=False,
        max_length=Session._meta.get_field("minutes").max_length,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Markdown accepté : **gras**, listes avec « - », titres avec « ## »."
        ),
    )
    decisions = forms.CharField(
        label=_("Décisions"),
        required=False,
        max_length=MAX_DECISIONS * 2100,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Une décision par ligne, dans l'ordre."),
    )
    version = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_decisions(self) -> list[str]:
        lines = self.cleaned_data["decisions"].splitlines()
        return [line.strip() for line in lines if line.strip()]


class DueDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FollowUpForm(forms.ModelForm):
    """What, who and when; the status too once the follow-up exists."""

    due_on = forms.DateField(
        label=_("Échéance"),
        required=False,
        widget=DueDateInput(),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": _("Entrez une date valide (AAAA-MM-JJ).")},
    )

    class Meta:
        model = FollowUp
        fields = ["description", "assignee", "due_on", "status"]
        labels = {"description": _("Suivi à faire")}
        error_messages = {
            "description": {"required": _("Décrivez le suivi à faire.")},
            "assignee": {
                "invalid_choice": _("Choisissez une personne membre de la communauté.")
            },
        }

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = people
        self.fields["assignee"].label_from_instance = person_label
        self.fields["assignee"].empty_label = _("Personne pour l'instant")
        if self.instance.pk is None:
            del self.fields["status"]

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on is not None and not FIRST_YEAR <= due_on.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Entrez une date entre %(first)s et %(last)s."),
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return due_on

    def _post_clean(self):
        # The service validates the row and membership; the form only parses.
        pass


class FollowUpStatusForm(forms.Form):
    """The status alone: what the person given the follow-up may change."""

    status = forms.ChoiceField(
        label=_("Statut"),
        choices=FollowUpStatus.choices,
        error_messages={
            "required": _("Choisissez un statut."),
            "invalid_choice": _("Choisissez un statut de la liste."),
        },
    )
