"""manage.py load_demo: two realistic demo networks and one account per role."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from entraide.core.demo.accounts import accounts_table


class Command(BaseCommand):
    help = (
        "Create or refresh the demo networks (mcq, pancanadien), their people and "
        "the demo accounts, then print the accounts. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--print-accounts",
            action="store_true",
            help="Only print the demo accounts; change nothing.",
        )

    def handle(self, *args, print_accounts: bool = False, **options):
        if not print_accounts:
            if settings.PRODUCTION:
                raise CommandError(
                    "load_demo refuses to run with ENTRAIDE_ENV=production: "
                    "the demo accounts share a published password."
                )
            from entraide.core.demo.communiques import load_demo_communiques
            from entraide.core.demo.communities import load_communities
            from entraide.core.demo.digests import load_demo_digests
            from entraide.core.demo.discussions import load_demo_discussions
            from entraide.core.demo.dissemination import load_demo_dissemination
            from entraide.core.demo.library import load_demo_library
            from entraide.core.demo.loader import load_demo
            from entraide.core.demo.meetings import load_demo_meetings
            from entraide.core.demo.plans import load_demo_plans
            from entraide.core.demo.practices import load_demo_practices
            from entraide.core.demo.reports import load_demo_reports
            from entraide.core.demo.surveys import load_demo_surveys
            from entraide.search.services import rebuild as rebuild_search_index

            started = time.monotonic()
            summaries = load_demo()
            self.stdout.write(f"{load_communities()} communities")
            load_demo_discussions([s.slug for s in summaries])
            load_demo_meetings([s.slug for s in summaries])
            load_demo_practices([s.slug for s in summaries])
            load_demo_library([s.slug for s in summaries])
            load_demo_plans([s.slug for s in summaries])
            load_demo_surveys([s.slug for s in summaries])
            load_demo_dissemination([s.slug for s in summaries])
            load_demo_communiques([s.slug for s in summaries])
            load_demo_reports([s.slug for s in summaries])
            load_demo_digests()
            indexed = rebuild_search_index()
            self.stdout.write(f"{sum(indexed.values())} search entries")
            for s in summaries:
                self.stdout.write(
                    f"{s.name} ({s.slug}): {s.regions} regions, "
                    f"{s.subregions} sub-regions, {s.organisations} organisations, "
                    f"{s.people} people"
                )
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo data loaded in {time.monotonic() - started:.1f} s."
                )
            )
            self.stdout.write("")
        self.stdout.write("Demo accounts (sign in with the email):")
        self.stdout.write(accounts_table())
