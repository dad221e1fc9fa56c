from django.urls import path

from entraide.search import views

app_name = "search"

base = "<slug:network>/recherche/"

urlpatterns = [
    path(base, views.search, name="search"),
    path(f"{base}suggestions/", views.suggestions, name="suggestions"),
]
