"""Writes to sessions and all that surrounds them, one module per part.

``sessions`` (plan, edit, cancel, register) is re-exported here; the other parts
are imported by module: ``from entraide.meetings.services import agenda``.
"""

from entraide.meetings.services.sessions import (
    EDITABLE_FIELDS,
    cancel_registration,
    cancel_session,
    create_session,
    register,
    update_session,
)

__all__ = [
    "EDITABLE_FIELDS",
    "cancel_registration",
    "cancel_session",
    "create_session",
    "register",
    "update_session",
]
