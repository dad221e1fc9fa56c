"""Access rules of the calendars pages (gathered in access.py)."""

RULES: list = []
