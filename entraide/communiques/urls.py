"""The communiques URLs."""

app_name = "communiques"

urlpatterns = []
