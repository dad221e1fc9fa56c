"""Who gets what from the library's authoring URLs (tests/test_access_matrix.py)."""

RULES: list = []
