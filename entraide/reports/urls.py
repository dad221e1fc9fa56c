"""The reports URLs."""

from django.urls import path

from entraide.reports import views

app_name = "reports"

run = "<slug:network>/rapports/<int:pk>/"

urlpatterns = [
    path("<slug:network>/rapports/", views.report_list, name="list"),
    path(run, views.report_detail, name="detail"),
    path(f"{run}rapport.pdf", views.report_pdf, name="pdf"),
    path(f"{run}rapport.csv", views.report_csv, name="csv"),
]
