"""The action plan's URLs, one module per part."""

from entraide.plans.urls import follow, outputs, structure

app_name = "plans"

urlpatterns = structure.urlpatterns + follow.urlpatterns + outputs.urlpatterns
