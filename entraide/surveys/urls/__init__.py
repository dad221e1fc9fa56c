"""The surveys' URLs, one module per part."""

from entraide.surveys.urls import answering, building, mailing, results

app_name = "surveys"

urlpatterns = (
    building.urlpatterns
    + mailing.urlpatterns
    + answering.urlpatterns
    + results.urlpatterns
)
