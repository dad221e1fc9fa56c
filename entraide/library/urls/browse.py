"""Finding tools and reading reference dossiers."""

from django.urls import path

from entraide.library.views import browse, dossiers

base = "<slug:network>/"
dossier = f"{base}dossiers/<int:pk>/"

urlpatterns = [
    path(f"{base}outils/", browse.tool_list, name="list"),
    path(f"{base}dossiers/", dossiers.dossier_list, name="dossiers"),
    path(f"{base}dossiers/nouveau/", dossiers.dossier_create, name="dossier_create"),
    path(dossier, dossiers.dossier_detail, name="dossier"),
    path(f"{dossier}modifier/", dossiers.dossier_edit, name="dossier_edit"),
    path(f"{dossier}elements/", dossiers.item_add, name="dossier_item_add"),
    path(
        f"{dossier}elements/<int:item>/retirer/",
        dossiers.item_remove,
        name="dossier_item_remove",
    ),
    path(
        f"{dossier}elements/<int:item>/deplacer/",
        dossiers.item_move,
        name="dossier_item_move",
    ),
]
