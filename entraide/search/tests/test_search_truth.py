"""Nobody finds through search what they may not see elsewhere."""

import pytest

from entraide.search.backends import query_words
from entraide.search.selectors import search


def titles(corpus, key, query, network=None, **filters):
    searcher = corpus.searcher(key, network)
    return {d.title for d in search(searcher, query_words(query), **filters)}


@pytest.mark.parametrize(
    ("key", "found"),
    [
        (None, False),
        ("member", False),
        ("lead", False),
        ("gestion", False),
        ("admin_b", False),
        ("ped", True),
        ("ped2", True),
    ],
)
def test_members_only_thread_is_found_by_its_members_only(corpus, key, found):
    assert ("Morsures à la pouponnière" in titles(corpus, key, "morsures")) is found
    assert ("Rencontre sur les morsures" in titles(corpus, key, "morsures")) is found


def test_a_draft_is_never_found(corpus):
    for key in (None, "member", "lead", "ped"):
        assert "Brouillon sur les morsures" not in titles(corpus, key, "brouillon")
