"""Invitations, reminders and the live response rate."""

from django.urls import path

from entraide.surveys.views import mailing

survey = "<slug:network>/sondages/<int:pk>/"

urlpatterns = [
    path(f"{survey}envois/<slug:kind>/", mailing.mailing_create, name="mailing_create"),
    path(f"{survey}taux-de-reponse/", mailing.response_rate, name="response_rate"),
]
