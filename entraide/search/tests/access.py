"""Who gets what from the search URLs (see tests/test_access_matrix.py).

Anyone may search a network's pages and gets 200: what each person finds there
is the selectors' business (tested in test_search_truth.py).
"""

from entraide.core.testing import Rule

NETWORK_A = {"network": "reseau-a"}


def _query(world):
    return {"q": "pedagogie"}


RULES = [
    Rule("search:search", kwargs=NETWORK_A, data=_query),
    Rule("search:suggestions", kwargs=NETWORK_A, data=_query),
    Rule("search:search", method="POST", kwargs=NETWORK_A, default=405),
    Rule("search:suggestions", method="POST", kwargs=NETWORK_A, default=405),
]
