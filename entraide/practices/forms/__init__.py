"""Forms of the practice inventory, one module per part."""
