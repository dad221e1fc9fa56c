"""Every write to a plan, one module per part."""
