app_name = "practices"

base = "<slug:network>/pratiques/"
sheet = f"{base}fiches/<int:pk>/"

urlpatterns = [
    # Authoring: new sheet, edit, my sheets, the sheet page, versions and differences
    # Workflow: submit, committee decisions, the regional committee's queue
    # Evaluation, formalising and publication; the scientific committee's queue
    # Published practices: list, search, PDF, exports, statistics
]
