"""records pages of a session (work in progress)."""


def detail_context(request, access, session) -> dict:
    """What the session page needs from this part."""
    return {}
