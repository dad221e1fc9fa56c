"""The pages bench/run.sh measures, a signed-in session for them, and their queries.

    python bench/pages.py

Prints ``COOKIE <header value>``, ``DATABASE <label>``, ``SUBJECT <who is signed
in>``, ``COOKIE_LEAD <header value>`` (a project lead of the largest network, for
the pages only those who build a survey see), then one ``PAGE <auth> <queries>
<path> <name>`` line per page (``auth`` is ``signed-in``, ``lead`` or
``anonymous``). Every page is fetched once first through Django's test client: a
page that does not answer 200 stops the run, so a broken session cannot pass for a
fast redirect.
"""

import sys
from importlib import import_module

from generate import BENCH_COMMUNITY, BENCH_EMAIL, setup_django


def pages(
    network_slug: str,
    thread_pk: int,
    session_pk: int,
    personal_feed: str = "",
    community_feed: str = "",
    plan_pk: int | None = None,
    survey_pk: int | None = None,
) -> list[tuple[str, bool | str, str]]:
    """(path, signed in, name) of each page, the empty view first: the floor."""
    community = f"/r/{network_slug}/communautes/{BENCH_COMMUNITY}/"
    return (
        [
            ("/__bench__/empty", False, "Empty view (floor), anonymous"),
            ("/__bench__/empty", True, "Empty view, signed in"),
            ("/", False, "Welcome page, anonymous"),
            ("/", True, "Home, signed in"),
            (f"/r/{network_slug}/", True, "Network detail (largest network)"),
            ("/notifications/", True, "Notifications list, page 1"),
            (f"/r/{network_slug}/communautes/", True, "Communities of the network"),
            (community, True, "Community home (300 members)"),
            (f"{community}discussions/", True, "Discussion list (200 threads)"),
            (
                f"{community}discussions/{thread_pk}/",
                True,
                "Thread page 1 (300 replies)",
            ),
            (f"{community}rencontres/", True, "Sessions of the community"),
            (
                f"{community}rencontres/{session_pk}/",
                True,
                "Session page (100 registered, 20 waiting, 12-point agenda, "
                "24 open follow-ups)",
            ),
            (f"{community}rencontres/programme/", True, "Programme of the year"),
            (
                f"/r/mes-rencontres/calendriers/{personal_feed}.ics",
                False,
                "Personal calendar feed (.ics)",
            ),
            (
                f"/r/mes-rencontres/calendriers/{community_feed}.ics",
                False,
                "Community calendar feed (10 sessions)",
            ),
            ("/r/mes-rencontres/participation/", True, "Participation record"),
            (
                f"/r/{network_slug}/pratiques/",
                True,
                "Published practices, page 1 (2,000 sheets)",
            ),
            (
                f"/r/{network_slug}/pratiques/?q=educatrice&sort=evaluations",
                True,
                "Published practices, searching « educatrice »",
            ),
            (f"/r/{network_slug}/pratiques/", False, "Published practices, anonymous"),
            (f"/r/{network_slug}/outils/", True, "Tools list, page 1 (2,000 tools)"),
            (
                f"/r/{network_slug}/outils/?q=menu",
                True,
                "Tools list, searching « menu »",
            ),
            (f"/r/{network_slug}/outils/", False, "Tools list, anonymous"),
            (
                f"/r/{network_slug}/pratiques/comite-regional/",
                True,
                "Regional committee queue (about 200 submitted sheets)",
            ),
            (
                f"/r/{network_slug}/pratiques/comite-regional/?state=retained",
                True,
                "Regional committee queue, retained sheets",
            ),
            (
                f"/r/{network_slug}/pratiques/comite-scientifique/",
                True,
                "Scientific committee queue (about 200 sheets to evaluate)",
            ),
        ]
        + (
            [
                (
                    f"/r/{network_slug}/plan/{plan_pk}/",
                    True,
                    "Action plan as a table (200 actions)",
                ),
                (
                    f"/r/{network_slug}/plan/{plan_pk}/tableau-de-bord/",
                    True,
                    "Action plan dashboard (200 actions, 100 indicators)",
                ),
            ]
            if plan_pk
            else []
        )
        + (
            [
                (
                    f"/r/{network_slug}/sondages/{survey_pk}/",
                    "lead",
                    "Survey page with its live response rate (the whole network asked)",
                ),
                (
                    f"/r/{network_slug}/sondages/{survey_pk}/taux-de-reponse/",
                    "lead",
                    "Response rate refresh (HTMX fragment)",
                ),
                (
                    f"/r/{network_slug}/sondages/{survey_pk}/resultats/",
                    "lead",
                    "Survey results (every answer read, charts)",
                ),
                (
                    f"/r/{network_slug}/sondages/{survey_pk}/resultats/?croiser=subregion",
                    "lead",
                    "Survey results by sub-region (anonymous, joint suppression)",
                ),
            ]
            if survey_pk
            else []
        )
    )


