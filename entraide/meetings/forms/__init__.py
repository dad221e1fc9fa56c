"""Forms of the sessions app, one module per part."""

from entraide.meetings.forms.sessions import SessionForm

__all__ = ["SessionForm"]
