"""Reading the plan as a table, its indicators and the management dashboard."""

from django.urls import path

from entraide.plans.views import follow

plan = "<slug:network>/plan/<int:plan>/"

urlpatterns = [
    path(plan, follow.plan_detail, name="detail"),
    path(f"{plan}tableau-de-bord/", follow.dashboard, name="dashboard"),
    path(
        f"{plan}cibles/<int:target>/indicateurs/nouveau/",
        follow.indicator_create,
        name="indicator_create",
    ),
    path(f"{plan}indicateurs/<int:pk>/", follow.indicator_detail, name="indicator"),
    path(
        f"{plan}indicateurs/<int:pk>/modifier/",
        follow.indicator_edit,
        name="indicator_edit",
    ),
    path(
        f"{plan}indicateurs/<int:pk>/supprimer/",
        follow.indicator_delete,
        name="indicator_delete",
    ),
    path(
        f"{plan}indicateurs/<int:pk>/mesures/nouvelle/",
        follow.measure_add,
        name="measure_add",
    ),
]
