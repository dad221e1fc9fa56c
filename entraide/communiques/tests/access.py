"""Who gets what from the communiques URLs (see tests/test_access_matrix.py)."""

RULES = []
