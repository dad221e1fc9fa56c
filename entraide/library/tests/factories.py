"""Tools written directly at a status (no service, no mail), for tests that are
not about writing them."""

from django.core.files.base import ContentFile
from django.utils import timezone

from entraide.library.models import Tool, ToolStatus, ToolVersion
from entraide.library.search import tool_search_text

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_tool(
    network,
    title="Gabarit de menu",
    *,
    community=None,
    created_by=None,
    status=ToolStatus.IN_PROGRESS,
    scope="",
    kind="template",
    body="",
    with_file=False,
    themes=(),
    **fields,
):
    """A tool with one version; published (scope given) when ``status`` says so."""
    published = status == ToolStatus.PUBLISHED
    tool = Tool.objects.create(
        network=network,
        community=community,
        created_by=created_by,
        kind=kind,
        status=status,
        scope=scope or ("network" if published else ""),
        published_at=timezone.now() if published else None,
        **fields,
    )
    version = ToolVersion(
        tool=tool, number=1, title=title, body=body, created_by=created_by
    )
    if with_file:
        version.file.save("gabarit.pdf", ContentFile(PDF_BYTES), save=False)
        version.file_name = "gabarit.pdf"
        version.file_type = "application/pdf"
        version.file_size = len(PDF_BYTES)
    version.save()
    tool.current_version = version
    if published:
        tool.published_version = version
    tool.themes.set(themes)
    tool.search_text = tool_search_text(tool)
    tool.save()
    return tool
