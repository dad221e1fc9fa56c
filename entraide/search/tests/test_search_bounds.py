"""What one search may cost stays bounded, whatever the number of matches:
counts stop at ``SEARCH_COUNT_MAX``, the newest rows always compete, pages stop at
``SEARCH_LISTED_MAX`` — and below those bounds the pages are the whole ranking.
Run with tiny bounds so that a few rows cross them, on both databases."""

import pytest
from django.urls import reverse

from entraide.communities.models import CommunityMembership
from entraide.networks.models import Membership
from entraide.practices.tests.access_browse import published_sheet
from entraide.search import backends
from entraide.search.backends import query_words
from entraide.search.models import SearchDocument
from entraide.search.selectors import findable, result_page, search
from entraide.search.services import rebuild
from entraide.search.tests.test_search_truth import titles


@pytest.fixture
def tiny(settings):
    settings.SEARCH_COUNT_MAX = 3
    settings.SEARCH_RECENT_WINDOW = 2
    settings.SEARCH_LISTED_MAX = 5
    return settings


def comptines(corpus, n, **fields):
    """``n`` public sheets of A ranked alike, each published after the one
    before it (and so indexed after it)."""
    for i in range(n):
        published_sheet(corpus.a, f"Comptine {i}", scope="public", **fields)
    rebuild()


def page(corpus, key, query, **filters):
    return result_page(corpus.searcher(key), query_words(query), **filters)


def test_counts_stop_at_the_bound_and_say_so(corpus, tiny):
    comptines(corpus, 6)
    found = page(corpus, "member", "comptine")
    assert found.counts == {"practice": 3}
    assert found.more == {"practice"} and found.is_lower_bound
    few = page(corpus, "member", "morsures")
    assert not few.more and few.counts == {}


def test_the_newest_rows_compete_however_many_match(corpus, tiny):
    """The index gives its first four matches (Comptine 0 to 3); Comptine 5, the
    newest, is found among the two newest sheets, and ranks first."""
    comptines(corpus, 6)
    found = page(corpus, "member", "comptine", per_page=3)
    assert [d.title for d in found.rows][:2] == ["Comptine 5", "Comptine 4"]


def test_the_recent_rows_are_the_newest_of_the_kind_matching_or_not(corpus):
    """The second look reads the newest rows of the kind, whether they match or
    not, and ranks those that match (the first look's order is the database's)."""
    comptines(corpus, 4)
    published_sheet(corpus.a, "Berceuse du soir", scope="public")
    rebuild()
    searcher = corpus.searcher("member")
    rows = backends.candidates(
        lambda: findable(searcher),
        [("practice", 10)],
        query_words("comptine"),
        prefix=False,
        key=("test", corpus.a.pk),
        newest=lambda: SearchDocument.objects.filter(network=corpus.a),
        window=2,
    )
    # The two newest sheets: « Berceuse du soir » (no match) and « Comptine 3 ».
    assert [(kind, n) for kind, n, *_ in rows] == [("practice", 1)]
    assert SearchDocument.objects.get(pk=rows[0][2]).title == "Comptine 3"


def test_pages_stop_at_the_listed_bound(corpus, tiny):
    tiny.SEARCH_LISTED_MAX = 3
    comptines(corpus, 6)
    found = page(corpus, "member", "comptine", per_page=2, number=99)
    assert found.reachable == 3
    assert found.number == 2 and len(found.rows) == 1


@pytest.mark.parametrize(
    ("key", "query"),
    [
        ("member", "jeu"),
        ("ped", "morsures"),
        ("lead", "gabarit"),
        ("member", "pratiques"),
        (None, "alimentation"),
    ],
)
def test_below_the_bounds_the_pages_are_the_whole_ranking(corpus, key, query):
    comptines(corpus, 4, summary="Un jeu de comptines et de pratiques.")
    searcher = corpus.searcher(key)
    words = query_words(query)
    whole = [d.pk for d in search(searcher, words)]
    found = result_page(searcher, words, per_page=3)
    assert [d.pk for d in found.rows] == whole[:3]
    assert found.total == len(whole) and not found.more


