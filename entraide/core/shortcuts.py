"""Small helpers every app's views share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.http import urlencode


def require(allowed: bool) -> None:
    """403 unless a permission predicate said yes."""
    if not allowed:
        raise PermissionDenied


def show_service_errors(form, error: ValidationError) -> None:
    """A service's ValidationError shown on the form's fields (or on the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def filters_query_string(request) -> str:
    """The current filters without the page number, for pagination links."""
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])
