"""The project's URLs plus the framework's floor: a view with no template or query."""

from django.urls import path

from entraide.core.views import empty
from entraide.urls import handler403, handler404, handler500, urlpatterns

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]

urlpatterns = [path("__bench__/empty", empty, name="bench_empty"), *urlpatterns]
