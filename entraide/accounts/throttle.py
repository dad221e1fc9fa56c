"""How django-axes names a sign-in attempt: by the email it was for."""


def login_username(request, credentials=None) -> str | None:
    """The email address a sign-in attempt targets, lower-cased.

    allauth authenticates with ``email=`` while its form posts ``login``; without
    this, axes would count every failure under an empty name and lock nobody out.
    """
    value = None
    if credentials:
        value = (
            credentials.get("email")
            or credentials.get("username")
            or credentials.get("login")
        )
    if not value and request is not None:
        data = getattr(request, "data", None) or getattr(request, "POST", {})
        value = data.get("login")
    return value.strip().lower() if isinstance(value, str) and value else None
