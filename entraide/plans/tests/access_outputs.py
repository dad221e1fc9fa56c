"""Who gets what from the plan's outputs URLs (tests/test_access_matrix.py)."""

RULES = []
