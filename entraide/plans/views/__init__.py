"""The action plan's views, one module per part."""
