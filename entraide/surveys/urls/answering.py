"""Answering a survey, signed in or through its public link."""

from django.urls import path

from entraide.surveys.views import answering

base = "<slug:network>/sondages/"

urlpatterns = [
    path(f"{base}a-remplir/", answering.to_answer, name="to_answer"),
    path(f"{base}<int:pk>/repondre/", answering.answer, name="answer"),
    path(f"{base}<int:pk>/merci/", answering.thanks, name="thanks"),
    path(f"{base}public/<str:token>/", answering.public_answer, name="public_answer"),
    path(
        f"{base}public/<str:token>/merci/",
        answering.public_thanks,
        name="public_thanks",
    ),
]
