"""The tools library's URLs, one module per part."""

from entraide.library.urls import authoring, browse, collaboration

app_name = "library"

urlpatterns = authoring.urlpatterns + collaboration.urlpatterns + browse.urlpatterns
