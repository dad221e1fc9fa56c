"""Workflow pages: 404 for what one may not see, 403 for what one may not do,
typed words kept on a refusal, the queue's filters and its steady query count."""

import pytest
from django.urls import reverse

from entraide.practices.models import AgeGroup, SheetState, SheetTransition
from entraide.practices.tests.access_workflow import make_sheet

S = SheetState


def _url(name, sheet):
    return reverse(
        f"practices:{name}", kwargs={"network": sheet.network.slug, "pk": sheet.pk}
    )


def _queue(inventory, **query):
    url = reverse("practices:regional_queue", kwargs={"network": "mcq"})
    return url, query


@pytest.mark.parametrize("who", ["peer", "rep", "lead", "evaluator", "outsider"])
def test_nobody_but_its_authors_reaches_a_draft(client, inventory, who):
    sheet = make_sheet(inventory.network, inventory.author)
    client.force_login(getattr(inventory, who))
    assert client.get(sheet.get_absolute_url()).status_code == 404
    assert client.get(_url("submit", sheet)).status_code == 404
    assert client.post(_url("submit", sheet)).status_code == 404
    sheet.refresh_from_db()
    assert sheet.state == S.DRAFT


def test_the_author_submits_from_the_sheet_page(client, inventory):
    sheet = make_sheet(inventory.network, inventory.author)
    client.force_login(inventory.author)
    page = client.get(sheet.get_absolute_url())
    assert page.status_code == 200
    assert b"Soumettre au comit" in page.content
    response = client.post(_url("submit", sheet), {"comment": "Première version"})
    assert response.status_code == 302
    assert response["Location"] == sheet.get_absolute_url()
    sheet.refresh_from_db()
    assert sheet.state == S.SUBMITTED
    page = client.get(sheet.get_absolute_url(), follow=True)
    assert "Première version" in page.content.decode()
    assert "Soumise au comité régional" in page.content.decode()


