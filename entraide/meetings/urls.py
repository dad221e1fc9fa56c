from django.urls import path

from entraide.meetings.views import agenda as agenda_views
from entraide.meetings.views import calendars as calendar_views
from entraide.meetings.views import planning as planning_views
from entraide.meetings.views import records as records_views
from entraide.meetings.views import sessions as views

app_name = "meetings"

base = "<slug:network>/communautes/<slug:community>/rencontres/"
session = f"{base}<int:pk>/"

urlpatterns = [
    path(base, views.session_list, name="list"),
    path(f"{base}nouvelle/", views.session_create, name="create"),
    path(session, views.session_detail, name="detail"),
    path(f"{session}modifier/", views.session_edit, name="edit"),
    path(f"{session}annuler/", views.session_cancel, name="cancel"),
    path(f"{session}inscription/", views.session_register, name="register"),
    path(
        f"{session}desinscription/",
        views.session_unregister,
        name="unregister",
    ),
    path(f"{session}inscriptions/", views.registrant_list, name="registrants"),
    path(
        f"{session}inscriptions.csv",
        views.registrant_csv,
        name="registrants_csv",
    ),
    path(f"{session}rencontre.ics", views.session_ics, name="ics"),
    # Yearly programme and planner
    path(f"{base}programme/", planning_views.programme, name="programme"),
    path(
        f"{base}programme/<int:season>/",
        planning_views.programme,
        name="programme_season",
    ),
    path(
        f"{base}programme/<int:season>/themes/",
        planning_views.themes_edit,
        name="programme_themes",
    ),
    path(
        f"{base}programme/<int:season>/planifier/",
        planning_views.planner,
        name="planner",
    ),
    # Agenda
    path(
        f"{session}ordre-du-jour/ajouter/",
        agenda_views.item_add,
        name="agenda_add",
    ),
    path(
        f"{session}ordre-du-jour/proposer/",
        agenda_views.item_propose,
        name="agenda_propose",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/modifier/",
        agenda_views.item_edit,
        name="agenda_edit",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/supprimer/",
        agenda_views.item_delete,
        name="agenda_delete",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/monter/",
        agenda_views.item_up,
        name="agenda_up",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/descendre/",
        agenda_views.item_down,
        name="agenda_down",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/accepter/",
        agenda_views.item_accept,
        name="agenda_accept",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/refuser/",
        agenda_views.item_decline,
        name="agenda_decline",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/documents/",
        agenda_views.document_upload,
        name="agenda_documents",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/documents/<int:document>/",
        agenda_views.document_download,
        name="agenda_document",
    ),
    path(
        f"{session}ordre-du-jour/<int:item>/documents/<int:document>/retirer/",
        agenda_views.document_remove,
        name="agenda_document_remove",
    ),
    # Attendance, minutes, decisions and follow-ups
    path(
        f"{session}presences/",
        records_views.attendance_sheet_view,
        name="attendance",
    ),
    path(
        f"{session}presences.csv",
        records_views.attendance_csv,
        name="attendance_csv",
    ),
    path(f"{session}compte-rendu/", records_views.minutes_edit, name="minutes"),
    path(
        f"{session}compte-rendu/publier/",
        records_views.minutes_publish,
        name="minutes_publish",
    ),
    path(
        f"{session}suivis/ajouter/",
        records_views.follow_up_create,
        name="follow_up_create",
    ),
    path(
        f"{session}suivis/<int:follow_up>/",
        records_views.follow_up_edit,
        name="follow_up_edit",
    ),
    # Calendar feeds and participation record
    path(
        "mes-rencontres/calendriers/<str:token>.ics",
        calendar_views.feed,
        name="feed",
    ),
    path(
        "mes-rencontres/calendriers/",
        calendar_views.calendar_feeds,
        name="calendars",
    ),
    path(
        "mes-rencontres/calendriers/creer/",
        calendar_views.feed_create,
        name="feed_create",
    ),
    path(
        "mes-rencontres/calendriers/<int:pk>/revoquer/",
        calendar_views.feed_revoke,
        name="feed_revoke",
    ),
    path(
        "mes-rencontres/participation/",
        calendar_views.participation,
        name="participation",
    ),
    path(
        "mes-rencontres/participation.csv",
        calendar_views.participation_csv,
        name="participation_csv",
    ),
]
