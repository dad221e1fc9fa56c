"""The reports URLs."""

app_name = "reports"

urlpatterns = []
