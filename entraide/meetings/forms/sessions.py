from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from entraide.accounts.models import User
from entraide.communities.models import FACILITATING_ROLES, CommunityRole
from entraide.meetings.models import Session, SessionStatus


def _person_label(user) -> str:
    return user.get_full_name() or user.email


class SessionForm(forms.ModelForm):
    """A session's fields; times are read in the person's own zone."""

    starts_at = forms.DateTimeField(
        label=_("Début"),
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
        ),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={
            "required": _("Indiquez la date et l'heure de début."),
            "invalid": _("Entrez une date et une heure valides (AAAA-MM-JJ HH:MM)."),
        },
        help_text=_("Dans votre fuseau horaire."),
    )

    video_url = forms.URLField(
        label=_("Lien de visioconférence"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={
            "invalid": _("Entrez un lien qui commence par http:// ou https://.")
        },
    )

    field_order = [
        "title",
        "theme",
        "description",
        "starts_at",
        "duration_minutes",
        "format",
        "video_url",
        "generate_video_room",
        "place",
        "capacity",
        "status",
    ]

    class Meta:
        model = Session
        fields = [
            "title",
            "theme",
            "description",
            "starts_at",
            "duration_minutes",
            "format",
            "video_url",
            "place",
            "capacity",
            "status",
            "co_facilitators",
            "partner_organisations",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "description": _("Markdown accepté."),
            "duration_minutes": _("De 15 à 720 minutes."),
        }
        error_messages = {
            "title": {"required": _("Donnez un titre à la rencontre.")},
        }

    co_facilitators = forms.ModelMultipleChoiceField(
        label=_("Coanimation"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Des membres de la communauté, partenaires compris."),
    )
    partner_organisations = forms.ModelMultipleChoiceField(
        label=_("Organisations partenaires"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    generate_video_room = forms.BooleanField(
        label=_("Créer une salle sur le service de visioconférence du réseau"),
        required=False,
        initial=True,
        help_text=_(
            "Si le lien est laissé vide, une salle unique est créée pour cette "
            "rencontre virtuelle ou hybride."
        ),
    )

    def __init__(self, *args, community, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Those who facilitate and the partners: a list that stays short.
        roles = (*FACILITATING_ROLES, CommunityRole.OBSERVER)
        team = Q(
            community_memberships__community=community,
            community_memberships__role__in=roles,
        )
        if self.instance.pk:
            team |= Q(co_facilitated_sessions=self.instance)
        people = User.objects.filter(team).distinct()
        self.fields["co_facilitators"].queryset = people.order_by(
            "first_name", "last_name", "pk"
        )
        self.fields["co_facilitators"].label_from_instance = _person_label
        partners = community.partner_organisations.order_by("name")
        self.fields["partner_organisations"].queryset = partners
        if not partners.exists():
            del self.fields["partner_organisations"]
        if not (creating and community.network.video_service_url):
            del self.fields["generate_video_room"]
        # Cancelling is its own action, with its notices.
        choices = [c for c in SessionStatus.choices if c[0] != SessionStatus.CANCELLED]
        if creating:
            choices = [
                c
                for c in choices
                if c[0] in (SessionStatus.PLANNED, SessionStatus.CONFIRMED)
            ]
        self.fields["status"].choices = choices
