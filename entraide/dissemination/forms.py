"""Forms of the public site's management pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from entraide.core.forms import NUL, line_field, text_field


class NewsForm(forms.Form):
    title = line_field(
        _("Titre"), max_length=200, empty=_("Donnez un titre à la nouvelle.")
    )
    summary = line_field(
        _("Résumé"),
        required=False,
        max_length=300,
        help_text=_("Une phrase, reprise dans les listes, les fils et les aperçus."),
    )
    body = text_field(
        _("Texte"),
        max_length=20_000,
        rows=12,
        help_text=_("En Markdown : **gras**, *italique*, listes, liens."),
        empty=_("Écrivez le texte de la nouvelle."),
    )


class PublicSiteForm(forms.Form):
    description = line_field(
        _("Description courte"),
        required=False,
        max_length=300,
        help_text=_(
            "Une ou deux phrases : elles s'affichent dans les moteurs de recherche "
            "et les aperçus de liens."
        ),
    )
    about = text_field(
        _("À propos"),
        required=False,
        max_length=20_000,
        rows=10,
        help_text=_("En Markdown. La page « À propos » du site public."),
    )
    contact = text_field(
        _("Nous joindre"),
        required=False,
        max_length=5_000,
        rows=5,
        help_text=_("En Markdown. Adresse, heures, personnes à joindre."),
    )
    contact_email = forms.EmailField(
        label=_("Courriel de contact public"),
        required=False,
        max_length=254,
        error_messages={
            **NUL,
            "invalid": _("Entrez une adresse courriel valide."),
            "max_length": _("Le courriel compte au plus %(limit_value)d caractères."),
        },
    )
