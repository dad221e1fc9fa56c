"""Write the whole search index again from what each app holds now."""

from django.core.management.base import BaseCommand

from entraide.search.models import Kind
from entraide.search.services import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (every kind, or those named with --kind)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind", action="append", choices=Kind.values, help="only this kind"
        )

    def handle(self, *args, kind=None, **options):
        counts = rebuild(kind)
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
