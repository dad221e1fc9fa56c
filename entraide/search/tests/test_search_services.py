"""The index follows the services that change what can be found, once their
transaction commits; the command rebuilds it whole."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from entraide.accounts.services import update_profile
from entraide.discussions.services import (
    delete_post,
    hide_post,
    start_thread,
    unhide_post,
)
from entraide.library.services.workflow import archive_tool
from entraide.meetings.services.sessions import create_session
from entraide.networks.models import Membership
from entraide.networks.services import remove_membership
from entraide.search.models import SearchDocument
from entraide.search.tests.test_search_truth import titles


def test_a_thread_is_found_once_started_and_lost_once_hidden_or_deleted(
    corpus, django_capture_on_commit_callbacks
):
    ped = corpus.people["ped"]
    with django_capture_on_commit_callbacks(execute=True):
        thread = start_thread(
            community=corpus.pedagogie,
            author=ped,
            kind="question",
            title="Siestes difficiles",
            body="Des idées pour les siestes ?",
        )
    assert titles(corpus, "ped2", "sieste") == {"Siestes difficiles"}
    with django_capture_on_commit_callbacks(execute=True):
        hide_post(post=thread, actor=corpus.people["lead"], reason="Hors sujet")
    assert titles(corpus, "ped2", "sieste") == set()
    with django_capture_on_commit_callbacks(execute=True):
        unhide_post(post=thread, actor=corpus.people["lead"])
    assert titles(corpus, "ped2", "sieste") == {"Siestes difficiles"}
    with django_capture_on_commit_callbacks(execute=True):
        delete_post(post=thread, actor=ped)
    assert titles(corpus, "ped2", "sieste") == set()


def test_nothing_is_indexed_before_the_commit(corpus):
    """Without a commit (this test's transaction stays open) the row waits."""
    start_thread(
        community=corpus.pedagogie,
        author=corpus.people["ped"],
        kind="question",
        title="Siestes en attente",
        body="Toujours en attente.",
    )
    assert titles(corpus, "ped2", "sieste") == set()


def test_an_archived_tool_is_no_longer_found(
    corpus, django_capture_on_commit_callbacks
):
    tool = corpus.objects["tool_public"]
    assert titles(corpus, None, "grille") == {"Grille d'observation du jeu"}
    with django_capture_on_commit_callbacks(execute=True):
        archive_tool(tool=tool, actor=corpus.people["lead"])
    assert titles(corpus, None, "grille") == set()


def test_a_new_session_is_found_by_the_members(
    corpus, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        create_session(
            community=corpus.pedagogie,
            actor=corpus.people["lead"],
            title="Comptines et langage",
            starts_at=timezone.now() + timedelta(days=5),
            duration_minutes=60,
            format="virtual",
        )
    assert titles(corpus, "ped", "comptine") == {"Comptines et langage"}
    assert titles(corpus, "member", "comptine") == set()


def test_a_renamed_person_is_found_by_the_new_name(
    corpus, django_capture_on_commit_callbacks
):
    person = corpus.people["gestion"]
    with django_capture_on_commit_callbacks(execute=True):
        update_profile(user=person, data={"last_name": "Gauthier"})
    assert titles(corpus, "member", "gauthier") == {"Gaston Gauthier"}
    assert titles(corpus, "member", "belanger") == set()


def test_a_person_removed_from_the_network_leaves_the_index(
    corpus, django_capture_on_commit_callbacks
):
    person = corpus.people["gestion"]
    membership = Membership.objects.get(user=person, network=corpus.a)
    with django_capture_on_commit_callbacks(execute=True):
        remove_membership(membership=membership, actor=corpus.people["lead"])
    assert not SearchDocument.objects.filter(kind="person", user=person).exists()


def test_rebuild_command_writes_every_kind(corpus):
    SearchDocument.objects.all().delete()
    out = StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "practice: 7" in out.getvalue()  # the draft is left out
    assert "thread: 2" in out.getvalue()
    assert titles(corpus, "ped", "morsures")
    call_command("rebuild_search_index", "--kind", "thread", stdout=out)
    assert titles(corpus, "ped", "morsures")
