"""Access rules of the evaluation pages (gathered in access.py)."""

RULES: list = []