def test_bounds_never_show_more_than_the_person_may_see(corpus, tiny):
    """Over the bounds, what the pages show is still within what the person may
    find: B's network sheets never appear on A's pages."""
    for network, scope in ((corpus.b, "network"), (corpus.b, "provincial")):
        for i in range(5):
            published_sheet(network, f"Berceuse {scope} {i}", scope=scope)
    rebuild()
    searcher = corpus.searcher("member")
    words = query_words("berceuse")
    allowed = {d.pk for d in search(searcher, words)}
    found = result_page(searcher, words, per_page=5)
    assert found.rows and {d.pk for d in found.rows} <= allowed
    assert all("provincial" in d.title for d in found.rows)


def test_a_broad_search_costs_the_same_queries_for_few_or_many(
    corpus, tiny, django_assert_num_queries
):
    comptines(corpus, 5)
    searcher = corpus.searcher("member")
    words = query_words("comptine")
    result_page(searcher, words)  # the SQL is compiled once per person
    # The first matches and the counts, the newest rows, the page's rows.
    with django_assert_num_queries(3):
        result_page(searcher, words)
    comptines(corpus, 30)
    with django_assert_num_queries(3):
        assert result_page(searcher, words).more


def test_joining_a_community_or_a_new_role_counts_at_the_next_search(corpus):
    """The SQL compiled for a person follows their communities and role."""
    member = corpus.people["member"]
    assert not titles(corpus, "member", "morsures")
    CommunityMembership.objects.create(
        community=corpus.pedagogie, user=member, role="member"
    )
    assert titles(corpus, "member", "morsures") == {
        "Morsures à la pouponnière",
        "Rencontre sur les morsures",
    }
    assert "Gabarit de menu de la pouponnière" in titles(corpus, "member", "gabarit")
    CommunityMembership.objects.filter(user=member).delete()
    assert "Gabarit de menu de la pouponnière" not in titles(
        corpus, "member", "gabarit"
    )
    Membership.objects.filter(user=member, network=corpus.a).update(role="project_lead")
    assert "Gabarit de menu de la pouponnière" in titles(corpus, "member", "gabarit")


def test_the_page_says_when_numbers_are_lower_bounds(client, corpus, tiny):
    comptines(corpus, 6)
    client.force_login(corpus.people["member"])
    url = reverse("search:search", kwargs={"network": corpus.a.slug})
    html = client.get(url, {"q": "comptine"}).content.decode()
    assert "Plus de 3 résultats pour « comptine »" in html
    assert "Pratiques (plus de 3)" in html and "Tout (plus de 3)" in html
    # Listed: at least the four counted (the first matches and the newest may
    # be the same rows), within the five pages may reach.
    assert "les 4 meilleurs sont présentés" in html
    html = client.get(url, {"q": "morsures"}).content.decode()
    assert "Plus de" not in html and "meilleurs sont présentés" not in html


def test_the_page_says_when_pages_stop_before_the_matches(client, corpus, tiny):
    tiny.SEARCH_LISTED_MAX = 2
    comptines(corpus, 3)
    url = reverse("search:search", kwargs={"network": corpus.a.slug})
    html = client.get(url, {"q": "comptine"}).content.decode()
    assert "3 résultats pour « comptine »" in html and "Plus de" not in html
    assert "Les 2 meilleurs résultats sont présentés." in html
    assert html.count('class="card search-result"') == 2


def test_the_page_says_so_in_english(client, corpus, tiny):
    comptines(corpus, 6)
    person = corpus.people["member"]
    person.language = "en"
    person.save()
    client.force_login(person)
    url = reverse("search:search", kwargs={"network": corpus.a.slug})
    html = client.get(url, {"q": "comptine"}).content.decode()
    assert "More than 3 results for “comptine”" in html
    assert "Practices (more than 3)" in html
