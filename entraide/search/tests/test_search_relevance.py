"""French-aware matching and ranking, the same on SQLite and PostgreSQL."""

import pytest

from entraide.search.backends import query_words
from entraide.search.selectors import search


def ranked(corpus, key, query, *, prefix=False):
    searcher = corpus.searcher(key)
    return [d.title for d in search(searcher, query_words(query), prefix=prefix)]


@pytest.mark.parametrize(
    "query",
    ["educatrice", "éducatrices", "ÉDUCATRICE", "Educatrices", "éducatrice"],
)
def test_accents_case_and_plural_do_not_matter(corpus, query):
    assert "Soutenir les éducatrices débutantes" in ranked(corpus, "member", query)


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("pratique", "Recrutement d'éducatrices qualifiées"),  # body: « pratiques »
        ("pratiques éducatives", "Rencontre sur les morsures"),
        ("éducatif", "Rencontre sur les morsures"),  # « éducatives »
        ("exterieur", "Le jeu extérieur en hiver"),
        ("mentorats", "Soutenir les éducatrices débutantes"),
        ("observer", "Grille d'observation du jeu"),  # title « observation »
    ],
)
def test_french_stems_match(corpus, query, title):
    assert title in ranked(corpus, "ped" if "Rencontre" in title else "gestion", query)


def test_every_word_must_be_found(corpus):
    assert ranked(corpus, "member", "jeu hiver") == ["Le jeu extérieur en hiver"]
    assert ranked(corpus, "member", "hiver collation") == []


def test_stop_words_are_not_asked_for(corpus):
    assert ranked(corpus, "member", "le jeu en hiver") == ["Le jeu extérieur en hiver"]
    assert query_words("le la les de des et") == []


def test_title_ranks_above_body(corpus):
    found = ranked(corpus, "member", "jeu extérieur")
    assert found.index("Le jeu extérieur en hiver") < found.index("Routines du matin")


def test_prefix_finds_words_being_typed(corpus):
    assert "Soutenir les éducatrices débutantes" in ranked(
        corpus, "member", "soutenir débu", prefix=True
    )
    assert ranked(corpus, "member", "soutenir débu") == []


def test_unrelated_words_find_nothing(corpus):
    assert ranked(corpus, "lead", "astronomie") == []
