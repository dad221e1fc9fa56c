"""The tools list: who sees what, filters, French search, sorting, pagination and
a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entraide.library.models import ToolStatus
from entraide.library.tests.factories import make_tool


def list_url(network):
    return reverse("library:list", kwargs={"network": network.slug})


def titles(response):
    return [tool.published_version.title for tool in response.context["tools"]]


def published(library, title, **fields):
    fields.setdefault("community", library.community)
    fields.setdefault("scope", "network")
    return make_tool(library.network, title, status=ToolStatus.PUBLISHED, **fields)


@pytest.fixture
def shelf(library):
    return {
        "public": published(library, "Affiche du lavage des mains", scope="public"),
        "network": published(library, "Grille d'observation du jeu extérieur"),
        "community": published(library, "Gabarit de menu", scope="community"),
        "other_community": published(
            library,
            "Guide des pédagogues",
            scope="community",
            community=library.other_community,
        ),
        "in_progress": make_tool(
            library.network, "Outil en chantier", community=library.community
        ),
        "archived": make_tool(
            library.network,
            "Outil archivé",
            community=library.community,
            status=ToolStatus.ARCHIVED,
        ),
        "elsewhere": make_tool(
            library.other_network,
            "Outil d'un autre réseau",
            status=ToolStatus.PUBLISHED,
            scope="public",
        ),
    }


ALL_PUBLISHED = {
    "Affiche du lavage des mains",
    "Grille d'observation du jeu extérieur",
    "Gabarit de menu",
    "Guide des pédagogues",
}
# who -> titles listed in network mcq
TRUTH = [
    (None, {"Affiche du lavage des mains"}),
    ("outsider", {"Affiche du lavage des mains"}),
    (
        "network_member",
        {"Affiche du lavage des mains", "Grille d'observation du jeu extérieur"},
    ),
    (
        "member",
        {
            "Affiche du lavage des mains",
            "Grille d'observation du jeu extérieur",
            "Gabarit de menu",
        },
    ),
    ("lead", ALL_PUBLISHED),
]


@pytest.mark.parametrize(("who", "expected"), TRUTH)
def test_each_person_lists_the_tools_they_may_read(
    client, library, shelf, who, expected
):
    if who:
        client.force_login(getattr(library, who))
    response = client.get(list_url(library.network))
    assert response.status_code == 200
    assert set(titles(response)) == expected


def test_anonymous_people_get_no_member_links(client, library, shelf):
    content = client.get(list_url(library.network)).content.decode()
    assert reverse("library:create", kwargs={"network": "mcq"}) not in content
    assert reverse("library:mine", kwargs={"network": "mcq"}) not in content


def test_members_get_new_tool_and_my_tools_links(client, library, shelf):
    client.force_login(library.member)
    content = client.get(list_url(library.network)).content.decode()
    assert "Nouvel outil" in content
    assert reverse("library:create", kwargs={"network": "mcq"}) in content
    assert reverse("library:mine", kwargs={"network": "mcq"}) in content


def test_search_folds_accents_and_plurals(client, library):
    published(library, "Accueil des Éducatrices", scope="public")
    published(library, "Gabarit de menu", scope="public")
    response = client.get(list_url(library.network), {"q": "educatrice"})
    assert titles(response) == ["Accueil des Éducatrices"]


def test_title_matches_come_first(client, library):
    published(library, "Affiche", scope="public", body="Un menu affiché au mur.")
    published(library, "Menu de la semaine", scope="public")
    response = client.get(list_url(library.network), {"q": "menu"})
    assert titles(response) == ["Menu de la semaine", "Affiche"]


def test_title_match_of_a_long_kind_still_comes_first(client, library):
    published(library, "Zèbre", kind="observation_grid", body="menu menu")
    published(library, "Observer le menu", kind="observation_grid")
    client.force_login(library.member)
    response = client.get(list_url(library.network), {"q": "menu"})
    assert titles(response) == ["Observer le menu", "Zèbre"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "poster"}, {"Affiche"}),
        ({"language": "en"}, {"Template"}),
        ({"licence": "cc_by_sa"}, {"Template"}),
        ({"age": "0_18m"}, {"Affiche"}),
        ({"audience": "educator"}, {"Affiche", "Pour tous"}),
        ({"audience": "manager"}, {"Template", "Pour tous"}),
    ],
)
def test_filters(client, library, params, expected):
    published(
        library,
        "Affiche",
        kind="poster",
        age_group="0_18m",
        audience_job_roles=["educator", "food_service_lead"],
    )
    published(
        library,
        "Template",
        language="en",
        licence="cc_by_sa",
        audience_job_roles=["manager"],
    )
    published(library, "Pour tous")
    client.force_login(library.member)
    assert set(titles(client.get(list_url(library.network), params))) == expected


def test_theme_and_community_filters(client, library):
    theme = library.themes[0]
    published(library, "Avec thème", themes=[theme])
    published(library, "De la pédagogie", community=library.other_community)
    client.force_login(library.lead)
    url = list_url(library.network)
    assert titles(client.get(url, {"theme": theme.pk})) == ["Avec thème"]
    by_community = client.get(url, {"community": library.other_community.pk})
    assert titles(by_community) == ["De la pédagogie"]


def test_a_wrong_filter_is_shown_and_ignored(client, library, shelf):
    response = client.get(
        list_url(library.network),
        {"kind": "fusée", "theme": "abc", "community": "999999", "sort": "x"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"kind", "theme", "community", "sort"}
    assert "le filtre est ignoré" in response.content.decode()
    assert titles(response) == ["Affiche du lavage des mains"]


def test_sorts(client, library):
    a = published(library, "Bêta", download_count=5, use_count=1)
    b = published(library, "Alpha", download_count=1, use_count=9)
    c = published(library, "Gamma", download_count=3, use_count=3)
    client.force_login(library.member)
    url = list_url(library.network)
    assert titles(client.get(url, {"sort": "titre"})) == ["Alpha", "Bêta", "Gamma"]
    assert titles(client.get(url, {"sort": "telechargements"})) == [
        "Bêta",
        "Gamma",
        "Alpha",
    ]
    assert titles(client.get(url, {"sort": "utilisations"})) == [
        "Alpha",
        "Gamma",
        "Bêta",
    ]
    assert [t.pk for t in client.get(url).context["tools"]] == [c.pk, b.pk, a.pk]


def test_pages_keep_the_filters(client, library):
    for number in range(25):
        published(library, f"Menu {number:02d}", kind="template")
    client.force_login(library.member)
    url = list_url(library.network)
    first = client.get(url, {"q": "menu", "kind": "template"})
    assert len(first.context["tools"]) == 20
    content = first.content.decode()
    assert "?q=menu&amp;kind=template&amp;page=2" in content
    second = client.get(url, {"q": "menu", "kind": "template", "page": "2"})
    assert len(second.context["tools"]) == 5
    assert client.get(url, {"page": "abc"}).status_code == 200
    assert client.get(url, {"page": "999"}).status_code == 200


def test_cards_show_kind_community_and_counts(client, library):
    published(
        library,
        "Gabarit",
        themes=[library.themes[0]],
        download_count=12,
        use_count=1,
    )
    client.force_login(library.member)
    content = client.get(list_url(library.network)).content.decode()
    assert "Gabarit" in content
    assert library.community.name.replace("'", "&#x27;") in content
    assert "Alimentation" in content
    assert "12 téléchargements" in content
    assert "1 utilisation signalée" in content


def test_an_unknown_network_is_a_404(client, db):
    assert client.get("/r/inconnu/outils/").status_code == 404


def _many(library, count):
    for number in range(count):
        published(
            library,
            f"Éducatrice outil {number}",
            themes=library.themes[:2],
            community=library.community if number % 2 else library.other_community,
        )


@pytest.mark.parametrize("params", [{}, {"q": "educatrice", "kind": "template"}])
def test_list_queries_stay_the_same_with_ten_times_the_tools(
    client, library, django_assert_max_num_queries, params
):
    client.force_login(library.member)
    url = list_url(library.network)
    _many(library, 3)
    with CaptureQueriesContext(connection) as small:
        client.get(url, params)
    _many(library, 27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url, params)
    assert len(response.context["tools"]) == 20
