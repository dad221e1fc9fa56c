"""Forms of the discussions: threads, replies, reasons, filters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from entraide.core.uploads import ACCEPTED_HELP, check_upload
from entraide.discussions.models import (
    BODY_MAX_LENGTH,
    REASON_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ThreadKind,
)
from entraide.discussions.services import MAX_FILES_PER_POST

BODY_HELP = _(
    "Mise en forme Markdown : **gras**, *italique*, listes avec « - ». "
    "Pour mentionner une personne de la communauté, écrivez @prenom.nom "
    "(sans accents, par exemple @julie.tremblay) : elle sera avisée."
)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files in one input, each checked by ``entraide.core.uploads``."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > MAX_FILES_PER_POST:
            raise ValidationError(
                _("Joignez au plus 5 fichiers par message."), code="too_many"
            )
        checked, errors = [], []
        for uploaded in files:
            try:
                checked.append(check_upload(uploaded))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return checked


def _body_field() -> forms.CharField:
    return forms.CharField(
        label=_("Message"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=BODY_HELP,
        error_messages={
            "required": _("Écrivez votre message."),
            "max_length": _(
                "Le message ne peut dépasser 20 000 caractères "
                "(il en compte %(show_value)d)."
            ),
        },
    )


def _attachments_field() -> AttachmentsField:
    return AttachmentsField(label=_("Pièces jointes"), help_text=ACCEPTED_HELP)


class ThreadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ThreadKind.choices)
    title = forms.CharField(
        label=_("Titre"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Donnez un titre au sujet."),
            "max_length": _("Le titre ne peut dépasser 200 caractères."),
        },
    )
    body = _body_field()
    attachments = _attachments_field()

    def __init__(self, *args, allow_announcement: bool, with_files: bool = True, **kw):
        super().__init__(*args, **kw)
        if not allow_announcement:
            self.fields["kind"].choices = [
                c for c in ThreadKind.choices if c[0] != ThreadKind.ANNOUNCEMENT
            ]
        if not with_files:
            del self.fields["attachments"]

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if not title:
            raise ValidationError(_("Donnez un titre au sujet."), code="required")
        return title


class ReplyForm(forms.Form):
    body = _body_field()
    attachments = _attachments_field()

    def __init__(self, *args, with_files: bool = True, **kw):
        super().__init__(*args, **kw)
        self.fields["body"].label = _("Votre réponse")
        if not with_files:
            del self.fields["attachments"]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Indiquez un motif."),
            "max_length": _("Le motif ne peut dépasser 1 000 caractères."),
        },
    )


class ResolveForm(forms.Form):
    resolution = forms.CharField(
        label=_("Suite donnée (facultatif)"),
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "max_length": _("Le texte ne peut dépasser 1 000 caractères."),
        },
    )


class ThreadFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Tous les types")), *ThreadKind.choices],
    )
    followed = forms.BooleanField(label=_("Sujets que je suis"), required=False)
    unanswered = forms.BooleanField(label=_("Questions sans réponse"), required=False)
