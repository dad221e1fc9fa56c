"""Server time of the search, one request after another, in the server process.

    python bench/search.py [--rounds 20]

wrk's numbers (bench/run.sh) include the queue of 4 connections on 2 workers
sharing 2 CPUs with wrk; this measures what one search costs the server: the
whole request through Django (middleware, session, queries, template) and, apart,
the database part alone (the ranked page and the counts by kind). Prints one
``SEARCH <markdown row>`` line per query, then an ``ALL`` row.
"""

import argparse
import statistics
import time

from generate import BENCH_EMAIL, setup_django

QUERIES = (
    ("educatrices", "", True),
    ("enfants", "", True),
    ("jeu", "", True),
    ("jouer dehors hiver", "", True),
    ("menu", "practice", True),
    ("alimentation familles", "", True),
    ("trottineurs", "", True),
    ("gagnon", "person", True),
    ("astronomie", "", True),
    ("routines", "", False),
    ("éducatrices expérimentées", "", False),
)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def row(label: str, whole: list[float], database: list[float]) -> str:
    return (
        f"| {label} | {len(whole)} | {statistics.median(whole):.1f} | "
        f"{percentile(whole, 0.95):.1f} | {max(whole):.1f} | "
        f"{statistics.median(database):.1f} | {percentile(database, 0.95):.1f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from urllib.parse import urlencode

    from django.db.models import Count
    from django.test import Client

    from entraide.accounts.models import User
    from entraide.networks.models import Network
    from entraide.practices.models import PracticeSheet
    from entraide.search.backends import query_words
    from entraide.search.selectors import result_page, searcher_for

    slug = (
        PracticeSheet.objects.values("network__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["network__slug"]
    )
    network = Network.objects.get(slug=slug)
    user = User.objects.get(email=BENCH_EMAIL)
    signed_in = Client(HTTP_HOST="127.0.0.1")
    signed_in.force_login(user)
    anonymous = Client(HTTP_HOST="127.0.0.1")
    whole = {q: [] for q, _, _ in QUERIES}
    database = {q: [] for q, _, _ in QUERIES}
    for round_ in range(args.rounds + 1):
        for query, kind, member in QUERIES:
            client = signed_in if member else anonymous
            params = urlencode({"q": query, **({"type": kind} if kind else {})})
            started = time.perf_counter()
            response = client.get(f"/r/{slug}/recherche/?{params}")
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (query, response.status_code)
            started = time.perf_counter()
            searcher = searcher_for(user if member else None, network)
            words = query_words(query)
            result_page(searcher, words, kind=kind)
            db_elapsed = (time.perf_counter() - started) * 1000
            if round_:  # the first round warms caches up
                whole[query].append(elapsed)
                database[query].append(db_elapsed)
    for query, kind, member in QUERIES:
        who = "signed in" if member else "anonymous"
        label = f"« {query} »{f' ({kind})' if kind else ''}, {who}"
        print("SEARCH " + row(label, whole[query], database[query]))
    every = [t for times in whole.values() for t in times]
    every_db = [t for times in database.values() for t in times]
    print("SEARCH " + row("**All searches**", every, every_db))
    print(f"NETWORK {slug} {PracticeSheet.objects.filter(network=network).count()}")


if __name__ == "__main__":
    main()
