from django.urls import path

from entraide.networks import views

app_name = "networks"

urlpatterns = [
    path("<slug:network>/", views.network_detail, name="detail"),
]
