"""Root URL configuration: one include per app."""

from django.contrib import admin
from django.urls import include, path

from entraide.core import views as core_views

handler403 = "entraide.core.views.permission_denied"
handler404 = "entraide.core.views.page_not_found"
handler500 = "entraide.core.views.server_error"

urlpatterns = [
    path("", include("entraide.core.urls")),
    path("comptes/", include("allauth.urls")),
    path("moi/", include("entraide.accounts.urls")),
    path("notifications/", include("entraide.notifications.urls")),
    path("r/", include("entraide.discussions.urls")),
    path("r/", include("entraide.communities.urls")),
    path("r/", include("entraide.meetings.urls")),
    path("r/", include("entraide.practices.urls")),
    path("r/", include("entraide.library.urls")),
    path("r/", include("entraide.plans.urls")),
    path("r/", include("entraide.surveys.urls")),
    path("r/", include("entraide.search.urls")),
    path("r/", include("entraide.communiques.urls")),
    path("r/", include("entraide.reports.urls")),
    path("r/", include("entraide.networks.urls")),
    path("", include("entraide.dissemination.urls")),
    path("gestion-technique/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
]
