"""The part of the index each database does its own way, behind one interface:
``write`` keeps the full text of some rows current, ``forget`` drops it, and
``match`` narrows a queryset of documents to a query, ranked.

PostgreSQL: ``vector`` = title (weight A) + body (weight B) in the
``entraide_french`` configuration, matched with a tsquery, ranked by ``ts_rank``.
SQLite: the FTS5 table ``search_fts`` holds the folded title and body (French
stems, no accents), matched with ``MATCH``, ranked by ``bm25`` (title ×10).
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, QuerySet

from entraide.practices.search import fold, fold_words
from entraide.search.models import SearchDocument

CONFIG = "entraide_french"
MAX_QUERY_WORDS = 8
WORD = re.compile(r"[^\W_]+")
# The Snowball French stop words (PostgreSQL's french.stop) without accents, and
# « les », « cet », « cette »: dropped from queries on both databases alike.
STOP_WORDS = frozenset(
    """les cet cette au aux avec ce ces dans de des du elle en et eux il je la le leur
    lui ma mais
    me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
    sur ta te tes toi ton tu un une vos votre vous c d j l a m n s t y ete etee etees
    etes etant etante etants etantes suis es est sommes serai seras sera serons serez
    seront serais serait serions seriez seraient etais etait etions etiez etaient fus
    fut fumes futes furent sois soit soyons soyez soient fusse fusses fussions fussiez
    fussent ayant ayante ayantes ayants eu eue eues eus ai as avons avez ont aurai
    auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait
    avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse
    eusses eut eussions eussiez eussent""".split()
)


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def query_words(query: str) -> list[str]:
    """The words of a query worth asking for, in order, at most eight."""
    words = []
    for word in WORD.findall(str(query or "")):
        if _plain(word) in STOP_WORDS or word.lower() in words:
            continue
        words.append(word.lower())
    return words[:MAX_QUERY_WORDS]


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def write(ids: list[int]) -> None:
    """Make the full text of documents ``ids`` match their title and body."""
    if not ids:
        return
    if is_postgres():
        SearchDocument.objects.filter(pk__in=ids).update(
            vector=SearchVector("title", weight="A", config=CONFIG)
            + SearchVector("body", weight="B", config=CONFIG)
        )
        return
    rows = SearchDocument.objects.filter(pk__in=ids).values_list("pk", "title", "body")
    with connection.cursor() as cursor:
        cursor.executemany(
            "DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk in ids]
        )
        cursor.executemany(
            "INSERT INTO search_fts (rowid, title, body) VALUES (%s, %s, %s)",
            [(pk, fold(title), fold(body)) for pk, title, body in rows],
        )


def forget(ids: list[int]) -> None:
    """Drop the full text of documents about to be deleted (SQLite only: on
    PostgreSQL it lives in the row)."""
    if ids and not is_postgres():
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_fts WHERE rowid = %s", [(pk,) for pk in ids]
            )


def forget_all() -> None:
    if not is_postgres():
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")


def _tsquery(words: list[str], prefix: bool) -> str:
    terms = [
        f"{word}:*" if prefix and i == len(words) - 1 else word
        for i, word in enumerate(words)
    ]
    return " & ".join(terms)


def _fts_match(words: list[str], prefix: bool) -> str:
    stems = []
    for word in words:
        stems.extend(fold_words(word))
    stems = [stem for stem in dict.fromkeys(stems) if stem]
    last = len(stems) - 1
    return " ".join(
        f'"{stem}"*' if prefix and i == last else f'"{stem}"'
        for i, stem in enumerate(stems)
    )


def match(
    documents: QuerySet, words: list[str], *, prefix: bool = False, ranked=True
) -> QuerySet:
    """``documents`` that hold every word (the last as a prefix when ``prefix``),
    annotated ``rank`` (higher is better) and ordered by it unless not ``ranked``."""
    if is_postgres():
        query = SearchQuery(_tsquery(words, prefix), config=CONFIG, search_type="raw")
        if not ranked:
            return documents.filter(vector=query)
        return (
            documents.filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "-updated_at", "pk")
        )
    # The only SQL written here is fixed; the query travels as a parameter.
    table = SearchDocument._meta.db_table
    matched = documents.extra(  # noqa: S610
        tables=["search_fts"],
        where=[f"search_fts.rowid = {table}.id", "search_fts MATCH %s"],
        params=[_fts_match(words, prefix)],
    )
    if not ranked:
        return matched
    return matched.extra(  # noqa: S610
        select={"rank": "-bm25(search_fts, 10.0, 1.0)"}
    ).order_by("-rank", "-updated_at", "pk")


def page_and_counts(
    documents: QuerySet, words: list[str], *, kind: str, offset: int, limit: int
) -> tuple[list[int], dict[str, int]]:
    """PostgreSQL only: the ids of one page, best first (of ``kind`` if given),
    and the number of matching rows of every kind, from one scan of the matching
    rows (a materialised CTE read twice) instead of two."""
    query = SearchQuery(_tsquery(words, False), config=CONFIG, search_type="raw")
    matched = (
        documents.filter(vector=query)
        .annotate(rank=SearchRank(F("vector"), query))
        .order_by()
        .values("pk", "kind", "updated_at", "rank")
    )
    sql, params = matched.query.sql_with_params()
    only_kind = "WHERE kind = %s " if kind else ""
    statement = (
        f"WITH m AS MATERIALIZED ({sql}) "  # noqa: S608 (the ORM's SQL; values are parameters)
        "SELECT kind, count(*) AS n, NULL::bigint AS pk FROM m GROUP BY kind "
        "UNION ALL (SELECT kind, NULL, pk FROM m "
        f"{only_kind}ORDER BY rank DESC, updated_at DESC, pk LIMIT %s OFFSET %s)"
    )
    arguments = [*params, *([kind] if kind else []), limit, offset]
    counts, ids = {}, []
    with connection.cursor() as cursor:
        cursor.execute(statement, arguments)
        for row_kind, n, pk in cursor.fetchall():
            if pk is None:
                counts[row_kind] = n
            else:
                ids.append(pk)
    return ids, counts
