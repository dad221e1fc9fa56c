"""The demo is searchable as soon as it is loaded."""

import io

from django.core.management import call_command

from entraide.accounts.models import User
from entraide.networks.models import Network
from entraide.search.backends import query_words
from entraide.search.models import SearchDocument
from entraide.search.selectors import search, searcher_for


def test_demo_is_indexed_and_searched_per_person(db):
    call_command("load_demo", stdout=io.StringIO())
    assert set(SearchDocument.objects.values_list("kind", flat=True)) == {
        "practice",
        "tool",
        "thread",
        "session",
        "community",
        "person",
    }
    network = Network.objects.get(slug="mcq")
    educator = User.objects.get(email="educatrice@demo.entraide.ca")
    words = query_words("pratique")
    member_finds = search(searcher_for(educator, network), words).count()
    anonymous_finds = search(searcher_for(None, network), words)
    assert member_finds > anonymous_finds.count() > 0
    assert {d.kind for d in anonymous_finds} <= {"practice", "tool", "community"}
