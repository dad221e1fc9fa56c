"""Access rules of the records pages (gathered in access.py)."""

RULES: list = []
