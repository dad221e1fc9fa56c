"""The part of the index each database does its own way, behind one interface:
``write`` keeps the full text of some rows current, ``forget`` drops it,
``match`` narrows a queryset of documents to a query, ranked, and ``candidates``
reads the best of them with bounded work (what pages show).

PostgreSQL: ``vector`` = title (weight A) + body (weight B) in the
``entraide_french`` configuration, matched with a tsquery, ranked by ``ts_rank``.
SQLite: the FTS5 table ``search_fts`` holds the folded title and body (French
stems, no accents), matched with ``MATCH``, ranked by ``bm25`` (title ×10).
"""

import re
import unicodedata
from collections.abc import Callable

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import EmptyResultSet
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


def query_text(words: list[str], prefix: bool) -> str:
    """The words as the database's full-text query (a parameter, never SQL)."""
    return _tsquery(words, prefix) if is_postgres() else _fts_match(words, prefix)


def match(documents: QuerySet, words: list[str], *, prefix: bool = False) -> QuerySet:
    """``documents`` that hold every word (the last as a prefix when ``prefix``),
    annotated ``rank`` (higher is better) and ordered by it."""
    return _match(documents, query_text(words, prefix))


def _match(documents: QuerySet, text: str) -> QuerySet:
    if is_postgres():
        query = SearchQuery(text, config=CONFIG, search_type="raw")
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
        params=[text],
    )
    return matched.extra(  # noqa: S610
        select={"rank": "-bm25(search_fts, 10.0, 1.0)"}
    ).order_by("-rank", "-updated_at", "pk")


# Stand for the kind and the query in SQL compiled once and run with each.
_KIND = "\x00kind\x00"
_QUERY = "\x00query\x00"
# Around the first matches on PostgreSQL (see ``candidates``).
_GIN_ONLY = "SET enable_seqscan = off; SET enable_indexscan = off"
_PLANNER_DEFAULTS = "RESET enable_seqscan; RESET enable_indexscan"
# Compiled SQL by (database, person and filters, bounds): building it through
# the ORM costs more than running it. Bounded; a person's next search (or the
# suggestions as they type) reuses theirs.
_COMPILED: dict = {}
_COMPILED_MAX = 512


def candidates(
    documents: Callable[[], QuerySet],
    kinds: list[tuple[str, int]],
    words: list[str],
    *,
    prefix: bool,
    key: tuple,
    limit: int = 0,
    newest: Callable[[], QuerySet] | None = None,
    window: int = 0,
) -> list[tuple]:
    """For each ``(kind, take)``, the ``take`` best rows of ``documents()`` of
    that kind matching the words, as ``(kind, n, pk, rank, updated_at)``, best
    first per kind, in one statement.

    Without ``newest``: the rows looked at are the first ``limit`` matches the
    index gives (in its own order, so that the work stays bounded however common
    the words) and ``n`` says how many of them matched (``limit`` meaning "at
    least"). With ``newest`` (rows, unordered): only the ``window`` newest of its
    rows of that kind are looked at, matching or not, and ``n`` is how many of
    them match.

    ``key`` stands for everything ``documents()`` and ``newest()`` depend on:
    their SQL is compiled once per key (and database) and reused."""
    if not kinds:
        return []
    cache_key = (
        connection.alias,
        connection.vendor,
        key,
        limit,
        window,
        newest is None,
    )
    compiled = _COMPILED.get(cache_key)
    if compiled is None:
        try:
            compiled = _compile(documents, limit, newest, window)
        except EmptyResultSet:  # nothing the person may find
            compiled = ("", [])
        if len(_COMPILED) >= _COMPILED_MAX:
            _COMPILED.pop(next(iter(_COMPILED)))
        _COMPILED[cache_key] = compiled
    branch, branch_params = compiled
    if not branch:
        return []
    text = query_text(words, prefix)
    params = []
    for kind, take in kinds:
        values = {_KIND: kind, _QUERY: text}
        params.extend([kind, *(values.get(p, p) for p in branch_params), take])
    statement = " UNION ALL ".join([branch] * len(kinds))
    if newest is None and is_postgres():
        # Through the full-text index only. Asked for the first few hundred
        # matches, PostgreSQL may walk a btree or the whole table instead when
        # it guesses a word common: right for the words it guesses well, a
        # quarter of a second for those it does not (a word frequent among
        # sheets, absent from profiles). The same round trip; a failed
        # statement undoes the settings with it.
        statement = f"{_GIN_ONLY}; {statement}; {_PLANNER_DEFAULTS}"
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        while cursor.description is None and cursor.nextset():
            pass
        return cursor.fetchall()


def _compile(documents, limit, newest, window) -> tuple[str, list]:
    of_kind = documents().filter(kind=_KIND)
    if newest is None:
        ranked = _match(of_kind, _QUERY).order_by()
        ranked = ranked.values("pk", "rank", "updated_at")[:limit]
        sql, params = ranked.query.sql_with_params()
        source, source_params = f"({sql}) p", list(params)
    else:
        ids = newest().filter(kind=_KIND).order_by("-updated_at", "-pk")
        source, source_params = _among(of_kind, ids.values("pk")[:window])
    branch = (
        "SELECT * FROM (SELECT %s AS kind, count(*) OVER () AS n, p.pk, p.rank, "  # noqa: S608 (the ORM's SQL; values are parameters)
        f"p.updated_at FROM {source} "
        "ORDER BY p.rank DESC, p.updated_at DESC, p.pk LIMIT %s) b"
    )
    return branch, source_params


def _among(documents: QuerySet, newest: QuerySet) -> tuple[str, list]:
    """The rows of ``documents`` among ``newest``, matched and ranked after they
    are read (``OFFSET 0`` keeps PostgreSQL from starting from the full-text
    index instead: the work is the size of ``newest``, however common the words)."""
    fields = ("pk", "vector", "updated_at") if is_postgres() else ("pk", "updated_at")
    window = documents.order_by().filter(pk__in=newest).values(*fields)
    sql, params = window.query.sql_with_params()
    if is_postgres():
        query = f"to_tsquery('{CONFIG}', %s)"
        return (
            f"(SELECT w.pk, ts_rank(w.vector, {query}) AS rank, w.updated_at "  # noqa: S608
            f"FROM ({sql} OFFSET 0) w WHERE w.vector @@ {query}) p",
            [_QUERY, *params, _QUERY],
        )
    return (
        "(SELECT w.pk, -bm25(search_fts, 10.0, 1.0) AS rank, w.updated_at "  # noqa: S608
        f"FROM ({sql}) w, search_fts WHERE search_fts.rowid = w.pk "
        "AND search_fts MATCH %s) p",
        [*params, _QUERY],
    )
