"""Access rules of the agenda pages (gathered in access.py)."""

RULES: list = []
