"""Forms of a technical sheet: the sheet itself, grouped in parts, and evidence.

Every choice is limited to the sheet's network. Co-authors are picked among the
people of the author's organisation and sub-region (plus those already named), so
the list stays short however large the network grows.
"""

from django import forms
from django.db.models import Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import User
from entraide.core.uploads import ACCEPTED_HELP
from entraide.networks.models import Organisation, SubRegion
from entraide.practices.models import (
    TEXT_MAX,
    AgeGroup,
    InterventionZone,
    PracticeTheme,
    Setting,
)

MARKDOWN_HELP = _("Markdown accepté : listes, **gras**, liens.")


def _person_label(user) -> str:
    return user.get_full_name() or user.email


def _too_long(limit: str):
    return {
        "max_length": format_lazy(
            _(
                "Ce texte compte au plus {limit} caractères (il en compte "
                "%(show_value)d)."
            ),
            limit=limit,
        )
    }


def _text(label, *, max_length=TEXT_MAX, limit="10 000", rows=6, help_text=None):
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text or MARKDOWN_HELP,
        error_messages=_too_long(limit),
    )


class SheetForm(forms.Form):
    """The whole technical sheet (« fiche technique de recension »)."""

    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        error_messages={
            "required": _("Donnez un titre à la fiche."),
            **_too_long("200"),
        },
    )
    summary = _text(
        _("Résumé"),
        max_length=2000,
        limit="2 000",
        rows=3,
        help_text=_("En quelques phrases : de quoi il s'agit, pour qui."),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=PracticeTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": _("Choisissez des thèmes dans la liste."),
            "invalid_pk_value": _("Choisissez des thèmes dans la liste."),
        },
    )
    zone = forms.ModelChoiceField(
        label=_("Zone d'intervention"),
        queryset=InterventionZone.objects.none(),
        required=False,
        empty_label=_("— À préciser —"),
        error_messages={
            "invalid_choice": _("Choisissez une zone d'intervention dans la liste.")
        },
    )
    age_group = forms.ChoiceField(
        label=_("Groupe d'âge des enfants"),
        choices=[("", _("— À préciser —")), *AgeGroup.choices],
        required=False,
        error_messages={
            "invalid_choice": _("Choisissez un groupe d'âge dans la liste.")
        },
    )
    setting = forms.ChoiceField(
        label=_("Milieu"),
        choices=[("", _("— À préciser —")), *Setting.choices],
        required=False,
        error_messages={"invalid_choice": _("Choisissez un milieu dans la liste.")},
    )
    context_need = _text(_("Contexte et besoin"))
    steps = _text(_("La pratique, étape par étape"), rows=10)
    resources = _text(_("Ressources et conditions nécessaires"))
    results = _text(_("Résultats observés"))
    observation_method = _text(_("Comment les résultats ont été observés"))
    contact_name = forms.CharField(
        label=_("Personne-ressource"),
        max_length=200,
        required=False,
        error_messages=_too_long("200"),
    )
    contact_email = forms.EmailField(
        label=_("Courriel de la personne-ressource"),
        max_length=254,
        required=False,
        error_messages={
            "invalid": _("Écrivez une adresse courriel, par exemple nom@cpe.ca."),
            **_too_long("254"),
        },
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— Aucune —"),
        error_messages={
            "invalid_choice": _("Choisissez une organisation dans la liste.")
        },
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("— Aucune —"),
        error_messages={
            "invalid_choice": _("Choisissez une sous-région dans la liste.")
        },
    )
    co_authors = forms.ModelMultipleChoiceField(
        label=_("Coautrices et coauteurs"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Les personnes de votre organisation et de votre sous-région. "
            "Elles pourront lire et modifier la fiche avec vous."
        ),
        error_messages={
            "invalid_choice": _("Choisissez des personnes dans la liste."),
            "invalid_pk_value": _("Choisissez des personnes dans la liste."),
        },
    )
    change_note = forms.CharField(
        label=_("Ce qui a changé (facultatif)"),
        max_length=300,
        required=False,
        help_text=_("Une phrase pour l'historique des versions."),
        error_messages=_too_long("300"),
    )
    lock_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31
    )

    FIELDSETS = (
        ("about", _("La pratique en bref"), ("title", "summary", "themes", "zone")),
        ("children", _("Pour quels enfants"), ("age_group", "setting")),
        (
            "practice",
            _("La pratique"),
            ("context_need", "steps", "resources"),
        ),
        ("results", _("Les résultats"), ("results", "observation_method")),
        (
            "people",
            _("Personnes et organisation"),
            ("contact_name", "contact_email", "organisation", "subregion"),
        ),
        ("co-authors", _("Coautrices et coauteurs"), ("co_authors",)),
        ("note", _("Historique"), ("change_note",)),
    )

    def __init__(self, *args, network, author, sheet=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = PracticeTheme.objects.filter(network=network)
        self.fields["zone"].queryset = InterventionZone.objects.filter(network=network)
        self.fields["organisation"].queryset = Organisation.objects.filter(
            network=network
        ).order_by("name")
        self.fields["subregion"].queryset = SubRegion.objects.filter(network=network)
        self.fields["co_authors"].queryset = self._colleagues(network, author, sheet)
        self.fields["co_authors"].label_from_instance = _person_label
        if sheet is None:
            del self.fields["change_note"]
            del self.fields["lock_version"]

    @staticmethod
    def _colleagues(network, author, sheet):
        """People of the author's organisation or sub-region, and those named."""
        membership = author.memberships.filter(network=network).first()
        near = Q(pk__in=[])
        if membership is not None and membership.organisation_id:
            near |= Q(
                memberships__network=network,
                memberships__organisation_id=membership.organisation_id,
            )
        if membership is not None and membership.subregion_id:
            near |= Q(
                memberships__network=network,
                memberships__subregion_id=membership.subregion_id,
            )
        if sheet is not None and sheet.pk:
            near |= Q(co_authored_sheets=sheet)
        ids = User.objects.filter(near).exclude(pk=author.pk).values("pk")
        return User.objects.filter(pk__in=ids).order_by("first_name", "last_name")

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Donnez un titre à la fiche."))
        return title

    def fieldsets(self):
        """(id, legend, bound fields) for each part of the form."""
        for key, legend, names in self.FIELDSETS:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                yield key, legend, fields

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("lock_version", None)
        data.pop("change_note", None)
        data["themes"] = list(data.get("themes") or [])
        data["co_authors"] = list(data.get("co_authors") or [])
        return data


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier"),
        help_text=ACCEPTED_HELP,
        error_messages={
            "required": _("Choisissez un fichier."),
            "empty": _("Le fichier est vide."),
            "invalid": _("Ce fichier n'a pas pu être lu."),
        },
    )
    description = forms.CharField(
        label=_("Description (facultatif)"),
        max_length=300,
        required=False,
        error_messages=_too_long("300"),
    )
    no_identifiable_child = forms.BooleanField(
        label=_("Pour une photo : je confirme qu'aucun enfant n'y est reconnaissable."),
        required=False,
    )
