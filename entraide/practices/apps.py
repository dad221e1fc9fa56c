from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    name = "entraide.practices"
    label = "practices"
    verbose_name = _("Recension des pratiques")
