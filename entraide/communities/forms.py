"""Forms of the community pages; every choice comes from the community's network."""

import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import JobRole
from entraide.communities.models import (
    Community,
    CommunityKind,
    CommunityRole,
    JoinPolicy,
    Visibility,
)
from entraide.networks.forms import visible_name
from entraide.networks.models import Membership, OrganisationKind

TEXT_MAX = 10000
MONTHS = [
    ("", "—"),
    (1, _("janvier")),
    (2, _("février")),
    (3, _("mars")),
    (4, _("avril")),
    (5, _("mai")),
    (6, _("juin")),
    (7, _("juillet")),
    (8, _("août")),
    (9, _("septembre")),
    (10, _("octobre")),
    (11, _("novembre")),
    (12, _("décembre")),
]
PARTNER_KINDS = (
    OrganisationKind.COLLEGE,
    OrganisationKind.PARTNER,
    OrganisationKind.OTHER,
)
MARKDOWN_HELP = _("Mise en forme Markdown : **gras**, *italique*, listes avec « - ».")


def _month_field(label):
    return forms.TypedChoiceField(
        label=label,
        choices=MONTHS,
        coerce=int,
        empty_value=None,
        required=False,
    )


def people_by_email(network, text: str):
    """The network's people named by their emails (one per line or comma)."""
    emails = [e.strip().lower() for e in re.split(r"[\s,;]+", text or "") if e.strip()]
    if len(emails) > 50:
        raise forms.ValidationError(_("Indiquez au plus 50 courriels."))
    found = {
        m.user.email.lower(): m.user
        for m in Membership.objects.filter(
            network=network, user__email__in=emails
        ).select_related("user")
    }
    unknown = [e for e in emails if e not in found]
    if unknown:
        raise forms.ValidationError(
            _("Personne de ce réseau n'a ce courriel : %(emails)s."),
            params={"emails": ", ".join(unknown[:5])},
            code="unknown",
        )
    return [found[e] for e in dict.fromkeys(emails)]


class CommunityForm(forms.ModelForm):
    """Create or edit a community. Kind and seats belong to the network's managers;
    facilitators and mentors are named at creation (later, on the members page)."""

    audience_job_roles = forms.MultipleChoiceField(
        label=_("Fonctions visées"),
        choices=JobRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Laissez vide si la communauté s'adresse à toutes les fonctions."),
    )
    season_start_month = _month_field(_("Début de la saison"))
    season_end_month = _month_field(_("Fin de la saison"))
    facilitators = forms.CharField(
        label=_("Animatrices et animateurs (courriels)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Un courriel par ligne; des personnes du réseau."),
    )
    mentors = forms.CharField(
        label=_("Mentores et mentors (courriels)"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Un courriel par ligne; des personnes du réseau."),
    )

    class Meta:
        model = Community
        fields = [
            "name",
            "kind",
            "mandate",
            "means",
            "audience_job_roles",
            "audience_subregions",
            "sessions_per_year_min",
            "sessions_per_year_max",
            "season_start_month",
            "season_end_month",
            "visibility",
            "join_policy",
            "partner_organisations",
            "welcome_message",
            "seats_per_subregion",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "visibility": forms.RadioSelect,
            "join_policy": forms.RadioSelect,
            "audience_subregions": forms.CheckboxSelectMultiple,
            "partner_organisations": forms.CheckboxSelectMultiple,
            "mandate": forms.Textarea(attrs={"rows": 4}),
            "means": forms.Textarea(attrs={"rows": 4}),
            "welcome_message": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {
            "name": _("Nom"),
            "kind": _("Type"),
            "mandate": _("Mandat"),
            "means": _("Moyens"),
            "audience_subregions": _("Sous-régions visées"),
            "sessions_per_year_min": _("Rencontres par année : au moins"),
            "sessions_per_year_max": _("Rencontres par année : au plus"),
            "visibility": _("Visibilité"),
            "join_policy": _("Adhésion"),
            "partner_organisations": _("Organisations partenaires (coanimation)"),
            "welcome_message": _("Mot de bienvenue"),
            "seats_per_subregion": _("Sièges par sous-région"),
        }
        help_texts = {
            "mandate": MARKDOWN_HELP,
            "means": MARKDOWN_HELP,
            "welcome_message": MARKDOWN_HELP,
            "audience_subregions": _(
                "Laissez vide si la communauté s'adresse à tout le territoire."
            ),
        }

    def __init__(self, *args, network, structure: bool, creating: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network
        self.fields["audience_subregions"].queryset = network.subregions.all()
        self.fields["partner_organisations"].queryset = network.organisations.filter(
            kind__in=PARTNER_KINDS
        )
        self.fields["kind"].choices = CommunityKind.choices
        self.fields["visibility"].choices = Visibility.choices
        self.fields["join_policy"].choices = JoinPolicy.choices
        for name in ("mandate", "means", "welcome_message"):
            self.fields[name].validators.append(MaxLengthValidator(TEXT_MAX))
        if not structure:
            del self.fields["kind"]
            del self.fields["seats_per_subregion"]
        if not creating:
            del self.fields["facilitators"]
            del self.fields["mentors"]

    def clean_name(self):
        return visible_name(self.cleaned_data["name"])

    def clean_facilitators(self):
        return people_by_email(self.network, self.cleaned_data["facilitators"])

    def clean_mentors(self):
        return people_by_email(self.network, self.cleaned_data["mentors"])

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        extra = {
            "audience_subregions": list(data.pop("audience_subregions")),
            "partner_organisations": list(data.pop("partner_organisations")),
        }
        for name in ("facilitators", "mentors"):
            if name in data:
                extra[name] = data.pop(name)
        return {"data": data, **extra}


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message aux personnes qui animent (facultatif)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (facultatif)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rôle"), choices=CommunityRole.choices)


class _PersonByEmailForm(forms.Form):
    email = forms.EmailField(label=_("Courriel de la personne"), max_length=254)

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.network = network

    def clean_email(self):
        email = self.cleaned_data["email"]
        membership = (
            Membership.objects.filter(network=self.network, user__email__iexact=email)
            .select_related("user")
            .first()
        )
        if membership is None:
            raise forms.ValidationError(
                _("Aucune personne de ce réseau n'a ce courriel."), code="unknown"
            )
        self.person = membership.user
        return email


class InvitationForm(_PersonByEmailForm):
    role = forms.ChoiceField(
        label=_("Rôle"), choices=CommunityRole.choices, initial=CommunityRole.MEMBER
    )


class SeatForm(_PersonByEmailForm):
    starts_on = forms.DateField(
        label=_("Début du mandat"), widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Fin du mandat"), widget=forms.DateInput(attrs={"type": "date"})
    )
