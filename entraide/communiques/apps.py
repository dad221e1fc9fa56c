from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommuniquesConfig(AppConfig):
    name = "entraide.communiques"
    label = "communiques"
    verbose_name = _("Communiqués")
