"""Working together on a tool: comments and suggestions, its steps, its uses and
its links to practice sheets and agenda items."""

from django.urls import path

from entraide.library.views import collaboration

tool = "<slug:network>/outils/<int:pk>/"

urlpatterns = [
    path(f"{tool}commentaires/", collaboration.comment, name="comment"),
    path(
        f"{tool}commentaires/<int:comment>/suite/",
        collaboration.resolve_suggestion,
        name="resolve_suggestion",
    ),
    path(f"{tool}valider/", collaboration.validate, name="validate"),
    path(f"{tool}publier/", collaboration.publish, name="publish"),
    path(f"{tool}rouvrir/", collaboration.reopen, name="reopen"),
    path(f"{tool}archiver/", collaboration.archive, name="archive"),
    path(f"{tool}restaurer/", collaboration.restore, name="restore"),
    path(f"{tool}utilisations/", collaboration.report_use, name="report_use"),
    path(f"{tool}liens/", collaboration.links, name="links"),
]
