"""The published practices list and page: who sees what, filters, sort, queries."""

import pytest
from django.urls import reverse

from entraide.core.testing import make_member, make_network
from entraide.practices.models import Evaluation, SheetTransition
from entraide.practices.tests.access_browse import published_sheet


def list_url(network):
    return reverse("practices:list", kwargs={"network": network.slug})


def page_url(network, sheet):
    return reverse(
        "practices:practice", kwargs={"network": network.slug, "pk": sheet.pk}
    )


def titles(response):
    return [s.published_version.title for s in response.context["practices"]]


@pytest.fixture
def catalogue(inventory):
    network = inventory.network
    return {
        scope: published_sheet(network, f"Pratique {scope}", scope=scope)
        for scope in ("network", "provincial", "public")
    }


def _viewer(inventory, who, *, sheet_network_shares):
    """A person of each kind, with the networks' pooling set for the case."""
    inventory.network.shares_provincial_pooling = sheet_network_shares
    inventory.network.save()
    if who == "anonymous":
        return None
    if who == "member":
        return inventory.peer
    sharing = who == "pooling_member"
    other = make_network(f"n-{who}", f"Réseau {who}")
    other.shares_provincial_pooling = sharing
    other.save()
    return make_member(other, f"{who}@autre.example")


# (viewer, sheet network shares pooling) -> scopes the viewer reads
TRUTH = [
    ("anonymous", True, {"public"}),
    ("anonymous", False, {"public"}),
    ("member", True, {"network", "provincial", "public"}),
    ("member", False, {"network", "provincial", "public"}),
    ("pooling_member", True, {"provincial", "public"}),
    ("pooling_member", False, {"public"}),
    ("not_pooling_member", True, {"public"}),
    ("not_pooling_member", False, {"public"}),
]


@pytest.mark.parametrize(("who", "shares", "scopes"), TRUTH)
def test_who_reads_which_scope(client, inventory, catalogue, who, shares, scopes):
    person = _viewer(inventory, who, sheet_network_shares=shares)
    if person is not None:
        client.force_login(person)
    listed = titles(client.get(list_url(inventory.network)))
    assert sorted(listed) == sorted(f"Pratique {scope}" for scope in scopes)
    for scope, sheet in catalogue.items():
        status = client.get(page_url(inventory.network, sheet)).status_code
        assert status == (200 if scope in scopes else 404), scope


def test_pooled_sheets_of_other_networks_reach_members_of_a_pooling_network(
    client, inventory
):
    other = make_network("voisin", "Réseau voisin")
    for network in (other, inventory.network):
        network.shares_provincial_pooling = True
        network.save()
    pooled = published_sheet(other, "Pratique voisine", scope="provincial")
    published_sheet(other, "Pratique voisine interne", scope="network")
    client.force_login(inventory.peer)
    response = client.get(list_url(inventory.network))
    assert titles(response) == ["Pratique voisine"]
    assert "Mise en commun : Réseau voisin" in response.content.decode()
    assert client.get(page_url(inventory.network, pooled)).status_code == 200


def test_unpublished_sheets_are_never_listed(client, inventory):
    published_sheet(inventory.network, "Soumise", scope="public", state="submitted")
    client.force_login(inventory.lead)
    assert titles(client.get(list_url(inventory.network))) == []


def test_a_sheet_under_revision_stays_readable_in_its_published_version(
    client, inventory
):
    from entraide.practices.services import evaluation, workflow
    from entraide.practices.tests.access_evaluation import sheet_at

    sheet = sheet_at(
        "published",
        network=inventory.network,
        author=inventory.author,
        rep=inventory.rep,
        lead=inventory.lead,
        title="Chanter les transitions",
    )
    published = sheet.published_version
    workflow.revise_sheet(sheet=sheet, actor=inventory.lead, comment="Mise à jour")
    sheet.refresh_from_db()
    evaluation.formalise(
        sheet=sheet,
        actor=inventory.lead,
        expected_lock_version=sheet.lock_version,
        title="Chanter les transitions, version revue",
    )
    client.force_login(inventory.peer)
    assert titles(client.get(list_url(inventory.network))) == [published.title]
    response = client.get(page_url(inventory.network, sheet))
    assert response.status_code == 200
    assert "version revue" not in response.content.decode()


def test_unknown_network_is_404(client, db):
    assert client.get("/r/inconnu/pratiques/").status_code == 404


def test_filters_narrow_the_list(client, inventory):
    zone, theme = inventory.zones[1], inventory.themes[2]
    published_sheet(
        inventory.network,
        "Tout y est",
        zone=zone,
        themes=[theme],
        age_group="3_5",
        setting="home",
        evidence_level="documented",
        subregion=inventory.subregion,
    )
    published_sheet(inventory.network, "Rien de tout ça", age_group="0_18m")
    for params in (
        {"theme": theme.pk},
        {"zone": zone.pk},
        {"age": "3_5"},
        {"subregion": inventory.subregion.pk},
        {"setting": "home"},
        {"evidence": "documented"},
    ):
        response = client.get(list_url(inventory.network), params)
        assert titles(response) == ["Tout y est"], params


