"""Pages of the practice inventory, one module per part (see ``urls.py``)."""
