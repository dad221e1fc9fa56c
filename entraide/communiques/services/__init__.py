"""Every write of the communiqué: consent, assembly, editing, sending."""
