from django.urls import path

from entraide.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("confidentialite/", views.privacy_policy, name="privacy"),
    path("langue/", views.set_language, name="set_language"),
]
