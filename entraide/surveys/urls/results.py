"""A survey's results: charts with their tables, cross-tabulation, CSV, themes."""

from django.urls import path

from entraide.surveys.views import results

survey = "<slug:network>/sondages/<int:pk>/"

urlpatterns = [
    path(f"{survey}resultats/", results.results, name="results"),
    path(f"{survey}resultats.csv", results.results_csv, name="results_csv"),
    path(f"{survey}resultats.pdf", results.results_pdf, name="results_pdf"),
    path(
        f"{survey}resultats/themes/<int:question>/",
        results.themes_from_ranking,
        name="themes",
    ),
]
