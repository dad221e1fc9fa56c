"""Forms of the evaluation: the grid, the declaration of interests, the scores,
the version to publish and its scope."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.practices.models import (
    CONTENT_FIELDS,
    Criterion,
    Scope,
    SheetVersion,
)
from entraide.practices.services.evaluation import (
    MAX_CRITERIA,
    SCALE_CEILING,
    SCALE_FLOOR,
)


class GridForm(forms.Form):
    scale_min = forms.IntegerField(
        label=_("Note minimale"),
        min_value=SCALE_FLOOR,
        max_value=SCALE_CEILING,
        error_messages={
            "required": _("Indiquez la note minimale."),
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("La note minimale est d'au moins %(limit_value)s."),
            "max_value": _("La note minimale est d'au plus %(limit_value)s."),
        },
    )
    scale_max = forms.IntegerField(
        label=_("Note maximale"),
        min_value=SCALE_FLOOR,
        max_value=SCALE_CEILING,
        error_messages={
            "required": _("Indiquez la note maximale."),
            "invalid": _("Indiquez un nombre entier."),
            "min_value": _("La note maximale est d'au moins %(limit_value)s."),
            "max_value": _("La note maximale est d'au plus %(limit_value)s."),
        },
    )
    low_label = forms.CharField(
        label=_("Sens de la note minimale"),
        required=False,
        max_length=80,
        help_text=_("Par exemple : Faible."),
    )
    high_label = forms.CharField(
        label=_("Sens de la note maximale"),
        required=False,
        max_length=80,
        help_text=_("Par exemple : Excellent."),
    )


class CriterionForm(forms.Form):
    criterion_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    name = forms.CharField(
        label=_("Critère"),
        required=False,
        max_length=Criterion._meta.get_field("name").max_length,
        error_messages={
            "max_length": _(
                "Le nom compte au plus %(limit_value)d caractères "
                "(il en compte %(show_value)d)."
            )
        },
    )
    help_text = forms.CharField(
        label=_("Aide"),
        required=False,
        max_length=Criterion._meta.get_field("help_text").max_length,
        error_messages={
            "max_length": _(
                "L'aide compte au plus %(limit_value)d caractères "
                "(elle en compte %(show_value)d)."
            )
        },
    )


CriterionFormSet = forms.formset_factory(
    CriterionForm,
    extra=2,
    can_delete=True,
    max_num=MAX_CRITERIA,
    validate_max=True,
    absolute_max=MAX_CRITERIA + 5,
)


def criteria_of(formset) -> list[dict]:
    """The criteria kept by the formset, in order, as the service takes them."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        if not (data.get("name") or "").strip():
            continue
        rows.append(
            {
                "id": data.get("criterion_id"),
                "name": data["name"],
                "help_text": data.get("help_text", ""),
            }
        )
    return rows


YES_NO = (("no", _("Non, aucun conflit d'intérêts")), ("yes", _("Oui")))


class ConflictForm(forms.Form):
    has_conflict = forms.ChoiceField(
        label=_("Avez-vous un conflit d'intérêts avec cette fiche?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_(
            "Par exemple : vous avez contribué à la pratique, vous travaillez dans "
            "le même milieu que son autrice ou son auteur, ou vous en êtes proche. "
            "Avec un conflit, vous vous récusez et ne notez pas la fiche."
        ),
        error_messages={
            "required": _("Répondez oui ou non."),
            "invalid_choice": _("Répondez oui ou non."),
        },
    )
    conflict_note = forms.CharField(
        label=_("Nature du conflit d'intérêts"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Obligatoire si vous avez répondu oui."),
        error_messages={
            "max_length": _(
                "Ce texte compte au plus 500 caractères (il en compte %(show_value)d)."
            )
        },
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("has_conflict") == "yes"
            and not (data.get("conflict_note") or "").strip()
        ):
            self.add_error(
                "conflict_note",
                _("Décrivez en quelques mots la nature du conflit d'intérêts."),
            )
        return data


class ScoreForm(forms.Form):
    """One radio group per criterion, labelled with the scale's meaning at its ends.

    Scores may be left empty in a draft; the service refuses to submit until each
    criterion has one.
    """

    comment = forms.CharField(
        label=_("Commentaire pour le comité"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _(
                "Le commentaire compte au plus 5 000 caractères "
                "(il en compte %(show_value)d)."
            )
        },
    )

    def __init__(self, *args, grid, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.grid = grid
        self.criteria = list(criteria)
        choices = []
        for value in range(grid.scale_min, grid.scale_max + 1):
            label = str(value)
            if value == grid.scale_min and grid.low_label:
                label = f"{value} — {grid.low_label}"
            elif value == grid.scale_max and grid.high_label:
                label = f"{value} — {grid.high_label}"
            choices.append((str(value), label))
        scored = {}
        for criterion in self.criteria:
            name = self.field_name(criterion)
            scored[name] = forms.ChoiceField(
                label=criterion.name,
                help_text=criterion.help_text,
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
                error_messages={
                    "invalid_choice": _("Choisissez une note de %(min)s à %(max)s.")
                    % {"min": grid.scale_min, "max": grid.scale_max}
                },
            )
        comment = self.fields.pop("comment")
        self.fields.update(scored)
        self.fields["comment"] = comment

    @staticmethod
    def field_name(criterion) -> str:
        return f"criterion_{criterion.pk}"

    def scores(self) -> dict[int, int | None]:
        return {
            criterion.pk: (
                int(self.cleaned_data[self.field_name(criterion)])
                if self.cleaned_data.get(self.field_name(criterion))
                else None
            )
            for criterion in self.criteria
        }


class FormaliseForm(forms.ModelForm):
    """The version to publish, prefilled from the latest version."""

    lock_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = SheetVersion
        fields = [*CONTENT_FIELDS, "change_note"]
        help_texts = {
            name: _("Markdown accepté.") for name in CONTENT_FIELDS if name != "title"
        }
        widgets = {
            name: forms.Textarea(attrs={"rows": 6})
            for name in CONTENT_FIELDS
            if name != "title"
        }
        error_messages = {
            "title": {
                "required": _("Donnez un titre à la fiche."),
                "max_length": _(
                    "Le titre compte au plus 200 caractères "
                    "(il en compte %(show_value)d)."
                ),
            },
            "summary": {
                "max_length": _(
                    "Le résumé compte au plus 2 000 caractères "
                    "(il en compte %(show_value)d)."
                )
            },
            **{
                name: {
                    "max_length": _(
                        "Ce texte compte au plus 10 000 caractères "
                        "(il en compte %(show_value)d)."
                    )
                }
                for name in CONTENT_FIELDS
                if name not in ("title", "summary")
            },
        }
        labels = {"change_note": _("Note sur cette version")}

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in CONTENT_FIELDS}


class PublishForm(forms.Form):
    scope = forms.ChoiceField(
        label=_("Diffusion"),
        widget=forms.RadioSelect,
        choices=Scope.choices,
        error_messages={
            "required": _("Choisissez à qui la fiche est diffusée."),
            "invalid_choice": _("Choisissez une diffusion de la liste."),
        },
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        if not network.shares_provincial_pooling:
            self.fields["scope"].choices = [
                choice for choice in Scope.choices if choice[0] != Scope.PROVINCIAL
            ]
            self.fields["scope"].help_text = _(
                "La mise en commun provinciale s'offre quand le réseau y participe."
            )
