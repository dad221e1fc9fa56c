"""Forms of the network's management pages; choices are always this network's own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.networks import imports
from entraide.networks.models import (
    NAME_TAKEN,
    ImportKind,
    Membership,
    NetworkRole,
    Organisation,
    OrganisationKind,
    Region,
    SubRegion,
)
from entraide.networks.selectors import name_taken

SEARCH_MAX_LENGTH = 100


def visible_name(value: str) -> str:
    if imports.has_invisible_characters(value):
        raise forms.ValidationError(
            _(
                "Retirez les caractères invisibles ou de contrôle (par exemple les "
                "marques de direction du texte)."
            ),
            code="invisible_characters",
        )
    return value


class _NamedForm(forms.ModelForm):
    """A region, sub-region or organisation: its name is unique in the network."""

    name_key = ""

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network

    def names(self):
        raise NotImplementedError

    def clean_name(self):
        name = visible_name(self.cleaned_data["name"])
        if name_taken(self.names(), name, exclude_pk=self.instance.pk):
            raise forms.ValidationError(
                NAME_TAKEN[self.name_key], params={"name": name}, code="taken"
            )
        return name


class RegionForm(_NamedForm):
    name_key = "region"

    def names(self):
        return self.network.regions.all()

    class Meta:
        model = Region
        fields = ["name", "position"]
        help_texts = {
            "position": _(
                "Les régions sont affichées de la plus petite à la plus grande valeur."
            ),
        }


class SubRegionForm(_NamedForm):
    name_key = "subregion"

    def names(self):
        return self.network.subregions.all()

    class Meta:
        model = SubRegion
        fields = ["region", "name", "position"]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, network=network, **kwargs)
        self.fields["region"].queryset = network.regions.all()
        self.fields["region"].empty_label = None


class OrganisationForm(_NamedForm):
    name_key = "organisation"

    def names(self):
        return self.network.organisations.all()

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "subregion",
            "city",
            "email",
            "phone",
            "permit_number",
        ]

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, network=network, **kwargs)
        self.fields["subregion"].queryset = network.subregions.all()
        self.fields["subregion"].empty_label = _("Aucune")
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update(autocomplete="tel", type="tel")


def role_choices(roles: list[str]) -> list[tuple[str, str]]:
    labels = dict(NetworkRole.choices)
    return [(role, labels[role]) for role in roles]


class MembershipForm(forms.ModelForm):
    """A person's place in the network; the role list is what the manager may give."""

    class Meta:
        model = Membership
        fields = ["role", "organisation", "subregion"]

    def __init__(self, *args, network, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(roles)
        self.fields["organisation"].queryset = network.organisations.all()
        self.fields["organisation"].empty_label = _("Aucune")
        self.fields["subregion"].queryset = network.subregions.all()
        self.fields["subregion"].empty_label = _("Aucune")


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("Courriel de la personne invitée"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Rôle dans le réseau"))
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Aucune"),
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("Aucune"),
    )

    def __init__(self, *args, network, roles: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = role_choices(roles)
        self.fields["role"].initial = NetworkRole.MEMBER
        self.fields["organisation"].queryset = network.organisations.all()
        self.fields["subregion"].queryset = network.subregions.all()


class _FilterForm(forms.Form):
    """A GET filter: a value that does not fit is dropped and its error shown."""

    q = forms.CharField(
        label=_("Rechercher"), required=False, max_length=SEARCH_MAX_LENGTH
    )

    def clean_q(self):
        return self.cleaned_data["q"].replace("\x00", "").strip()

    def valid_data(self) -> dict:
        self.is_valid()
        return self.cleaned_data


class OrganisationFilterForm(_FilterForm):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *OrganisationKind.choices],
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("Toutes les sous-régions"),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = _("Une partie du nom de l'organisation.")
        self.fields["subregion"].queryset = network.subregions.all()

    def filters(self) -> dict:
        data = self.valid_data()
        return {
            "search": data.get("q", ""),
            "kind": data.get("kind", ""),
            "subregion": data.get("subregion"),
        }


class PeopleFilterForm(_FilterForm):
    role = forms.ChoiceField(
        label=_("Rôle"),
        required=False,
        choices=[("", _("Tous les rôles")), *NetworkRole.choices],
    )
    subregion = forms.ModelChoiceField(
        label=_("Sous-région"),
        queryset=SubRegion.objects.none(),
        required=False,
        empty_label=_("Toutes les sous-régions"),
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Toutes les organisations"),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].help_text = _("Une partie du nom ou du courriel.")
        self.fields["subregion"].queryset = network.subregions.all()
        self.fields["organisation"].queryset = network.organisations.all()

    def filters(self) -> dict:
        data = self.valid_data()
        return {
            "search": data.get("q", ""),
            "role": data.get("role", ""),
            "subregion": data.get("subregion"),
            "organisation": data.get("organisation"),
        }


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "CSV séparé par des virgules ou des points-virgules, encodé en UTF-8 "
            "ou Windows-1252, d'au plus 2 Mo et 5 000 lignes."
        ),
        error_messages={
            "required": _("Choisissez un fichier CSV."),
            "empty": _("Le fichier est vide."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, prefix=kind, **kwargs)
        self.kind = kind
        self.kind_label = ImportKind(kind).label

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_BYTES:
            raise forms.ValidationError(imports.too_large_message(), code="too_large")
        data = b"".join(upload.chunks())
        try:
            self.cleaned_data["text"] = imports.decode(data)
        except imports.FileProblem as problem:
            raise forms.ValidationError(problem.message, code="invalid") from None
        return upload
