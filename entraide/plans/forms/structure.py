"""Forms to build a plan, put actions in someone's charge, follow them up.

None of them carries a field a person may not set: the plan of an action, its
status on creation, the author of a note are set by the view and the service.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from entraide.communities.models import Community
from entraide.core.forms import DATE, DATE_ERRORS
from entraide.core.forms import line_field as _line
from entraide.core.forms import text_field as _text
from entraide.networks.models import SubRegion
from entraide.plans.models import (
    ActionStatus,
    PlanStatus,
    ScheduleKind,
    month_end,
    month_start,
)

MONTH = forms.DateInput(format="%Y-%m", attrs={"type": "month"})
MONTH_ERRORS = {"invalid": _("Indiquez un mois valide (AAAA-MM).")}


def _position():
    return forms.IntegerField(
        label=_("Ordre"),
        required=False,
        min_value=0,
        max_value=32_767,
        help_text=_("Laissez vide pour placer à la fin."),
        error_messages={
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("L'ordre est un nombre positif."),
            "max_value": _("L'ordre compte au plus 32 767."),
        },
    )


def _month(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=MONTH,
        input_formats=["%Y-%m", "%Y-%m-%d"],
        error_messages=MONTH_ERRORS,
    )


def _date(label, *, help_text=""):
    return forms.DateField(
        label=label,
        required=False,
        widget=DATE,
        help_text=help_text,
        error_messages=DATE_ERRORS,
    )


class PlanForm(forms.Form):
    title = _line(_("Titre"), empty=_("Donnez un titre au plan."))
    context = _text(
        _("Contexte"),
        required=False,
        rows=6,
        help_text=_(
            "Le projet que le plan sert, le mandat du réseau. Markdown permis."
        ),
    )
    period_start = forms.DateField(
        label=_("Début de la période"),
        widget=DATE,
        error_messages={**DATE_ERRORS, "required": _("Indiquez le début.")},
    )
    period_end = forms.DateField(
        label=_("Fin de la période"),
        widget=DATE,
        error_messages={**DATE_ERRORS, "required": _("Indiquez la fin.")},
    )
    status = forms.ChoiceField(
        label=_("État"),
        choices=PlanStatus.choices,
        initial=PlanStatus.DRAFT,
        help_text=_("Un plan en préparation n'est visible que des responsables."),
        error_messages={"invalid_choice": _("Choisissez un état de la liste.")},
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error(
                "period_end", _("La fin de la période doit suivre son début.")
            )
        return data


class MandateForm(forms.Form):
    title = _line(_("Mandat"), max_length=300, empty=_("Nommez le mandat."))
    description = _text(_("Description"), required=False)
    position = _position()


class ObjectiveForm(forms.Form):
    title = _line(_("Objectif"), max_length=500, empty=_("Nommez l'objectif."))
    description = _text(_("Description"), required=False)
    position = _position()


class TargetForm(forms.Form):
    expected_result = _text(
        _("Cible (résultat attendu)"), empty=_("Décrivez le résultat attendu.")
    )
    position = _position()


class ActionForm(forms.Form):
    description = _text(_("Action"), max_length=2_000, empty=_("Décrivez l'action."))
    responsible_people = forms.ModelMultipleChoiceField(
        label=_("Personnes responsables"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("Des membres du réseau ; elles seront avisées."),
        error_messages={
            "invalid_choice": _("Choisissez des membres du réseau."),
            "invalid_pk_value": _("Choisissez des membres du réseau."),
            "invalid_list": _("Choisissez des membres du réseau."),
        },
    )
    responsible_communities = forms.ModelMultipleChoiceField(
        label=_("Communautés ou comités responsables"),
        queryset=Community.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choisissez des communautés ou des comités du réseau."),
            "invalid_pk_value": _(
                "Choisissez des communautés ou des comités du réseau."
            ),
            "invalid_list": _("Choisissez des communautés ou des comités du réseau."),
        },
    )
    responsible_note = _line(
        _("Autre précision"),
        required=False,
        help_text=_("Par exemple : chargée de projet et CRO."),
    )
    schedule_kind = forms.ChoiceField(
        label=_("Échéancier"),
        choices=ScheduleKind.choices,
        initial=ScheduleKind.MONTHS,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez un type d'échéancier."),
            "invalid_choice": _("Choisissez un type d'échéancier de la liste."),
        },
    )
    start_month = _month(_("Mois de début"))
    end_month = _month(_("Mois de fin"))
    start_date = _date(_("Date de début"))
    end_date = _date(_("Date de fin"))
    schedule_note = _line(
        _("Échéancier (libellé)"),
        required=False,
        help_text=_(
            "Les mots du plan, par exemple : dès la sortie des résultats. "
            "Obligatoire pour un moment précis."
        ),
    )
    deadline = _date(_("Date limite"), help_text=_("Facultative."))
    position = _position()
    lock_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31
    )

    # The schedule's fields for each kind: (start, end, start required, end required).
    SCHEDULE_FIELDS = {
        ScheduleKind.MONTHS: ("start_month", "end_month", True, True),
        ScheduleKind.DATES: ("start_date", "end_date", True, True),
        ScheduleKind.ONGOING: ("start_month", None, False, False),
        ScheduleKind.MOMENT: (None, None, False, False),
    }

    def __init__(self, *args, network, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_people"].queryset = (
            get_user_model()
            .objects.filter(memberships__network=network, is_active=True)
            .order_by("last_name", "first_name", "email")
        )
        self.fields["responsible_communities"].queryset = Community.objects.filter(
            network=network, archived_at__isnull=True
        ).order_by("name")
        if not editing:
            del self.fields["lock_version"]

    def clean(self):
        data = super().clean()
        kind = data.get("schedule_kind")
        if kind not in self.SCHEDULE_FIELDS:
            return data
        start_name, end_name, need_start, need_end = self.SCHEDULE_FIELDS[kind]
        start = data.get(start_name) if start_name else None
        end = data.get(end_name) if end_name else None
        if need_start and start is None and start_name not in self.errors:
            self.add_error(start_name, _("Indiquez le début."))
        if need_end and end is None and end_name not in self.errors:
            self.add_error(end_name, _("Indiquez la fin."))
        if kind in (ScheduleKind.MONTHS, ScheduleKind.ONGOING) and start:
            start = month_start(start)
        if kind == ScheduleKind.MONTHS and end:
            end = month_end(end)
        if start and end and end < start:
            self.add_error(end_name, _("La fin doit suivre le début."))
        if kind == ScheduleKind.MOMENT and not data.get("schedule_note"):
            if "schedule_note" not in self.errors:
                self.add_error("schedule_note", _("Décrivez le moment prévu."))
        data["starts_on"] = start
        data["ends_on"] = end
        return data

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("start_month", "end_month", "start_date", "end_date"):
            data.pop(name, None)
        data.pop("lock_version", None)
        data["responsible_people"] = list(data.get("responsible_people") or [])
        data["responsible_communities"] = list(
            data.get("responsible_communities") or []
        )
        return data

    @staticmethod
    def initial_for(action) -> dict:
        initial = {
            "description": action.description,
            "responsible_people": [p.pk for p in action.responsible_people.all()],
            "responsible_communities": [
                c.pk for c in action.responsible_communities.all()
            ],
            "responsible_note": action.responsible_note,
            "schedule_kind": action.schedule_kind,
            "schedule_note": action.schedule_note,
            "deadline": action.deadline,
            "position": action.position,
            "lock_version": action.lock_version,
        }
        if action.schedule_kind == ScheduleKind.DATES:
            initial.update(start_date=action.starts_on, end_date=action.ends_on)
        else:
            initial.update(start_month=action.starts_on, end_month=action.ends_on)
        return initial


# Error keys of the model's own checks, shown on this form's fields.
SCHEDULE_ERROR_FIELDS = {
    ScheduleKind.MONTHS: {"starts_on": "start_month", "ends_on": "end_month"},
    ScheduleKind.DATES: {"starts_on": "start_date", "ends_on": "end_date"},
    ScheduleKind.ONGOING: {"starts_on": "start_month", "ends_on": "start_month"},
    ScheduleKind.MOMENT: {},
}


class ProgressForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        choices=ActionStatus.choices,
        help_text=_("« En retard » s'affiche de lui-même une fois l'échéance passée."),
        error_messages={
            "required": _("Choisissez un état."),
            "invalid_choice": _("Choisissez un état de la liste."),
        },
    )
    progress = forms.IntegerField(
        label=_("Avancement (%)"),
        min_value=0,
        max_value=100,
        help_text=_("De 0 à 100. Une action terminée est à 100 %."),
        error_messages={
            "required": _("Indiquez l'avancement."),
            "invalid": _("Indiquez un nombre entier de 0 à 100."),
            "min_value": _("Indiquez un nombre entier de 0 à 100."),
            "max_value": _("Indiquez un nombre entier de 0 à 100."),
        },
    )
    comment = _text(_("Commentaire"), required=False, rows=3)


class FollowUpForm(forms.Form):
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        empty_label=None,
        error_messages={
            "required": _("Choisissez la sous-région."),
            "invalid_choice": _(
                "Vous ne pouvez consigner un suivi que pour votre sous-région."
            ),
        },
    )
    text = _text(_("Suivi"), rows=6, empty=_("Écrivez le suivi."))
    impacts = _text(_("Impacts observés"), required=False, rows=4)

    def __init__(self, *args, network, allowed=None, **kwargs):
        """``allowed``: the sub-region ids one may choose; ``None`` means all."""
        super().__init__(*args, **kwargs)
        subregions = SubRegion.objects.filter(network=network).order_by("name")
        if allowed is not None:
            subregions = subregions.filter(pk__in=allowed)
        self.fields["subregion"].queryset = subregions
