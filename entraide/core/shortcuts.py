"""Small helpers every app's views share."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
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


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_response(filename: str):
    """An ``HttpResponse`` for a UTF-8 CSV download (with a BOM for Excel)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response
