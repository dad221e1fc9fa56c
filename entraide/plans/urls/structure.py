"""Building the plan, updating actions and writing follow-ups."""

from django.urls import path

from entraide.plans.views import structure

base = "<slug:network>/plan/"
plan = f"{base}<int:plan>/"

urlpatterns = [
    path(base, structure.plan_list, name="list"),
    path(f"{base}nouveau/", structure.plan_create, name="create"),
    path(f"{plan}modifier/", structure.plan_edit, name="edit"),
    path(f"{plan}mandats/nouveau/", structure.mandate_create, name="mandate_create"),
    path(
        f"{plan}mandats/<int:pk>/modifier/",
        structure.mandate_edit,
        name="mandate_edit",
    ),
    path(
        f"{plan}mandats/<int:pk>/supprimer/",
        structure.mandate_delete,
        name="mandate_delete",
    ),
    path(
        f"{plan}mandats/<int:mandate>/objectifs/nouveau/",
        structure.objective_create,
        name="objective_create",
    ),
    path(
        f"{plan}objectifs/<int:pk>/modifier/",
        structure.objective_edit,
        name="objective_edit",
    ),
    path(
        f"{plan}objectifs/<int:pk>/supprimer/",
        structure.objective_delete,
        name="objective_delete",
    ),
    path(
        f"{plan}objectifs/<int:objective>/cibles/nouvelle/",
        structure.target_create,
        name="target_create",
    ),
    path(f"{plan}cibles/<int:pk>/modifier/", structure.target_edit, name="target_edit"),
    path(
        f"{plan}cibles/<int:pk>/supprimer/",
        structure.target_delete,
        name="target_delete",
    ),
    path(
        f"{plan}cibles/<int:target>/actions/nouvelle/",
        structure.action_create,
        name="action_create",
    ),
    path(f"{plan}actions/<int:pk>/", structure.action_detail, name="action"),
    path(
        f"{plan}actions/<int:pk>/modifier/", structure.action_edit, name="action_edit"
    ),
    path(
        f"{plan}actions/<int:pk>/supprimer/",
        structure.action_delete,
        name="action_delete",
    ),
    path(
        f"{plan}actions/<int:pk>/avancement/",
        structure.action_progress,
        name="action_progress",
    ),
    path(
        f"{plan}actions/<int:pk>/suivis/nouveau/",
        structure.follow_up_create,
        name="follow_up_create",
    ),
    path(
        f"{plan}suivis/<int:pk>/modifier/",
        structure.follow_up_edit,
        name="follow_up_edit",
    ),
]
