"""Invitations, reminders and the live response rate of a survey, for its managers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import show_service_errors
from entraide.surveys import selectors
from entraide.surveys.forms.mailing import MailingForm
from entraide.surveys.models import MailingKind
from entraide.surveys.services import mailing as services

KIND_OF_SLUG = {"invitation": MailingKind.INVITATION, "relance": MailingKind.REMINDER}


def _managed(request, network, pk):
    viewer = selectors.viewer_in(request, network)
    return viewer, selectors.survey_for(viewer, pk)


@login_required
def mailing_create(request, network, pk, kind):
    viewer, survey = _managed(request, network, pk)
    kind = KIND_OF_SLUG.get(kind)
    if kind is None:
        raise Http404
    form = MailingForm(request.POST or None)
    refusal = ""
    try:
        services.check_can_send(survey=survey, kind=kind)
    except ValidationError as error:
        refusal = " ".join(error.messages)
    recipients = selectors.mailing_recipients(survey, kind).count()
    if request.method == "POST" and not refusal and form.is_valid():
        try:
            services.start_mailing(
                survey=survey,
                kind=kind,
                actor=request.user,
                message=form.cleaned_data["message"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "L'envoi à %(count)s personne est lancé.",
                    "L'envoi à %(count)s personnes est lancé.",
                    recipients,
                )
                % {"count": recipients},
            )
            return redirect(survey.get_absolute_url() + "#invitations")
    heading = (
        _("Inviter à répondre")
        if kind == MailingKind.INVITATION
        else _("Relancer les personnes sans réponse")
    )
    return render(
        request,
        "surveys/mailing_form.html",
        {
            "network": viewer.network,
            "survey": survey,
            "form": form,
            "kind": kind,
            "heading": heading,
            "recipients": recipients,
            "refusal": refusal,
        },
    )


@login_required
@require_safe
def response_rate(request, network, pk):
    """The invitations card alone, which the survey's page refreshes while open."""
    viewer, survey = _managed(request, network, pk)
    return render(
        request,
        "surveys/_mailing_card.html",
        {"network": viewer.network, "survey": survey, **mailing_context(survey)},
    )


def mailing_context(survey) -> dict:
    """What the invitations card shows, in a few queries whatever the audience."""
    rate = selectors.response_rate(survey)
    if rate["public"]:
        return {"rate": rate, "mailings": []}
    return {
        "rate": rate,
        "mailings": selectors.mailings_with_counts(survey)[:10],
        "to_invite": selectors.mailing_recipients(
            survey, MailingKind.INVITATION
        ).count(),
    }
