from django.urls import path

from entraide.accounts import views

app_name = "accounts"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("confidentialite/", views.privacy, name="privacy"),
    path("mes-donnees/", views.data_export, name="data_export"),
    path("supprimer-mon-compte/", views.delete_account, name="delete"),
]
