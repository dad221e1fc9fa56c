"""Every write to a survey, one module per part."""
