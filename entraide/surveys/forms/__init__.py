"""The surveys' forms, one module per part."""
