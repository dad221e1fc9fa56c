from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisseminationConfig(AppConfig):
    name = "entraide.dissemination"
    label = "dissemination"
    verbose_name = _("Site public")
