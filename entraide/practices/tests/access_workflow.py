"""Access rules of the workflow pages (gathered in access.py)."""

RULES: list = []
