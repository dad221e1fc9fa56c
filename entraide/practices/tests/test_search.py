"""French-aware search: accents, case and plurals set aside, on both databases."""

import pytest

from entraide.practices.models import PracticeSheet
from entraide.practices.search import fold, query_stems, search_filter
from entraide.practices.tests.access_browse import published_sheet


@pytest.mark.parametrize(
    ("stored", "typed"),
    [
        ("Éducatrices", "educatrice"),
        ("pratique", "pratiques"),
        ("pratiques", "pratique"),
        ("Éveil", "eveil"),
        ("éveil musical", "ÉVEIL"),
        ("Jeu extérieur", "exterieurs"),
        ("Cœur", "coeur"),
    ],
)
def test_fold_matches_accents_case_and_plurals(stored, typed):
    assert fold(typed) in fold(stored)


def test_fold_keeps_words_apart_and_drops_punctuation():
    assert fold("L'éducatrice — routines, transitions!") == "l educ routin transit"


def test_query_stems_are_distinct_and_bounded():
    assert query_stems("pratique pratiques PRATIQUE") == ["pratiqu"]
    assert len(query_stems(" ".join(f"mot{i}" for i in range(50)))) == 8


def test_empty_query_filters_nothing():
    assert search_filter("  ") == search_filter("")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("educatrice", True),
        ("ÉDUCATRICES", True),
        ("pratiques éveil", True),
        ("eveil pratique", True),
        ("educatrice piscine", False),
        ("%", True),  # punctuation alone: no search
        ("_", True),
    ],
)
def test_search_finds_folded_words(inventory, typed, found):
    sheet = published_sheet(
        inventory.network,
        "Pratique d'éveil",
        summary="Les éducatrices chantent avec les poupons.",
    )
    matches = PracticeSheet.objects.filter(search_filter(typed))
    assert (sheet in matches) is found
