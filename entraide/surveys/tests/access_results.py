"""Who gets what from the surveys' results URLs (tests/test_access_matrix.py)."""

RULES = []
