from django.urls import path

from entraide.networks import views

app_name = "networks"

manage = "<slug:network>/gestion/"

urlpatterns = [
    # Before the network patterns; "invitation" is a reserved network slug.
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:network>/", views.network_detail, name="detail"),
    path(manage, views.manage, name="manage"),
    path(f"{manage}territoire/", views.region_list, name="regions"),
    path(
        f"{manage}territoire/regions/ajouter/",
        views.region_create,
        name="region_create",
    ),
    path(
        f"{manage}territoire/regions/<int:pk>/modifier/",
        views.region_edit,
        name="region_edit",
    ),
    path(
        f"{manage}territoire/regions/<int:pk>/supprimer/",
        views.region_delete,
        name="region_delete",
    ),
    path(
        f"{manage}territoire/sous-regions/ajouter/",
        views.subregion_create,
        name="subregion_create",
    ),
    path(
        f"{manage}territoire/sous-regions/<int:pk>/modifier/",
        views.subregion_edit,
        name="subregion_edit",
    ),
    path(
        f"{manage}territoire/sous-regions/<int:pk>/supprimer/",
        views.subregion_delete,
        name="subregion_delete",
    ),
    path(f"{manage}organisations/", views.organisation_list, name="organisations"),
    path(
        f"{manage}organisations/ajouter/",
        views.organisation_create,
        name="organisation_create",
    ),
    path(
        f"{manage}organisations/<int:pk>/modifier/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path(f"{manage}personnes/", views.people_list, name="people"),
    path(
        f"{manage}personnes/<int:pk>/modifier/", views.person_edit, name="person_edit"
    ),
    path(
        f"{manage}personnes/<int:pk>/retirer/",
        views.person_remove,
        name="person_remove",
    ),
    path(f"{manage}invitations/", views.invitation_list, name="invitations"),
    path(
        f"{manage}invitations/<int:pk>/renvoyer/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        f"{manage}invitations/<int:pk>/annuler/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(f"{manage}importation/", views.import_upload, name="import"),
    path(
        f"{manage}importation/<int:pk>/",
        views.import_preview,
        name="import_preview",
    ),
    path(
        f"{manage}importation/modele-<slug:kind>.csv",
        views.import_template,
        name="import_template",
    ),
]
