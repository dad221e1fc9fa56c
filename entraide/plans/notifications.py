"""The notification kinds the action plan sends, registered when the app loads."""

from django.utils.translation import gettext_lazy as _

from entraide.notifications.kinds import register

ACTION_ASSIGNED = register(
    "plans.action_assigned",
    label=_("Une action du plan d'action m'est confiée"),
    title=_("%(network)s : une action du plan vous est confiée : « %(action)s »."),
)
FOLLOW_UP_WRITTEN = register(
    "plans.follow_up_written",
    label=_("Nouveau suivi d'une action du plan d'action"),
    title=_(
        "%(network)s : %(person)s consigne un suivi (%(subregion)s) de l'action "
        "« %(action)s »."
    ),
)
