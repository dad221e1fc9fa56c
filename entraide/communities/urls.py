from django.urls import path

from entraide.communities import views

app_name = "communities"

base = "<slug:network>/communautes/"
one = f"{base}<slug:community>/"

urlpatterns = [
    path(base, views.community_list, name="list"),
    path(f"{base}creer/", views.community_create, name="create"),
    path(one, views.community_detail, name="detail"),
    path(f"{one}modifier/", views.community_edit, name="edit"),
    path(f"{one}archiver/", views.community_archive, name="archive"),
    path(f"{one}restaurer/", views.community_restore, name="restore"),
    path(f"{one}rejoindre/", views.community_join, name="join"),
    path(f"{one}demander/", views.community_request, name="request"),
    path(f"{one}quitter/", views.community_leave, name="leave"),
    path(f"{one}membres/", views.member_list, name="members"),
    path(f"{one}membres/<int:pk>/role/", views.member_role, name="member_role"),
    path(f"{one}membres/<int:pk>/retirer/", views.member_remove, name="member_remove"),
    path(f"{one}demandes/", views.request_list, name="requests"),
    path(
        f"{one}demandes/<int:pk>/accepter/",
        views.request_approve,
        name="request_approve",
    ),
    path(
        f"{one}demandes/<int:pk>/refuser/",
        views.request_decline,
        name="request_decline",
    ),
    path(f"{one}invitations/", views.invitation_list, name="invitations"),
    path(
        f"{one}invitation/repondre/",
        views.invitation_answer,
        name="invitation_answer",
    ),
    path(f"{one}sieges/", views.seat_list, name="seats"),
    path(f"{one}sieges/<int:pk>/attribuer/", views.seat_assign, name="seat_assign"),
]
