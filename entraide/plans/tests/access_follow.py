"""Who gets what from the plan's follow URLs (tests/test_access_matrix.py)."""

RULES = []
