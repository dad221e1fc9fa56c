"""The communiques URLs."""

from django.urls import path

from entraide.communiques import views

app_name = "communiques"

urlpatterns = [
    path("<slug:network>/communiques/", views.communique_list, name="list"),
    path("<slug:network>/communiques/preparer/", views.assemble, name="assemble"),
    path("<slug:network>/communiques/abonnement/", views.subscription, name="consent"),
    path("<slug:network>/communiques/<int:pk>/", views.detail, name="detail"),
    path("<slug:network>/communiques/<int:pk>/modifier/", views.edit, name="edit"),
    path(
        "<slug:network>/communiques/<int:pk>/elements/<int:item>/<str:action>/",
        views.item_action,
        name="item",
    ),
    path(
        "<slug:network>/communiques/<int:pk>/elements/ajouter/",
        views.item_add,
        name="item_add",
    ),
    path("<slug:network>/communiques/<int:pk>/apercu/", views.preview, name="preview"),
    path("<slug:network>/communiques/<int:pk>/essai/", views.send_test, name="test"),
    path("<slug:network>/communiques/<int:pk>/envoyer/", views.send, name="send"),
    path(
        "communiques/desabonnement/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
