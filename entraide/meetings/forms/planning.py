"""Forms of the yearly programme: the themes, the cadence and the proposed rows."""

from datetime import time

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.dates import MONTHS, WEEKDAYS
from django.utils.translation import gettext_lazy as _

from entraide.meetings import planning
from entraide.meetings.models import MAX_DURATION, MIN_DURATION, SessionFormat


class YearThemesForm(forms.Form):
    titles = forms.CharField(
        label=_("Thèmes de la saison, un par ligne"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Dans l'ordre où ils seront abordés : le planificateur les donne aux "
            "rencontres dans cet ordre."
        ),
        error_messages={"max_length": _("La liste des thèmes est trop longue.")},
    )

    def titles_list(self) -> list[str]:
        return self.cleaned_data["titles"].splitlines()


class Preset:
    MONTHLY = "monthly"
    THREE_FOUR = "three_four"
    CUSTOM = "custom"


PRESET_CHOICES = [
    (Preset.MONTHLY, _("Une fois par mois")),
    (Preset.THREE_FOUR, _("3 à 4 fois entre septembre et mai")),
    (Preset.CUSTOM, _("Un nombre précis de rencontres")),
]
WEEK_CHOICES = [
    (1, _("1re semaine")),
    (2, _("2e semaine")),
    (3, _("3e semaine")),
    (4, _("4e semaine")),
    (planning.LAST_WEEK, _("Dernière semaine")),
]
THREE_FOUR = ((9, 5), 4)


class CadenceForm(forms.Form):
    """How many sessions, when in the month, at what time: step 1 of the planner."""

    preset = forms.ChoiceField(
        label=_("Fréquence"),
        choices=PRESET_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez une fréquence.")},
    )
    count = forms.IntegerField(
        label=_("Nombre de rencontres"),
        required=False,
        validators=[
            MinValueValidator(1, _("Indiquez au moins 1 rencontre.")),
            MaxValueValidator(
                planning.MAX_SESSIONS,
                _("Indiquez au plus 52 rencontres (une par semaine)."),
            ),
        ],
        help_text=_("Pour « Un nombre précis de rencontres »."),
        error_messages={"invalid": _("Entrez un nombre entier.")},
    )
    first_month = forms.TypedChoiceField(
        label=_("Premier mois"),
        coerce=int,
        error_messages={"invalid_choice": _("Choisissez un mois de la saison.")},
    )
    last_month = forms.TypedChoiceField(
        label=_("Dernier mois"),
        coerce=int,
        error_messages={"invalid_choice": _("Choisissez un mois de la saison.")},
    )
    weekday = forms.TypedChoiceField(
        label=_("Jour de la semaine"),
        coerce=int,
        choices=[(number, name) for number, name in WEEKDAYS.items()],
        error_messages={"invalid_choice": _("Choisissez un jour de la semaine.")},
    )
    week = forms.TypedChoiceField(
        label=_("Semaine du mois"),
        coerce=int,
        choices=WEEK_CHOICES,
        error_messages={"invalid_choice": _("Choisissez une semaine du mois.")},
    )
    start_time = forms.TimeField(
        label=_("Heure de début"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        input_formats=["%H:%M", "%H h %M", "%Hh%M"],
        error_messages={
            "required": _("Indiquez l'heure de début."),
            "invalid": _("Entrez une heure valide (HH:MM), p. ex. 18:30."),
        },
    )
    duration_minutes = forms.IntegerField(
        label=_("Durée (minutes)"),
        validators=[
            MinValueValidator(
                MIN_DURATION, _("Une rencontre dure au moins 15 minutes.")
            ),
            MaxValueValidator(
                MAX_DURATION, _("Une rencontre dure au plus 12 heures (720 minutes).")
            ),
        ],
        help_text=_("De 15 à 720 minutes."),
        error_messages={
            "required": _("Indiquez la durée."),
            "invalid": _("Entrez un nombre entier de minutes."),
        },
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=SessionFormat.choices,
        error_messages={"invalid_choice": _("Choisissez un format.")},
    )

    def __init__(self, *args, community, season: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.season = season
        self.anchor = planning.season_anchor(community)
        self.province = community.network.province
        months = [(self.anchor + i - 1) % 12 + 1 for i in range(12)]
        choices = [
            (m, f"{MONTHS[m]} {planning.month_of_season(season, m, self.anchor).year}")
            for m in months
        ]
        self.fields["first_month"].choices = choices
        self.fields["last_month"].choices = choices
        first, last = planning.default_months(community, season)
        most = community.sessions_per_year_max
        self.initial = {
            "preset": Preset.CUSTOM if most else Preset.MONTHLY,
            "count": most,
            "first_month": first.month,
            "last_month": last.month,
            "weekday": 1,
            "week": 2,
            "start_time": time(18, 30),
            "duration_minutes": 90,
            "format": SessionFormat.VIRTUAL,
            **self.initial,
        }

    def clean(self):
        data = super().clean()
        needed = ("preset", "first_month", "last_month", "weekday", "week")
        if any(name not in data for name in needed) or "start_time" not in data:
            return data
        preset = data["preset"]
        if preset == Preset.THREE_FOUR:
            (first_month, last_month), count = THREE_FOUR
        else:
            first_month, last_month = data["first_month"], data["last_month"]
            count = data.get("count")
        first = planning.month_of_season(self.season, first_month, self.anchor)
        last = planning.month_of_season(self.season, last_month, self.anchor)
        if last < first:
            self.add_error(
                "first_month" if preset == Preset.THREE_FOUR else "last_month",
                _("Le dernier mois doit venir après le premier."),
            )
            return data
        if preset == Preset.MONTHLY:
            count = len(planning.months_between(first, last))
        elif preset == Preset.CUSTOM and count is None:
            if "count" not in self.errors:
                self.add_error("count", _("Indiquez le nombre de rencontres."))
            return data
        if count is None:
            return data
        self.cadence = planning.Cadence(
            first=first,
            last=last,
            count=count,
            weekday=data["weekday"],
            week=data["week"],
            start_time=data["start_time"],
            duration_minutes=data.get("duration_minutes") or 90,
        )
        try:
            planning.propose(self.cadence, province=self.province)
        except planning.PlanningError as error:
            self.add_error("count", str(error))
        return data


class SessionRowForm(forms.Form):
    """One proposed session of step 2: kept or not, its date, its title."""

    keep = forms.BooleanField(label=_("Créer cette rencontre"), required=False)
    starts_at = forms.DateTimeField(
        label=_("Date et heure"),
        required=False,
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "invalid": _("Entrez une date et une heure valides (AAAA-MM-JJ HH:MM).")
        },
    )
    title = forms.CharField(label=_("Titre"), required=False, max_length=200)
    theme = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)
    note = forms.CharField(required=False, max_length=300, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        if not data.get("keep"):
            # A row left out does not hold the others back.
            for name in ("starts_at", "title", "theme", "note"):
                self._errors.pop(name, None)
            return data
        if not data.get("starts_at") and "starts_at" not in self.errors:
            self.add_error("starts_at", _("Indiquez la date et l'heure de début."))
        if not data.get("title") and "title" not in self.errors:
            self.add_error("title", _("Donnez un titre à la rencontre."))
        return data


RowFormSet = forms.formset_factory(
    SessionRowForm,
    extra=0,
    max_num=planning.MAX_SESSIONS,
    absolute_max=planning.MAX_SESSIONS,
    validate_max=True,
)
