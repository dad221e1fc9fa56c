"""Forms for writing a tool: the tool itself, and its co-authors.

Every choice is limited to the tool's network; the community to those where the
person may start a tool. The service checks the same again.
"""

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole, User
from entraide.communities.models import Community
from entraide.core.uploads import ACCEPTED_HELP
from entraide.library.models import (
    TEXT_MAX,
    Licence,
    ToolKind,
    ToolLanguage,
    ToolStatus,
)
from entraide.practices.models import AgeGroup, PracticeTheme

MARKDOWN_HELP = _("Markdown accepté : listes, **gras**, liens.")
NETWORK_TOOL = "reseau"


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


def _choice(label, choices, message, *, blank=None, required=False):
    return forms.ChoiceField(
        label=label,
        choices=([("", blank)] if blank else []) + list(choices),
        required=required,
        error_messages={"invalid_choice": message, "required": message},
    )


class ToolForm(forms.Form):
    community = forms.ChoiceField(
        label=_("Communauté qui bâtit l'outil"),
        choices=[],
        error_messages={
            "required": _("Choisissez une de vos communautés."),
            "invalid_choice": _("Choisissez une de vos communautés."),
        },
    )
    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        error_messages={
            "required": _("Donnez un titre à l'outil."),
            **_too_long("200"),
        },
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=format_lazy(
            "{} {}", _("À quoi sert l'outil, pour qui."), MARKDOWN_HELP
        ),
        error_messages=_too_long("3 000"),
    )
    kind = _choice(
        _("Type d'outil"),
        ToolKind.choices,
        _("Choisissez un type d'outil dans la liste."),
        required=True,
    )
    body = forms.CharField(
        label=_("Document en ligne"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=MARKDOWN_HELP,
        error_messages=_too_long("20 000"),
    )
    video_url = forms.URLField(
        label=_("Lien de la vidéo"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Pour un outil de type vidéo : son adresse (https://…)."),
        error_messages={
            "invalid": _("Écrivez une adresse complète, par exemple https://…"),
            **_too_long("500"),
        },
    )
    file = forms.FileField(
        label=_("Fichier"),
        required=False,
        help_text=ACCEPTED_HELP,
        error_messages={
            "empty": _("Le fichier est vide."),
            "invalid": _("Ce fichier n'a pas pu être lu."),
            "max_length": _("Le nom du fichier est trop long."),
        },
    )
    remove_file = forms.BooleanField(
        label=_("Retirer le fichier de la nouvelle version"), required=False
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
    audience_job_roles = forms.MultipleChoiceField(
        label=_("Public visé"),
        choices=JobRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Aucune case cochée : l'outil s'adresse à tout le monde."),
        error_messages={"invalid_choice": _("Choisissez des fonctions dans la liste.")},
    )
    age_group = _choice(
        _("Groupe d'âge des enfants"),
        AgeGroup.choices,
        _("Choisissez un groupe d'âge dans la liste."),
        blank=_("— À préciser —"),
    )
    language = _choice(
        _("Langue"),
        ToolLanguage.choices,
        _("Choisissez une langue dans la liste."),
        required=True,
    )
    licence = _choice(
        _("Licence"),
        Licence.choices,
        _("Choisissez une licence dans la liste."),
        required=True,
    )
    change_note = forms.CharField(
        label=_("Ce qui a changé"),
        max_length=300,
        required=False,
        help_text=_("Une phrase pour l'historique des versions (facultatif)."),
        error_messages=_too_long("300"),
    )
    lock_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0, max_value=2**31
    )

    FIELDSETS = (
        ("about", _("L'outil en bref"), ("community", "title", "description", "kind")),
        (
            "content",
            _("Contenu"),
            ("body", "file", "remove_file", "video_url"),
        ),
        (
            "audience",
            _("Pour qui"),
            ("themes", "audience_job_roles", "age_group", "language", "licence"),
        ),
        ("note", _("Historique"), ("change_note",)),
    )

    def __init__(self, *args, viewer, tool=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = PracticeTheme.objects.filter(
            network=viewer.network
        )
        if tool is None:
            del self.fields["change_note"]
            del self.fields["lock_version"]
            del self.fields["remove_file"]
            self.communities = {
                str(c.pk): c
                for c in Community.objects.filter(
                    network=viewer.network, pk__in=viewer.working_communities()
                ).order_by("name")
            }
            choices = [(pk, c.name) for pk, c in self.communities.items()]
            if viewer.leads:
                choices.append((NETWORK_TOOL, _("Aucune, outil du réseau")))
            if len(choices) > 1:
                choices.insert(0, ("", _("— Choisissez —")))
            self.fields["community"].choices = choices
        else:
            del self.fields["community"]
            self.communities = {}
            version = tool.current_version
            if version is None or not version.file:
                del self.fields["remove_file"]

    def clean_title(self):
        title = self.cleaned_data["title"].replace("\x00", "").strip()
        if not title:
            raise forms.ValidationError(_("Donnez un titre à l'outil."))
        return title

    def fieldsets(self):
        """(id, legend, bound fields) for each part of the form."""
        for key, legend, names in self.FIELDSETS:
            fields = [self[name] for name in names if name in self.fields]
            if fields:
                yield key, legend, fields

    def chosen_community(self):
        """The community picked (None: a network tool)."""
        value = self.cleaned_data.get("community")
        return self.communities.get(value)

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        for name in ("lock_version", "change_note", "community", "file", "remove_file"):
            data.pop(name, None)
        data["themes"] = list(data.get("themes") or [])
        data["audience_job_roles"] = list(data.get("audience_job_roles") or [])
        return data


class CoAuthorsForm(forms.Form):
    co_authors = forms.ModelMultipleChoiceField(
        label=_("Coautrices et coauteurs"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Les membres de la communauté qui bâtit l'outil. Ils pourront le "
            "modifier avec vous."
        ),
        error_messages={
            "invalid_choice": _("Choisissez des personnes dans la liste."),
            "invalid_pk_value": _("Choisissez des personnes dans la liste."),
        },
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_authors"].queryset = candidates
        self.fields["co_authors"].label_from_instance = _person_label


class StatusFilterForm(forms.Form):
    statut = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["statut"].choices = [("", _("Tous")), *ToolStatus.choices]

    def status(self) -> str:
        return self.cleaned_data.get("statut", "") if self.is_valid() else ""
