from django.urls import path

from entraide.discussions import views

app_name = "discussions"

base = "<slug:network>/communautes/<slug:community>/discussions/"
thread = f"{base}<int:pk>/"

urlpatterns = [
    path(base, views.thread_list, name="list"),
    path(thread, views.thread_detail, name="detail"),
]
