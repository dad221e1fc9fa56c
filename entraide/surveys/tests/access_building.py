"""Who gets what from the surveys' building URLs (tests/test_access_matrix.py)."""

RULES = []