def search_pages(network_slug: str, search_slug: str) -> list[tuple[str, bool, str]]:
    """The search of the network holding most sheets (50,000 at national scale)
    and of the largest network (its people, communities, threads and tools)."""
    search = f"/r/{search_slug or network_slug}/recherche/"
    return [
        (
            f"{search}?q=educatrices",
            True,
            "Search « educatrices », the network with most sheets",
        ),
        (
            f"{search}?q=jouer+dehors+hiver",
            True,
            "Search « jouer dehors hiver », three words",
        ),
        (
            f"{search}?q=menu&type=practice",
            True,
            "Search « menu », practices only",
        ),
        (f"{search}?q=routines", False, "Search « routines », anonymous"),
        (f"{search}suggestions/?q=alim", True, "Search suggestions « alim »"),
        (
            f"/r/{network_slug}/recherche/?q=gagnon",
            True,
            "Search « gagnon » in the largest network (people, threads)",
        ),
    ]


def signed_in_session(user) -> str:
    """A session for ``user`` exactly as a sign-in would leave it; returns its key."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return session.session_key


def database_label(connection) -> str:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    import sqlite3

    return f"SQLite {sqlite3.sqlite_version} (WAL)"


def main() -> None:
    setup_django()
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from entraide.accounts.models import User
    from entraide.networks.models import Network

    user = User.objects.get(email=BENCH_EMAIL)
    largest = (
        Network.objects.filter(pk__in=user.memberships.values("network"))
        .annotate(members=Count("memberships"))
        .order_by("-members", "pk")
        .first()
    )
    key = signed_in_session(user)
    print(f"COOKIE {settings.SESSION_COOKIE_NAME}={key}")
    print(f"DATABASE {database_label(connection)}")
    print(
        f"SUBJECT a person in {user.memberships.count()} networks (the largest has "
        f"{largest.members:,} members) with {user.notifications.count():,} "
        "notifications"
    )
    from entraide.discussions.models import Thread

    busiest = (
        Thread.objects.filter(community__slug=BENCH_COMMUNITY)
        .order_by("-reply_count")
        .first()
    )
    from entraide.meetings.models import Session

    session = (
        Session.objects.filter(community__slug=BENCH_COMMUNITY, status="confirmed")
        .order_by("starts_at")
        .first()
    )
    feeds = user.calendar_feeds.filter(revoked_at__isnull=True)
    personal = feeds.get(community__isnull=True).token
    of_community = feeds.get(community__slug=BENCH_COMMUNITY).token
    from entraide.plans.models import Plan

    plan = Plan.objects.filter(network=largest).order_by("pk").first()
    from entraide.networks.models import Membership
    from entraide.surveys.models import Survey

    survey = Survey.objects.filter(network=largest).order_by("pk").first()
    lead = (
        Membership.objects.filter(network=largest, role="project_lead")
        .select_related("user")
        .order_by("pk")
        .first()
    )
    lead_key = signed_in_session(lead.user) if lead else ""
    print(f"COOKIE_LEAD {settings.SESSION_COOKIE_NAME}={lead_key}")
    from entraide.practices.models import PracticeSheet

    most_sheets = (
        PracticeSheet.objects.values("network__slug")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    search_slug = most_sheets["network__slug"] if most_sheets else ""
    for path, signed_in, name in pages(
        largest.slug,
        busiest.pk,
        session.pk,
        personal,
        of_community,
        plan.pk if plan else None,
        survey.pk if survey and lead else None,
    ) + search_pages(largest.slug, search_slug):
        client = Client(HTTP_HOST="127.0.0.1")
        if signed_in == "lead":
            client.cookies[settings.SESSION_COOKIE_NAME] = lead_key
        elif signed_in:
            client.cookies[settings.SESSION_COOKIE_NAME] = key
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}, not 200: stopping.")
        auth = (
            "lead" if signed_in == "lead" else "signed-in" if signed_in else "anonymous"
        )
        print(f"PAGE {auth} {len(queries)} {path} {name}")


if __name__ == "__main__":
    main()
