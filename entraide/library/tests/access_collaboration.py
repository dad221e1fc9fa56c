"""Who gets what from the library's collaboration URLs (tests/test_access_matrix.py)."""

RULES: list = []
