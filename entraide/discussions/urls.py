from django.urls import path

from entraide.discussions import views

app_name = "discussions"

base = "<slug:network>/communautes/<slug:community>/discussions/"
thread = f"{base}<int:pk>/"
reply = f"{thread}reponses/<int:reply_pk>/"

urlpatterns = [
    path(base, views.thread_list, name="list"),
    path(f"{base}nouveau/", views.thread_create, name="create"),
    path(f"{base}signalements/", views.report_list, name="reports"),
    path(
        f"{base}signalements/<int:report_pk>/traiter/",
        views.report_resolve,
        name="report_resolve",
    ),
    path(
        f"{base}fichiers/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path(thread, views.thread_detail, name="detail"),
    path(f"{thread}repondre/", views.reply_create, name="reply"),
    path(f"{thread}modifier/", views.post_edit, name="edit"),
    path(f"{thread}supprimer/", views.post_delete, name="delete"),
    path(f"{thread}suivre/", views.thread_follow, name="follow"),
    path(f"{thread}signaler/", views.post_report, name="report"),
    path(f"{thread}masquer/", views.post_hide, name="hide"),
    path(f"{thread}afficher/", views.post_unhide, name="unhide"),
    path(f"{thread}verrouiller/", views.thread_lock, name="lock"),
    path(f"{thread}epingler/", views.thread_pin, name="pin"),
    path(f"{reply}modifier/", views.post_edit, name="reply_edit"),
    path(f"{reply}supprimer/", views.post_delete, name="reply_delete"),
    path(f"{reply}utile/", views.reply_helpful, name="helpful"),
    path(f"{reply}signaler/", views.post_report, name="reply_report"),
    path(f"{reply}masquer/", views.post_hide, name="reply_hide"),
    path(f"{reply}afficher/", views.post_unhide, name="reply_unhide"),
]
