"""Writing a tool: new tool, edit (a version), versions, differences, files."""

from django.urls import path

from entraide.library.views import authoring

base = "<slug:network>/outils/"
tool = f"{base}<int:pk>/"

urlpatterns = [
    path(f"{base}mes-outils/", authoring.my_tools, name="mine"),
    path(f"{base}nouveau/", authoring.tool_create, name="create"),
    path(tool, authoring.tool_detail, name="detail"),
    path(f"{tool}modifier/", authoring.tool_edit, name="edit"),
    path(f"{tool}coauteurs/", authoring.co_authors, name="co_authors"),
    path(f"{tool}versions/", authoring.version_list, name="versions"),
    path(
        f"{tool}versions/<int:old>/<int:new>/",
        authoring.version_diff,
        name="version_diff",
    ),
    path(
        f"{tool}versions/<int:number>/fichier/",
        authoring.version_file,
        name="version_file",
    ),
    path(f"{tool}fichier/", authoring.tool_file, name="file"),
    path(
        "<slug:network>/communautes/<slug:slug>/outils/",
        authoring.community_tools,
        name="community",
    ),
]
