"""Access rules of the browse pages (gathered in access.py)."""

RULES: list = []
