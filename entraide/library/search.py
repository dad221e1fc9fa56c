"""Tools are searched like practice sheets (``practices.search``): their text is
folded once, accents removed and words reduced to French stems, and stored."""

from entraide.library.models import Tool
from entraide.practices.search import fold


def tool_search_text(tool: Tool) -> str:
    """The folded text of the version readers see (or the working one), with the
    tool's themes and kind."""
    version = tool.published_version or tool.current_version
    parts = [tool.get_kind_display()]
    if version is not None:
        parts += [version.title, version.description, version.body]
    parts += [theme.name for theme in tool.themes.all()]
    return fold(" ".join(parts))
