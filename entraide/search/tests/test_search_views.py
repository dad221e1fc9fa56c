"""The search page and its suggestions: results, messages, escaping, queries."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.core.testing import ROLES, World
from entraide.search.services import rebuild
from entraide.search.tests.access import RULES
from entraide.search.tests.conftest import thread


def url(network, name="search:search"):
    return reverse(name, kwargs={"network": network.slug})


@pytest.mark.django_db
def test_access_rules(client):
    world = World()
    failures = []
    for rule in RULES:
        target = reverse(rule.name, kwargs=rule.kwargs)
        for role in ROLES:
            client.logout()
            if world.people[role] is not None:
                client.force_login(world.people[role])
            call = getattr(client, rule.method.lower())
            response = call(target, rule.resolve(world, rule.data) or {})
            if response.status_code != rule.expected(role):
                failures.append(f"{rule.method} {target} as {role}")
    assert not failures


def test_unknown_network_is_404(client, db):
    assert client.get("/r/inconnu/recherche/?q=jeu").status_code == 404


def test_results_are_ranked_marked_and_filtered(client, corpus):
    client.force_login(corpus.people["ped"])
    response = client.get(url(corpus.a), {"q": "morsures"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Morsures</mark> à la pouponnière" in html
    assert "Rencontre sur les <mark>morsures</mark>" in html
    assert "Discussions (1)" in html and "Rencontres (1)" in html
    response = client.get(url(corpus.a), {"q": "morsures", "type": "session"})
    html = response.content.decode()
    assert "Rencontre sur les" in html and "pouponnière</a>" not in html


def test_other_network_practice_links_to_this_catalogue(client, corpus):
    client.force_login(corpus.people["member"])
    html = client.get(url(corpus.a), {"q": "mise en commun"}).content.decode()
    sheet = corpus.objects["b_pooled"]
    assert f'href="/r/mcq/pratiques/{sheet.pk}/"' in html


def test_titles_and_snippets_are_escaped(client, corpus):
    thread(
        corpus.pedagogie,
        corpus.people["ped"],
        "<script>alert(1)</script> comptines",
        "<img src=x onerror=alert(1)> comptines du matin",
    )
    rebuild()
    client.force_login(corpus.people["ped"])
    html = client.get(url(corpus.a), {"q": "comptines"}).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>comptines</mark>" in html


@pytest.mark.parametrize(
    ("q", "message"),
    [
        ("   ", "Écrivez un ou plusieurs mots à chercher."),
        ("!!! ??? …", "aucun mot à chercher"),
        ("le la de", "aucun mot à chercher"),
        ("é" * 201, "au plus 200 caractères"),
        ("jeu\x00", "caractère invalide"),
    ],
)
def test_bad_queries_get_a_french_message(client, corpus, q, message):
    response = client.get(url(corpus.a), {"q": q})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_unknown_filters_are_refused_in_french(client, corpus):
    html = client.get(
        url(corpus.a), {"q": "jeu", "type": "secret", "communaute": "pedagogie"}
    ).content.decode()
    assert "Choisissez un type dans la liste." in html
    assert "Choisissez une communauté dans la liste." in html


def test_empty_page_shows_the_form(client, corpus):
    response = client.get(url(corpus.a))
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


def test_suggestions_as_one_types(client, corpus):
    client.force_login(corpus.people["member"])
    html = client.get(
        url(corpus.a, "search:suggestions"), {"q": "soutenir débu"}
    ).content.decode()
    assert "<mark>Soutenir</mark> les éducatrices <mark>débutantes</mark>" in html
    assert "Tous les résultats pour « soutenir débu »" in html
    html = client.get(url(corpus.a, "search:suggestions"), {"q": "x"}).content.decode()
    assert "<li>" not in html


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    q=st.text(max_size=300),
    kind=st.sampled_from(["", "practice", "person", "zzz", "\x00"]),
    community=st.text(max_size=20),
    page=st.sampled_from(["", "2", "-1", "abc", "99999"]),
)
def test_any_query_gets_a_page_never_an_error(client, corpus, q, kind, community, page):
    client.force_login(corpus.people["ped"])
    params = {"q": q, "type": kind, "communaute": community, "page": page}
    assert client.get(url(corpus.a), params).status_code == 200
    assert client.get(url(corpus.a, "search:suggestions"), {"q": q}).status_code == 200


def _grow(corpus, times):
    from entraide.practices.tests.access_browse import published_sheet

    for i in range(times):
        published_sheet(corpus.a, f"Jeu libre {i}", scope="public", summary="jeu")
        thread(corpus.pedagogie, corpus.people["ped"], f"Jeu {i}", "Le jeu libre.")
    rebuild()


@pytest.mark.parametrize("name", ["search:search", "search:suggestions"])
def test_queries_do_not_grow_with_the_data(
    client, corpus, django_assert_max_num_queries, name
):
    client.force_login(corpus.people["ped"])
    _grow(corpus, 3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url(corpus.a, name), {"q": "jeu"})
    _grow(corpus, 30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url(corpus.a, name), {"q": "jeu"})
    assert response.status_code == 200


def test_pages_of_results_and_past_the_end(client, corpus):
    from entraide.practices.tests.access_browse import published_sheet

    for i in range(25):
        published_sheet(corpus.a, f"Comptine {i}", scope="public")
    rebuild()
    html = client.get(url(corpus.a), {"q": "comptine", "page": "2"}).content.decode()
    assert "25 résultats" in html and html.count('class="card search-result"') == 5
    html = client.get(url(corpus.a), {"q": "comptine", "page": "99"}).content.decode()
    assert "Page 2 de 2" in html and html.count('class="card search-result"') == 5
    html = client.get(url(corpus.a), {"q": "comptine", "page": "x"}).content.decode()
    assert "Page 1 de 2" in html and html.count('class="card search-result"') == 20
