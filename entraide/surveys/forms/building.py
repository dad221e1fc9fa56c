"""Forms to build a survey. None carries a field a person may not set: the
network, the status, the public link and the author are the service's."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole
from entraide.communities.models import Community
from entraide.core.forms import line_field as _line
from entraide.core.forms import text_field
from entraide.networks.models import OrganisationKind, SubRegion
from entraide.surveys.models import TEXT_MAX, Audience, QuestionKind
from entraide.surveys.templates import template_choices

DATETIME_ERRORS = {
    "invalid": _("Entrez une date et une heure valides (AAAA-MM-JJ HH:MM)."),
}
NUMBER_ERRORS = {"invalid": _("Entrez un nombre entier.")}
CHOICE_ERRORS = {"invalid_choice": _("Choisissez une valeur de la liste.")}
MULTI_ERRORS = {
    "invalid_choice": _("Choisissez des valeurs de la liste."),
    "invalid_list": _("Choisissez des valeurs de la liste."),
}
SUBREGION_ERRORS = {
    "invalid_choice": _("Choisissez des sous-régions de la liste."),
    "invalid_pk_value": _("Choisissez des sous-régions de la liste."),
    "invalid_list": _("Choisissez des sous-régions de la liste."),
}


def _moment(label):
    return forms.DateTimeField(
        label=label,
        required=False,
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages=DATETIME_ERRORS,
        help_text=_("Dans votre fuseau horaire."),
    )


class SurveyForm(forms.Form):
    """A survey's settings. The communities offered are those the viewer may
    build for: any of the network's for its leads, their own for facilitators."""

    template = forms.ChoiceField(
        label=_("Partir d'un modèle"),
        required=False,
        error_messages=CHOICE_ERRORS,
    )
    title = _line(_("Titre"), empty=_("Donnez un titre au sondage."))
    community = forms.ModelChoiceField(
        label=_("Communauté"),
        queryset=Community.objects.none(),
        required=False,
        empty_label=_("Aucune (sondage du réseau)"),
        error_messages={"invalid_choice": _("Choisissez une communauté de la liste.")},
    )
    welcome = text_field(
        _("Mot d'accueil"),
        required=False,
        help_text=_("Markdown accepté : **gras**, listes, liens."),
    )
    thank_you = text_field(
        _("Mot de remerciement"),
        required=False,
        help_text=_("Affiché une fois la réponse envoyée. Markdown accepté."),
    )
    audience = forms.ChoiceField(
        label=_("Personnes visées"),
        choices=Audience.choices,
        widget=forms.RadioSelect,
        error_messages={
            **CHOICE_ERRORS,
            "required": _("Indiquez à qui s'adresse le sondage."),
        },
    )
    audience_job_roles = forms.MultipleChoiceField(
        label=_("Seulement ces fonctions"),
        choices=JobRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucune cochée : toutes les fonctions."),
        error_messages=MULTI_ERRORS,
    )
    audience_subregions = forms.ModelMultipleChoiceField(
        label=_("Seulement ces sous-régions"),
        queryset=SubRegion.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucune cochée : toutes les sous-régions."),
        error_messages=SUBREGION_ERRORS,
    )
    audience_organisation_kinds = forms.MultipleChoiceField(
        label=_("Seulement ces types d'organisation"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucun coché : tous les types."),
        error_messages=MULTI_ERRORS,
    )
    is_anonymous = forms.TypedChoiceField(
        label=_("Réponses"),
        choices=[
            ("1", _("Anonymes : rien ne relie une réponse à une personne")),
            ("0", _("Nominatives : le nom de la personne accompagne sa réponse")),
        ],
        coerce=lambda value: value == "1",
        initial="1",
        widget=forms.RadioSelect,
        error_messages={
            **CHOICE_ERRORS,
            "required": _("Indiquez si les réponses sont anonymes."),
        },
        help_text=_("Ne peut plus changer une fois que des personnes ont répondu."),
    )
    allow_edit = forms.BooleanField(
        label=_("Chaque personne peut modifier sa réponse jusqu'à la fermeture"),
        required=False,
    )
    opens_at = _moment(_("Ouverture"))
    closes_at = _moment(_("Fermeture"))

    def __init__(self, *args, viewer, survey=None, **kwargs):
        if survey is not None:
            kwargs.setdefault(
                "initial",
                {
                    "title": survey.title,
                    "community": survey.community_id,
                    "welcome": survey.welcome,
                    "thank_you": survey.thank_you,
                    "audience": survey.audience,
                    "audience_job_roles": survey.audience_job_roles,
                    "audience_subregions": [
                        s.pk for s in survey.audience_subregions.all()
                    ],
                    "audience_organisation_kinds": survey.audience_organisation_kinds,
                    "is_anonymous": "1" if survey.is_anonymous else "0",
                    "allow_edit": survey.allow_edit,
                    "opens_at": survey.opens_at,
                    "closes_at": survey.closes_at,
                },
            )
        super().__init__(*args, **kwargs)
        communities = Community.objects.filter(
            network=viewer.network, archived_at__isnull=True
        ).order_by("name")
        if not viewer.leads:
            communities = communities.filter(pk__in=viewer.facilitated())
            self.fields["community"].required = True
            self.fields["community"].empty_label = None
            self.fields["community"].error_messages["required"] = _(
                "Choisissez l'une de vos communautés."
            )
        self.fields["community"].queryset = communities
        self.fields["audience_subregions"].queryset = SubRegion.objects.filter(
            network=viewer.network
        ).order_by("name")
        if survey is None:
            self.fields["template"].choices = [
                ("", _("Sondage vierge")),
                *template_choices(),
            ]
        else:
            del self.fields["template"]

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("template", None)
        data["subregions"] = list(data.pop("audience_subregions"))
        return data


class DuplicateForm(forms.Form):
    title = _line(_("Titre de la copie"), empty=_("Donnez un titre à la copie."))


class SectionForm(forms.Form):
    title = _line(_("Titre"), empty=_("Donnez un titre à la section."))
    description = text_field(_("Description"), required=False, rows=3)


class QuestionForm(forms.Form):
    """A question. The condition is one select: an earlier choice question and
    one of its options, grouped by question, so it works without script."""

    kind = forms.ChoiceField(
        label=_("Type de question"),
        choices=QuestionKind.choices,
        error_messages={**CHOICE_ERRORS, "required": _("Choisissez un type.")},
    )
    text = _line(_("Question"), max_length=500, empty=_("Écrivez la question."))
    help_text = _line(_("Précision"), required=False, max_length=500)
    required = forms.BooleanField(label=_("Réponse obligatoire"), required=False)
    options = text_field(
        _("Choix"),
        required=False,
        rows=5,
        max_length=TEXT_MAX,
        help_text=_(
            "Un choix par ligne. Pour le choix unique, les choix multiples et le "
            "classement."
        ),
    )
    allow_other = forms.BooleanField(
        label=_("Permettre « Autre » avec une précision"),
        required=False,
        help_text=_("Pour le choix unique et les choix multiples."),
    )
    scale_min = forms.IntegerField(
        label=_("Échelle : de"),
        initial=1,
        required=False,
        min_value=-10,
        max_value=10,
        error_messages={
            **NUMBER_ERRORS,
            "min_value": _("Au moins %(limit_value)s."),
            "max_value": _("Au plus %(limit_value)s."),
        },
    )
    scale_max = forms.IntegerField(
        label=_("Échelle : à"),
        initial=5,
        required=False,
        min_value=-10,
        max_value=20,
        error_messages={
            **NUMBER_ERRORS,
            "min_value": _("Au moins %(limit_value)s."),
            "max_value": _("Au plus %(limit_value)s."),
        },
    )
    scale_label_min = _line(_("Libellé du bas de l'échelle"), required=False)
    scale_label_max = _line(_("Libellé du haut de l'échelle"), required=False)
    condition = forms.ChoiceField(
        label=_("Afficher seulement si"),
        required=False,
        error_messages=CHOICE_ERRORS,
        help_text=_("Une question à choix posée plus tôt, et la réponse attendue."),
    )

    def __init__(self, *args, candidates=(), question=None, **kwargs):
        if question is not None:
            condition = ""
            if question.condition_question_id:
                target = next(
                    (c for c in candidates if c.pk == question.condition_question_id),
                    None,
                )
                if target and question.condition_value in target.options:
                    index = target.options.index(question.condition_value)
                    condition = f"{target.pk}:{index}"
            labels = question.scale_labels or {}
            kwargs.setdefault(
                "initial",
                {
                    "kind": question.kind,
                    "text": question.text,
                    "help_text": question.help_text,
                    "required": question.required,
                    "options": "\n".join(question.options or []),
                    "allow_other": question.allow_other,
                    "scale_min": question.scale_min,
                    "scale_max": question.scale_max,
                    "scale_label_min": labels.get("min", ""),
                    "scale_label_max": labels.get("max", ""),
                    "condition": condition,
                },
            )
        super().__init__(*args, **kwargs)
        self.candidates = {c.pk: c for c in candidates}
        self.fields["condition"].choices = [("", _("Toujours afficher"))] + [
            (
                candidate.text,
                [
                    (f"{candidate.pk}:{index}", option)
                    for index, option in enumerate(candidate.options)
                ],
            )
            for candidate in candidates
        ]
        if not candidates:
            self.fields["condition"].help_text = _(
                "Aucune question à choix n'est posée plus tôt."
            )

    def service_fields(self) -> dict:
        data = self.cleaned_data
        target, value = None, ""
        if data.get("condition"):
            pk, index = data["condition"].split(":")
            target = self.candidates[int(pk)]
            value = target.options[int(index)]
        labels = {
            end: data[f"scale_label_{end}"].strip()
            for end in ("min", "max")
            if data.get(f"scale_label_{end}", "").strip()
        }
        return {
            "kind": data["kind"],
            "text": data["text"],
            "help_text": data["help_text"],
            "required": data["required"],
            "options": data["options"].splitlines(),
            "allow_other": data["allow_other"],
            "scale_min": 1 if data.get("scale_min") is None else data["scale_min"],
            "scale_max": 5 if data.get("scale_max") is None else data["scale_max"],
            "scale_labels": labels,
            "condition_question": target,
            "condition_value": value,
        }
