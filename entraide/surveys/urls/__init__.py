"""The surveys' URLs, one module per part."""

from entraide.surveys.urls import answering, building, results

app_name = "surveys"

urlpatterns = building.urlpatterns + answering.urlpatterns + results.urlpatterns
