"""Demo data: two realistic networks and one account per role, for ``load_demo``."""
