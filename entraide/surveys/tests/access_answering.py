"""Who gets what from the surveys' answering URLs (tests/test_access_matrix.py)."""

RULES = []
