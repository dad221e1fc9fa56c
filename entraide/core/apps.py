from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "entraide.core"
    label = "core"
    verbose_name = _("Noyau")

    def ready(self):
        from entraide.core import lookups

        lookups.register()
