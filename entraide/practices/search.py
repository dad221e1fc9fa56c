"""French-aware search of practice sheets that behaves the same on both databases.

Sheets store their text folded once (``PracticeSheet.search_text``): lowercase,
accents removed, each word reduced to its French stem. A query is folded the same
way and each of its stems must appear in the stored text, so « educatrice » finds
« Éducatrices » with a plain ``LIKE`` on SQLite and on PostgreSQL alike.
"""

import functools
import re
import unicodedata

import snowballstemmer
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Length, StrIndex
from django.db.models.lookups import GreaterThan, LessThanOrEqual

# A query is cut to this many words: more only slows the LIKE chain down.
MAX_QUERY_WORDS = 8
WORD = re.compile(r"[^\W_]+")


@functools.cache
def _stemmer():
    return snowballstemmer.stemmer("french")


LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_words(text: str) -> list[str]:
    """The folded stems of ``text``, in order."""
    words = WORD.findall(_strip_accents(str(text or "").lower()))
    return _stemmer().stemWords(words)


def fold(text: str) -> str:
    """``text`` lowercased, without accents, stemmed the French way, one space apart."""
    return " ".join(fold_words(text))


def query_stems(query: str) -> list[str]:
    """The distinct stems of a query, at most ``MAX_QUERY_WORDS`` of them."""
    stems = []
    for stem in fold_words(query):
        if stem not in stems:
            stems.append(stem)
    return stems[:MAX_QUERY_WORDS]


def search_filter(query: str, field: str = "search_text") -> Q:
    """Every stem of the query must appear in ``field`` (an empty query: all)."""
    condition = Q()
    for stem in query_stems(query):
        condition &= Q(**{f"{field}__contains": stem})
    return condition


def rank_by_title(
    queryset: QuerySet, query: str, title_field: str, field: str = "search_text"
) -> QuerySet:
    """Annotate ``search_rank``: how many of the query's stems are in the title.

    The folded text starts with the folded title (``authoring.refresh_search_text``
    puts it first), so a stem found within the title's length of the start is a
    title match — a test both databases answer alike (``instr`` / ``strpos``).
    """
    stems = query_stems(query)
    if not stems:
        return queryset.annotate(search_rank=Value(0, output_field=IntegerField()))
    title_length = Length(title_field)
    rank = Value(0, output_field=IntegerField())
    for stem in stems:
        position = StrIndex(field, Value(stem))
        in_title = GreaterThan(position, 0) & LessThanOrEqual(position, title_length)
        rank += Case(
            When(in_title, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return queryset.annotate(search_rank=rank)
