"""Who gets what from the library's browse URLs (tests/test_access_matrix.py)."""

RULES: list = []