def test_an_incomplete_sheet_is_not_submitted_and_the_comment_stays(client, inventory):
    sheet = make_sheet(inventory.network, inventory.author, steps="")
    client.force_login(inventory.author)
    response = client.post(_url("submit", sheet), {"comment": "Note à garder"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "la pratique, étape par étape" in content
    assert "Note à garder" in content
    sheet.refresh_from_db()
    assert sheet.state == S.DRAFT


@pytest.mark.parametrize("who", ["author", "peer", "evaluator"])
def test_people_outside_the_committee_may_not_decide(client, inventory, who):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    client.force_login(getattr(inventory, who))
    expected = 403 if who == "author" else 404
    for name in ("retain", "request_changes", "decline"):
        assert client.post(_url(name, sheet), {"comment": "x"}).status_code == (
            expected
        )
    sheet.refresh_from_db()
    assert sheet.state == S.SUBMITTED


def test_a_sheet_of_another_network_is_missing(client, inventory):
    sheet = make_sheet(inventory.other_network, inventory.outsider, state=S.SUBMITTED)
    client.force_login(inventory.lead)
    url = reverse("practices:retain", kwargs={"network": "mcq", "pk": sheet.pk})
    assert client.post(url).status_code == 404


def test_asking_for_changes_without_a_comment_keeps_the_page(client, inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    client.force_login(inventory.rep)
    response = client.post(_url("request_changes", sheet), {"comment": "   "})
    assert response.status_code == 200
    assert "Écrivez un commentaire" in response.content.decode()
    long = "é" * 5001
    response = client.post(_url("decline", sheet), {"reason": long})
    assert response.status_code == 200
    assert long in response.content.decode()
    assert not SheetTransition.objects.exists()


def test_a_representative_decides_and_the_history_says_who_and_why(client, inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    client.force_login(inventory.rep)
    response = client.post(
        _url("request_changes", sheet), {"comment": "Ajouter le matériel."}
    )
    assert response.status_code == 302
    client.force_login(inventory.author)
    content = client.get(sheet.get_absolute_url()).content.decode()
    assert "Ajouter le matériel." in content
    assert "Sylvie Lemieux" in content
    assert "À modifier" in content


def test_the_queue_filters_by_sub_region_and_age_group_own_sub_region_first(
    client, inventory
):
    b = make_sheet(
        inventory.network,
        inventory.author,
        state=S.SUBMITTED,
        title="Fiche de B",
        subregion=inventory.subregion_b,
        age_group=AgeGroup.TODDLERS,
    )
    a = make_sheet(
        inventory.network,
        inventory.author,
        state=S.SUBMITTED,
        title="Fiche de A",
        subregion=inventory.subregion,
        age_group=AgeGroup.INFANTS,
    )
    make_sheet(inventory.network, inventory.author, title="Brouillon caché")
    url, _ = _queue(inventory)
    client.force_login(inventory.rep)
    content = client.get(url).content.decode()
    assert content.index("Fiche de A") < content.index("Fiche de B")
    assert "Brouillon caché" not in content
    content = client.get(url, {"subregion": inventory.subregion_b.pk}).content
    assert b"Fiche de B" in content and b"Fiche de A" not in content
    content = client.get(url, {"age_group": AgeGroup.INFANTS}).content
    assert b"Fiche de A" in content and b"Fiche de B" not in content
    # A value typed in the address is ignored, never a 500.
    assert client.get(url, {"subregion": "abc", "age_group": "zz"}).status_code == 200
    assert a.pk and b.pk


def test_the_queue_is_refused_to_people_outside_the_committee(client, inventory):
    url, _ = _queue(inventory)
    for who in ("author", "peer", "evaluator", "outsider"):
        client.force_login(getattr(inventory, who))
        assert client.get(url).status_code == 403


def _bulk(client, inventory, data):
    url = reverse("practices:regional_bulk", kwargs={"network": "mcq"})
    return client.post(url, data)


def test_bulk_retain_from_the_queue(client, inventory):
    sheets = [
        make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
        for _ in range(3)
    ]
    client.force_login(inventory.rep)
    response = _bulk(
        client,
        inventory,
        {"sheets": [s.pk for s in sheets], "action": "retain", "comment": ""},
    )
    assert response.status_code == 302
    assert {s.state for s in type(sheets[0]).objects.all()} == {S.RETAINED}


def test_bulk_changes_without_a_comment_keep_the_selection(client, inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    client.force_login(inventory.rep)
    response = _bulk(
        client,
        inventory,
        {"sheets": [sheet.pk], "action": "request_changes", "comment": ""},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Écrivez un commentaire" in content
    assert f'value="{sheet.pk}" id="sheet-{sheet.pk}" checked' in content


def test_bulk_on_the_representatives_own_sheet_changes_nothing(client, inventory):
    own = make_sheet(inventory.network, inventory.rep, state=S.SUBMITTED, title="À moi")
    other = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    client.force_login(inventory.rep)
    response = _bulk(
        client,
        inventory,
        {"sheets": [own.pk, other.pk], "action": "retain", "comment": ""},
    )
    assert response.status_code == 200
    assert "« À moi » : vous ne pouvez pas faire cette action." in (
        response.content.decode()
    )
    other.refresh_from_db()
    assert other.state == S.SUBMITTED


def test_the_queue_makes_as_many_queries_with_ten_times_the_sheets(
    client, inventory, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def fill(count):
        for i in range(count):
            sheet = make_sheet(
                inventory.network,
                inventory.author,
                state=S.SUBMITTED,
                title=f"Fiche {i}",
                subregion=inventory.subregion_b if i % 2 else inventory.subregion,
            )
            sheet.co_authors.add(inventory.peer)

    url, _ = _queue(inventory)
    client.force_login(inventory.rep)
    fill(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    fill(20)
    with django_assert_max_num_queries(len(small)):
        assert client.get(url).status_code == 200


def test_visible_sheets_follow_the_sheet_page_rule(inventory):
    from entraide.practices import permissions as perms
    from entraide.practices.selectors import scientific_queue, visible_sheets

    draft = make_sheet(inventory.network, inventory.author, title="Brouillon")
    sent = make_sheet(
        inventory.network, inventory.author, state=S.SENT_TO_SCIENTIFIC, title="Envoyée"
    )
    submitted = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    theirs = make_sheet(inventory.other_network, inventory.outsider, state=S.SUBMITTED)

    def seen(who, network=inventory.network):
        return set(visible_sheets(perms.viewer_for(who, network)))

    assert seen(inventory.author) == {draft, sent, submitted}
    assert seen(inventory.rep) == {sent, submitted}
    assert seen(inventory.evaluator) == {sent}
    assert seen(inventory.peer) == set()
    assert seen(inventory.outsider) == set()
    assert seen(inventory.outsider, inventory.other_network) == {theirs}
    evaluator = perms.viewer_for(inventory.evaluator, inventory.network)
    assert list(scientific_queue(evaluator)) == [sent]
