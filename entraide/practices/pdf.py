"""PDF documents of practices, drawn by WeasyPrint from HTML templates.

Fonts come from fontconfig (Debian's fonts-dejavu-core): DejaVu carries every
French accent, so a sheet prints the same on any server.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    from weasyprint import HTML  # imported here: loading Pango is slow

    html = render_to_string(template, context, request=request)
    base_url = request.build_absolute_uri("/") if request else settings.SITE_URL
    return HTML(string=html, base_url=base_url).write_pdf()


def pdf_response(content: bytes, filename: str, *, inline: bool = True):
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
