from django.urls import include, path

from entraide.networks import views

app_name = "networks"

# A network's management pages, under /r/<network>/gestion/.
manage_patterns = [
    path("", views.manage, name="manage"),
    path("territoire/", views.region_list, name="regions"),
    path("territoire/regions/ajouter/", views.region_edit, name="region_create"),
    path(
        "territoire/regions/<int:pk>/modifier/", views.region_edit, name="region_edit"
    ),
    path(
        "territoire/regions/<int:pk>/supprimer/",
        views.region_delete,
        name="region_delete",
    ),
    path(
        "territoire/sous-regions/ajouter/",
        views.subregion_edit,
        name="subregion_create",
    ),
    path(
        "territoire/sous-regions/<int:pk>/modifier/",
        views.subregion_edit,
        name="subregion_edit",
    ),
    path(
        "territoire/sous-regions/<int:pk>/supprimer/",
        views.subregion_delete,
        name="subregion_delete",
    ),
    path("organisations/", views.organisation_list, name="organisations"),
    path(
        "organisations/ajouter/",
        views.organisation_edit,
        name="organisation_create",
    ),
    path(
        "organisations/<int:pk>/modifier/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path("personnes/", views.people_list, name="people"),
    path("personnes/<int:pk>/modifier/", views.person_edit, name="person_edit"),
    path("personnes/<int:pk>/retirer/", views.person_remove, name="person_remove"),
    path("invitations/", views.invitation_list, name="invitations"),
    path(
        "invitations/<int:pk>/renvoyer/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<int:pk>/annuler/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("importation/", views.import_upload, name="import"),
    path("importation/<int:pk>/", views.import_preview, name="import_preview"),
    path(
        "importation/modele-<slug:kind>.csv",
        views.import_template,
        name="import_template",
    ),
]

urlpatterns = [
    # Before the network patterns; "invitation" is a reserved network slug.
    path("invitation/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:network>/", views.network_detail, name="detail"),
    path("<slug:network>/gestion/", include(manage_patterns)),
]
