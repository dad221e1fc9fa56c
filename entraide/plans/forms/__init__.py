"""The action plan's forms, one module per part."""
