"""The dissemination URLs."""

app_name = "dissemination"

urlpatterns = []
