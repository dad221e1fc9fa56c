from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "entraide.plans"
    label = "plans"
    verbose_name = _("Plan d'action")

    def ready(self):
        from entraide.plans import notifications  # noqa: F401 (registers the kinds)
