"""Forms for a plan's indicators and the values measured by hand for them."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.communities.models import Community
from entraide.core.forms import DATE, DATE_ERRORS, NUL
from entraide.networks.models import SubRegion
from entraide.plans.models import (
    LATE,
    LATE_LABEL,
    Action,
    ActionStatus,
    IndicatorKind,
)
from entraide.surveys.models import Audience, Survey

NUMBER_ERRORS = {
    "invalid": _("Indiquez un nombre."),
    "max_digits": _("Le nombre compte au plus 12 chiffres."),
    "max_decimal_places": _("Le nombre compte au plus 2 décimales."),
    "max_whole_digits": _("Le nombre compte au plus 10 chiffres avant la virgule."),
}


def _number(label, *, required=False, help_text=""):
    return forms.DecimalField(
        label=label,
        required=required,
        max_digits=12,
        decimal_places=2,
        localize=True,
        help_text=help_text,
        error_messages={**NUMBER_ERRORS, "required": _("Indiquez un nombre.")},
    )


class IndicatorForm(forms.Form):
    name = forms.CharField(
        label=_("Nom de l'indicateur"),
        max_length=200,
        error_messages={
            **NUL,
            "required": _("Nommez l'indicateur."),
            "max_length": _("Le nom compte au plus 200 caractères."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Mesure"),
        choices=IndicatorKind.choices,
        initial=IndicatorKind.MANUAL,
        help_text=_(
            "Un indicateur calculé compte l'activité du réseau et se met à jour "
            "de lui-même."
        ),
        error_messages={
            "required": _("Choisissez comment l'indicateur se mesure."),
            "invalid_choice": _("Choisissez une mesure de la liste."),
        },
    )
    community = forms.ModelChoiceField(
        label=_("Communauté"),
        queryset=Community.objects.none(),
        required=False,
        help_text=_(
            "Obligatoire pour les rencontres tenues ; limite les personnes "
            "présentes et les outils publiés à cette communauté."
        ),
        error_messages={"invalid_choice": _("Choisissez une communauté du réseau.")},
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        help_text=_("Pour les personnes présentes et les fiches recueillies."),
        error_messages={"invalid_choice": _("Choisissez une sous-région du réseau.")},
    )
    survey = forms.ModelChoiceField(
        label=_("Sondage"),
        queryset=Survey.objects.none(),
        required=False,
        help_text=_(
            "Pour le taux de réponse : la part des personnes visées qui ont répondu."
        ),
        error_messages={"invalid_choice": _("Choisissez un sondage du réseau.")},
    )
    period_start = forms.DateField(
        label=_("Du"), required=False, widget=DATE, error_messages=DATE_ERRORS
    )
    period_end = forms.DateField(
        label=_("Au"), required=False, widget=DATE, error_messages=DATE_ERRORS
    )
    unit = forms.CharField(
        label=_("Unité"),
        max_length=60,
        required=False,
        help_text=_("Par exemple : rencontres, fiches, personnes."),
        error_messages={
            **NUL,
            "max_length": _("L'unité compte au plus 60 caractères."),
        },
    )
    baseline = _number(_("Point de départ"))
    goal_min = _number(
        _("Cible visée"),
        required=True,
        help_text=_("La cible est atteinte dès cette valeur."),
    )
    goal_max = _number(
        _("Cible visée (au plus)"),
        help_text=_("Facultatif, pour une fourchette : « 3 à 4 »."),
    )
    action = forms.ModelChoiceField(
        label=_("Action mesurée"),
        queryset=Action.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choisissez une action de cette cible.")},
    )

    def __init__(self, *args, network, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = Community.objects.filter(
            network=network, archived_at__isnull=True
        ).order_by("name")
        self.fields["subregion"].queryset = SubRegion.objects.filter(network=network)
        self.fields["survey"].queryset = (
            Survey.objects.filter(network=network)
            .exclude(audience=Audience.PUBLIC)
            .order_by("-created_at", "-pk")
        )
        self.fields["action"].queryset = target.actions.order_by("position", "pk")
        self.fields["action"].label_from_instance = lambda action: str(action)


class MeasureForm(forms.Form):
    value = _number(_("Valeur"), required=True)
    measured_on = forms.DateField(
        label=_("Date de la mesure"),
        widget=DATE,
        error_messages={**DATE_ERRORS, "required": _("Indiquez la date.")},
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        required=False,
        help_text=_("D'où vient la valeur : un sondage, un compte rendu…"),
        error_messages={
            **NUL,
            "max_length": _("La source compte au plus 300 caractères."),
        },
    )


STATUS_FILTERS = [
    ("", _("Tous les états")),
    *ActionStatus.choices[:2],
    (LATE, LATE_LABEL),
    *ActionStatus.choices[2:],
]


class PlanFilterForm(forms.Form):
    """The plan table's filters; anything unknown shows the whole plan."""

    status = forms.ChoiceField(label=_("État"), choices=STATUS_FILTERS, required=False)
    community = forms.TypedChoiceField(
        label=_("Communauté responsable"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, communities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].choices = [
            ("", _("Toutes")),
            *((c.pk, c.name) for c in communities),
        ]
