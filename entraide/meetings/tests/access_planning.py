"""Access rules of the planning pages (gathered in access.py)."""

RULES: list = []
