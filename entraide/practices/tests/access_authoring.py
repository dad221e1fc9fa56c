"""Access rules of the authoring pages (gathered in access.py)."""

RULES: list = []
