"""Tools are searched like practice sheets (``practices.search``): their text is
folded once, accents removed and words reduced to French stems, and stored."""

from django.utils import translation

from entraide.library.models import Tool
from entraide.practices.search import fold


def tool_search_text(tool: Tool) -> str:
    """The folded text of the version readers see (or the working one), then the
    tool's kind (in French, whoever saves it) and themes.

    The title comes first: ``rank_by_title`` counts a stem found within the
    title's length of the start as a title match.
    """
    version = tool.published_version or tool.current_version
    parts = []
    if version is not None:
        parts += [version.title, version.description, version.body]
    with translation.override("fr-ca"):
        parts.append(str(tool.get_kind_display()))
    parts += [theme.name for theme in tool.themes.all()]
    return fold(" ".join(parts))
