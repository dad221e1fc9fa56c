"""Who gets what from the plan's structure URLs (tests/test_access_matrix.py)."""

RULES = []
