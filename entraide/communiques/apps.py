from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommuniquesConfig(AppConfig):
    name = "entraide.communiques"
    label = "communiques"
    verbose_name = _("Communiqués")

    def ready(self):
        from entraide.communiques.delivery import COMMUNIQUES
        from entraide.notifications.delivery import register_outbox

        register_outbox(COMMUNIQUES)
