"""The plan's timeline, its exports and the progress report."""

from django.urls import path

from entraide.plans.views import outputs

plan = "<slug:network>/plan/<int:plan>/"

urlpatterns = [
    path(f"{plan}chronologie/", outputs.timeline, name="timeline"),
    path(f"{plan}plan.csv", outputs.plan_csv, name="csv"),
    path(f"{plan}plan.pdf", outputs.plan_pdf, name="pdf"),
    path(f"{plan}rapport/", outputs.report, name="report"),
    path(f"{plan}rapport.pdf", outputs.report_pdf, name="report_pdf"),
    path(f"{plan}rapport.csv", outputs.report_csv, name="report_csv"),
]
