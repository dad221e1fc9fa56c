"""workflow pages of the practice inventory."""


def detail_context(request, sheet, viewer) -> dict:
    """What the sheet page needs from this part."""
    return {}
