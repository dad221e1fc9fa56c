from django.urls import path

from entraide.practices.views import authoring, browse, evaluation, workflow

app_name = "practices"

base = "<slug:network>/pratiques/"
sheet = f"{base}fiches/<int:pk>/"

urlpatterns = [
    # Authoring: new sheet, edit, my sheets, the sheet page, versions and differences
    path(f"{base}mes-fiches/", authoring.my_sheets, name="mine"),
    path(f"{base}nouvelle/", authoring.sheet_create, name="create"),
    path(sheet, authoring.sheet_detail, name="detail"),
    path(f"{sheet}modifier/", authoring.sheet_edit, name="edit"),
    path(f"{sheet}versions/", authoring.version_list, name="versions"),
    path(
        f"{sheet}versions/<int:old>/<int:new>/",
        authoring.version_diff,
        name="version_diff",
    ),
    path(f"{sheet}pieces/", authoring.evidence_upload, name="evidence"),
    path(
        f"{sheet}pieces/<int:evidence>/",
        authoring.evidence_download,
        name="evidence_download",
    ),
    path(
        f"{sheet}pieces/<int:evidence>/retirer/",
        authoring.evidence_remove,
        name="evidence_remove",
    ),
    # Workflow: submit, committee decisions, the regional committee's queue
    path(f"{sheet}soumettre/", workflow.submit, name="submit"),
    path(
        f"{sheet}demander-des-modifications/",
        workflow.request_changes,
        name="request_changes",
    ),
    path(f"{sheet}retenir/", workflow.retain, name="retain"),
    path(f"{sheet}ne-pas-retenir/", workflow.decline, name="decline"),
    path(
        f"{sheet}envoyer-au-comite-scientifique/",
        workflow.send_to_scientific,
        name="send_to_scientific",
    ),
    path(f"{sheet}evaluee/", workflow.mark_evaluated, name="mark_evaluated"),
    path(
        f"{base}comite-regional/", workflow.regional_queue_page, name="regional_queue"
    ),
    path(f"{base}comite-regional/lot/", workflow.regional_bulk, name="regional_bulk"),
    # Evaluation, formalising and publication; the scientific committee's queue
    path(f"{base}grille/", evaluation.grid_settings, name="grid"),
    path(f"{base}comite-scientifique/", evaluation.queue, name="queue_scientific"),
    path(f"{sheet}evaluer/", evaluation.evaluate, name="evaluate"),
    path(f"{sheet}formaliser/", evaluation.formalise, name="formalise"),
    path(f"{sheet}publier/", evaluation.publish, name="publish"),
    path(f"{sheet}reviser/", evaluation.revise, name="revise"),
    # Published practices: list, search, PDF, exports, statistics
    path(base, browse.practice_list, name="list"),
    path(f"{base}<int:pk>/", browse.practice_detail, name="practice"),
    path(f"{base}<int:pk>/fiche.pdf", browse.practice_pdf, name="practice_pdf"),
    path(f"{base}exports/recension.csv", browse.inventory_csv, name="inventory_csv"),
    path(f"{base}exports/retenues.pdf", browse.retained_pdf, name="retained_pdf"),
    path(f"{base}statistiques/", browse.statistics, name="statistics"),
]
