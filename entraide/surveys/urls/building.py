"""Building a survey: its settings, sections and questions, opening and closing."""

from django.urls import path

from entraide.surveys.views import building

base = "<slug:network>/sondages/"
survey = f"{base}<int:pk>/"

urlpatterns = [
    path(base, building.survey_list, name="list"),
    path(f"{base}nouveau/", building.survey_create, name="create"),
    path(survey, building.survey_detail, name="detail"),
    path(f"{survey}modifier/", building.survey_edit, name="edit"),
    path(f"{survey}dupliquer/", building.survey_duplicate, name="duplicate"),
    path(f"{survey}ouvrir/", building.survey_open, name="open"),
    path(f"{survey}fermer/", building.survey_close, name="close"),
    path(f"{survey}sections/nouvelle/", building.section_create, name="section_create"),
    path(
        f"{survey}sections/<int:section>/modifier/",
        building.section_edit,
        name="section_edit",
    ),
    path(
        f"{survey}sections/<int:section>/supprimer/",
        building.section_delete,
        name="section_delete",
    ),
    path(
        f"{survey}sections/<int:section>/questions/nouvelle/",
        building.question_create,
        name="question_create",
    ),
    path(
        f"{survey}questions/<int:question>/modifier/",
        building.question_edit,
        name="question_edit",
    ),
    path(
        f"{survey}questions/<int:question>/supprimer/",
        building.question_delete,
        name="question_delete",
    ),
]
