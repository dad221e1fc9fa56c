"""The notification kinds the surveys send, and what their emails carry.

Registered when the app loads. The email of an invitation or a reminder adds the
closing date (in the recipient's time zone), whether answers are anonymous, and the
manager's note, when the survey still asks the person.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from entraide.meetings.templatetags.meetings import session_time
from entraide.notifications.kinds import Detail, EmailExtras, register
from entraide.surveys.models import Mailing

SURVEY_INVITED = register(
    "surveys.invited",
    label=gettext_lazy("Invitation à répondre à un sondage"),
    title=gettext_lazy(
        "%(network)s : vous êtes invité à répondre au sondage « %(survey)s »."
    ),
    email_extras="entraide.surveys.notifications.details",
    per_community=True,
)
SURVEY_REMINDER = register(
    "surveys.reminder",
    label=gettext_lazy("Rappel d'un sondage auquel je n'ai pas répondu"),
    title=gettext_lazy(
        "%(network)s : il est encore temps de répondre au sondage « %(survey)s »."
    ),
    email_extras="entraide.surveys.notifications.details",
    per_community=True,
)


def details(notification) -> EmailExtras | None:
    pk = notification.context.get("mailing_id")
    if not isinstance(pk, int):
        return None
    mailing = Mailing.objects.select_related("survey").filter(pk=pk).first()
    if mailing is None:
        return None
    survey = mailing.survey
    lines = []
    if survey.closes_at:
        lines.append(Detail(_("Répondre avant le :"), session_time(survey.closes_at)))
    if survey.is_anonymous:
        lines.append(
            Detail(
                _("Confidentialité :"),
                _("vos réponses sont anonymes : rien ne les relie à vous."),
            )
        )
    else:
        lines.append(
            Detail(
                _("Confidentialité :"),
                _(
                    "vos réponses portent votre nom et sont lues par l'équipe "
                    "du sondage."
                ),
            )
        )
    if mailing.message:
        lines.append(Detail(_("Mot de l'équipe :"), mailing.message))
    return EmailExtras(details=tuple(lines))
