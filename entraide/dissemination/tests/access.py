"""Who gets what from the dissemination URLs (see tests/test_access_matrix.py)."""

RULES = []
