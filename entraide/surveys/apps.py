from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "entraide.surveys"
    label = "surveys"
    verbose_name = _("Sondages")

    def ready(self):
        from entraide.surveys import notifications  # noqa: F401 (registers the kinds)
