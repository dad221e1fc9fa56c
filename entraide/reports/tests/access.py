"""Who gets what from the reports URLs (see tests/test_access_matrix.py)."""

RULES = []
