"""Forms for reference dossiers: the dossier, and an item to add."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.library.models import (
    TEXT_MAX,
    DossierItemKind,
    DossierScope,
    Tool,
)
from entraide.practices.models import PracticeSheet

NUL = {"null_characters_not_allowed": _("Le texte contient un caractère invalide.")}


class DossierForm(forms.Form):
    title = forms.CharField(
        label=_("Titre"),
        max_length=200,
        error_messages={
            **NUL,
            "required": _("Donnez un titre au dossier."),
            "max_length": _("Le titre compte au plus 200 caractères."),
        },
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown permis : titres, listes, liens."),
        error_messages={
            **NUL,
            "max_length": _("L'introduction compte au plus 20 000 caractères."),
        },
    )
    scope = forms.ChoiceField(
        label=_("Diffusion"),
        choices=DossierScope.choices,
        initial=DossierScope.NETWORK,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choisissez à qui le dossier s'adresse."),
            "invalid_choice": _("Choisissez le réseau ou le public."),
        },
    )
    is_published = forms.BooleanField(
        label=_("Publié (visible des lectrices et lecteurs)"), required=False
    )

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())


class ToolChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.published_version.title


class PracticeChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.published_version.title


class ItemForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type d'élément"),
        choices=DossierItemKind.choices,
        widget=forms.RadioSelect,
        initial=DossierItemKind.TOOL,
        error_messages={
            "required": _("Choisissez un outil, une fiche ou un lien."),
            "invalid_choice": _("Choisissez un outil, une fiche ou un lien."),
        },
    )
    tool = ToolChoice(
        label=_("Outil publié"),
        queryset=Tool.objects.none(),
        required=False,
        empty_label=_("Choisir un outil"),
        error_messages={"invalid_choice": _("Choisissez un outil publié du réseau.")},
    )
    practice = PracticeChoice(
        label=_("Fiche de pratique publiée"),
        queryset=PracticeSheet.objects.none(),
        required=False,
        empty_label=_("Choisir une fiche"),
        error_messages={
            "invalid_choice": _("Choisissez une fiche de pratique publiée du réseau.")
        },
    )
    url = forms.URLField(
        label=_("Adresse du lien"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            **NUL,
            "invalid": _("Indiquez une adresse web complète, par exemple https://…"),
            "max_length": _("L'adresse compte au plus 500 caractères."),
        },
    )
    title = forms.CharField(
        label=_("Titre du lien"),
        required=False,
        max_length=200,
        error_messages={
            **NUL,
            "max_length": _("Le titre compte au plus 200 caractères."),
        },
    )
    note = forms.CharField(
        label=_("Présentation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Quelques mots pour dire pourquoi cet élément est utile."),
        error_messages={
            **NUL,
            "max_length": _("La présentation compte au plus 2 000 caractères."),
        },
    )

    def __init__(self, data=None, *, network):
        super().__init__(data)
        self.fields["tool"].queryset = (
            Tool.objects.filter(network=network, published_version__isnull=False)
            .exclude(status="archived")
            .select_related("published_version")
            .order_by("published_version__title", "pk")
        )
        self.fields["practice"].queryset = (
            PracticeSheet.objects.filter(
                network=network, published_version__isnull=False
            )
            .select_related("published_version")
            .order_by("published_version__title", "pk")
        )

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == DossierItemKind.TOOL and not data.get("tool"):
            self.add_error("tool", _("Choisissez un outil publié du réseau."))
        elif kind == DossierItemKind.PRACTICE and not data.get("practice"):
            self.add_error(
                "practice", _("Choisissez une fiche de pratique publiée du réseau.")
            )
        elif kind == DossierItemKind.LINK:
            if not data.get("url") and "url" not in self.errors:
                self.add_error("url", _("Indiquez l'adresse du lien."))
            if not data.get("title"):
                self.add_error("title", _("Donnez un titre au lien."))
        return data


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=(("up", "up"), ("down", "down")))
