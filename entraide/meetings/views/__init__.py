"""Session pages of a community, one module per part (see ``urls.py``)."""