def test_a_wrong_filter_is_shown_and_ignored(client, inventory):
    published_sheet(inventory.network, "Une pratique")
    response = client.get(list_url(inventory.network), {"zone": "999", "age": "x"})
    assert response.status_code == 200
    assert titles(response) == ["Une pratique"]
    assert response.context["form"].errors.keys() == {"zone", "age"}


def test_search_and_title_matches_first(client, inventory):
    published_sheet(inventory.network, "Les éducatrices en forêt")
    published_sheet(inventory.network, "Accueil du matin", summary="Des éducatrices.")
    published_sheet(inventory.network, "Sans rapport")
    response = client.get(list_url(inventory.network), {"q": "educatrice"})
    assert titles(response) == ["Les éducatrices en forêt", "Accueil du matin"]


def test_sorting(client, inventory):
    b = published_sheet(inventory.network, "Bricolage")
    a = published_sheet(inventory.network, "Accueil")
    c = published_sheet(inventory.network, "Comptines")
    evaluation = Evaluation.objects.create(sheet=b, evaluator=inventory.evaluator)
    evaluation.submitted_at = evaluation.created_at
    evaluation.save()
    url = list_url(inventory.network)
    assert titles(client.get(url)) == ["Comptines", "Accueil", "Bricolage"]
    assert titles(client.get(url, {"sort": "titre"})) == [
        "Accueil",
        "Bricolage",
        "Comptines",
    ]
    assert titles(client.get(url, {"sort": "evaluations"}))[0] == "Bricolage"
    assert {a.pk, c.pk} <= {s.pk for s in client.get(url).context["practices"]}


def test_list_is_paginated_with_filters_kept(client, inventory):
    for i in range(25):
        published_sheet(inventory.network, f"Pratique {i:02d}", age_group="3_5")
    response = client.get(list_url(inventory.network), {"age": "3_5", "page": 2})
    assert len(response.context["practices"]) == 5
    assert "age=3_5&amp;page=1" in response.content.decode()


def test_practice_page_shows_published_version_provenance_and_summary_only(
    client, inventory
):
    from entraide.networks.models import Organisation
    from entraide.practices.models import SheetVersion

    organisation = Organisation.objects.create(
        network=inventory.network, name="CPE Les Lucioles", kind="cpe"
    )
    sheet = published_sheet(
        inventory.network,
        "Routines apaisées",
        summary="Des éducatrices racontent.",
        organisation=organisation,
        subregion=inventory.subregion,
        author=inventory.author,
    )
    SheetVersion.objects.create(sheet=sheet, number=2, title="Brouillon secret")
    SheetTransition.objects.create(
        sheet=sheet, from_state="draft", to_state="submitted"
    )
    response = client.get(page_url(inventory.network, sheet))
    body = response.content.decode()
    assert "Routines apaisées" in body and "Brouillon secret" not in body
    assert "CPE Les Lucioles" in body and "Julie Tremblay" in body
    assert inventory.subregion.name in body
    assert "Soumise au comité régional" in body
    assert '<meta property="og:title" content="Routines apaisées">' in body
    assert 'property="og:description" content="Des éducatrices racontent."' in body


def test_practice_page_never_shows_individual_scores(client, inventory):
    from entraide.practices.models import Score

    sheet = published_sheet(inventory.network, "Évaluée", scope="public")
    criterion = inventory.grid.criteria.first()
    for person, value in ((inventory.evaluator, 2), (inventory.evaluator2, 5)):
        evaluation = Evaluation.objects.create(sheet=sheet, evaluator=person)
        evaluation.submitted_at = evaluation.created_at
        evaluation.save()
        Score.objects.create(evaluation=evaluation, criterion=criterion, value=value)
    body = client.get(page_url(inventory.network, sheet)).content.decode()
    assert "3,5" in body or "3.5" in body
    assert ">2<" not in body and ">5<" not in body
    assert "Louis" not in body


def _published_many(inventory, count):
    zone, theme = inventory.zones[0], inventory.themes[0]
    for i in range(count):
        sheet = published_sheet(
            inventory.network,
            f"Pratique éducatrice {i}",
            zone=zone,
            subregion=inventory.subregion,
            themes=[theme],
        )
        Evaluation.objects.create(sheet=sheet, evaluator=inventory.evaluator)


@pytest.mark.parametrize("params", [{}, {"q": "educatrice", "sort": "evaluations"}])
def test_list_queries_stay_the_same_with_ten_times_the_sheets(
    client, inventory, django_assert_max_num_queries, params
):
    client.force_login(inventory.peer)
    url = list_url(inventory.network)
    _published_many(inventory, 3)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url, params)
    _published_many(inventory, 27)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url, params)
    assert len(response.context["practices"]) == 20
