"""Sheet pages: writing, editing, conflicts, versions, evidence, who sees what."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entraide.core.testing import make_member
from entraide.practices.models import (
    Evidence,
    InterventionZone,
    PracticeSheet,
    SheetState,
)
from entraide.practices.services import authoring
from entraide.practices.tests.test_authoring_services import PDF, jpeg_with_exif


def url(inv, name, sheet=None, **kwargs):
    kwargs = {"network": inv.network.slug, **kwargs}
    if sheet is not None:
        kwargs["pk"] = sheet.pk
    return reverse(f"practices:{name}", kwargs=kwargs)


def new_sheet(inv, **fields):
    fields.setdefault("title", "Les transitions en chanson")
    return authoring.create_sheet(network=inv.network, author=inv.author, **fields)


def page_text(response) -> str:
    return response.content.decode()


def test_an_educator_writes_a_draft_and_lands_on_its_page(client, inventory):
    client.force_login(inventory.author)
    form = client.get(url(inventory, "create"))
    assert form.status_code == 200
    text = page_text(form)
    assert "<legend>La pratique en bref</legend>" in text
    assert inventory.themes[0].name in text
    assert 'value="author@mcq.example"' in text  # the contact, filled in
    response = client.post(
        url(inventory, "create"),
        {
            "title": "Le jeu libre dehors",
            "summary": "Sortir chaque jour.",
            "steps": "1. S'habiller\n2. **Jouer**",
            "themes": [inventory.themes[1].pk],
            "zone": inventory.zones[0].pk,
            "age_group": "3_5",
            "setting": "home",
            "subregion": inventory.subregion.pk,
            "co_authors": [inventory.rep.pk],
        },
    )
    sheet = PracticeSheet.objects.get()
    assert response.status_code == 302
    assert response["Location"] == sheet.get_absolute_url()
    assert sheet.state == SheetState.DRAFT
    assert list(sheet.co_authors.all()) == [inventory.rep]
    page = page_text(client.get(sheet.get_absolute_url(), follow=True))
    assert "<strong>Jouer</strong>" in page
    assert "Brouillon" in page
    assert "Jeu extérieur" in page
    assert "Le brouillon est enregistré." in page


def test_bad_input_keeps_what_was_typed(client, inventory):
    client.force_login(inventory.author)
    foreign_zone = InterventionZone.objects.create(
        network=inventory.other_network, name="Ailleurs"
    )
    response = client.post(
        url(inventory, "create"),
        {
            "title": "",
            "steps": "Mon long texte à garder",
            "zone": foreign_zone.pk,
            "contact_email": "pas-un-courriel",
            "co_authors": [inventory.outsider.pk],
        },
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Donnez un titre à la fiche." in text
    assert "Choisissez une zone d&#x27;intervention dans la liste." in text
    assert "Écrivez une adresse courriel" in text
    assert "Choisissez des personnes dans la liste." in text
    assert "Mon long texte à garder" in text
    assert not PracticeSheet.objects.exists()


def test_co_authors_offered_are_colleagues_of_the_sub_region(client, inventory):
    far = make_member(inventory.network, "loin@mcq.example", first_name="Loin")
    client.force_login(inventory.author)
    form = client.get(url(inventory, "create")).context["form"]
    offered = set(form.fields["co_authors"].queryset)
    assert inventory.rep in offered  # same sub-region A
    assert inventory.peer not in offered  # sub-region B
    assert far not in offered and inventory.author not in offered
    assert inventory.outsider not in offered


def test_editing_saves_a_new_version(client, inventory):
    sheet = new_sheet(inventory, summary="Avant")
    client.force_login(inventory.author)
    form = client.get(url(inventory, "edit", sheet))
    assert 'name="lock_version" value="0"' in page_text(form)
    response = client.post(
        url(inventory, "edit", sheet),
        {
            "title": sheet.current_version.title,
            "summary": "Après",
            "lock_version": "0",
            "change_note": "Résumé revu",
        },
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.current_version.number == 2
    assert sheet.current_version.summary == "Après"


def test_second_person_saving_is_told_and_keeps_their_text(client, inventory):
    sheet = new_sheet(inventory, summary="Avant", co_authors=[inventory.rep])
    authoring.save_version(
        sheet=sheet,
        actor=inventory.rep,
        expected_lock_version=0,
        summary="Le texte de Sylvie",
    )
    client.force_login(inventory.author)
    data = {
        "title": sheet.current_version.title,
        "summary": "Le texte de Julie",
        "lock_version": "0",
    }
    response = client.post(url(inventory, "edit", sheet), data)
    assert response.status_code == 200
    text = page_text(response)
    assert "Quelqu&#x27;un d&#x27;autre a enregistré cette fiche" in text
    assert "Le texte de Julie" in text  # what the person typed
    assert "Le texte de Sylvie" in text  # what the other saved
    assert "Sylvie Lemieux" in text
    sheet.refresh_from_db()
    assert sheet.current_version.summary == "Le texte de Sylvie"
    assert sheet.versions.count() == 2
    # Having seen the other's text, the person may now save over it.
    assert response.context["form"]["lock_version"].value() == "1"
    data["lock_version"] = "1"
    assert client.post(url(inventory, "edit", sheet), data).status_code == 302
    sheet.refresh_from_db()
    assert sheet.current_version.summary == "Le texte de Julie"


@pytest.mark.parametrize(
    ("who", "draft", "submitted", "edit_submitted"),
    [
        ("author", 200, 200, 403),
        ("co_author", 200, 200, 403),
        ("peer", 404, 404, 404),
        ("rep", 404, 200, 403),
        ("evaluator", 404, 404, 404),
        ("lead", 404, 200, 403),
        ("outsider", 404, 404, 404),
    ],
)
def test_who_reads_and_edits_a_sheet(
    client, inventory, who, draft, submitted, edit_submitted
):
    co_author = make_member(inventory.network, "co@mcq.example")
    people = {"co_author": co_author}
    sheet = new_sheet(inventory, co_authors=[co_author])
    client.force_login(people.get(who) or getattr(inventory, who))
    assert client.get(url(inventory, "detail", sheet)).status_code == draft
    assert client.get(url(inventory, "edit", sheet)).status_code == draft
    assert client.get(url(inventory, "versions", sheet)).status_code == draft
    PracticeSheet.objects.filter(pk=sheet.pk).update(state=SheetState.SUBMITTED)
    assert client.get(url(inventory, "detail", sheet)).status_code == submitted
    assert client.get(url(inventory, "edit", sheet)).status_code == edit_submitted
    response = client.post(
        url(inventory, "edit", sheet), {"title": "Piraté", "lock_version": "0"}
    )
    assert response.status_code == edit_submitted
    assert sheet.versions.count() == 1


def test_another_networks_sheet_is_not_found_under_this_network(client, inventory):
    foreign_author = make_member(inventory.other_network, "b@autre.example")
    foreign = authoring.create_sheet(
        network=inventory.other_network, author=foreign_author, title="Ailleurs"
    )
    client.force_login(inventory.author)
    for name in ("detail", "edit", "versions", "evidence"):
        assert client.get(url(inventory, name, foreign)).status_code == 404


def test_my_sheets_lists_mine_and_co_authored_ones_only(client, inventory):
    mine = new_sheet(inventory, title="La mienne")
    shared = authoring.create_sheet(
        network=inventory.network,
        author=inventory.peer,
        title="Coécrite",
        co_authors=[inventory.author],
    )
    authoring.create_sheet(
        network=inventory.network, author=inventory.peer, title="Pas à moi"
    )
    client.force_login(inventory.author)
    response = client.get(url(inventory, "mine"))
    text = page_text(response)
    assert list(response.context["sheets"]) == [shared, mine]
    assert "La mienne" in text and "Coécrite" in text and "Pas à moi" not in text
    assert "coautrice ou coauteur" in text


def test_versions_and_their_differences(client, inventory):
    sheet = new_sheet(inventory, steps="Chanter\nDanser")
    authoring.save_version(
        sheet=sheet,
        actor=inventory.author,
        expected_lock_version=0,
        steps="Chanter\nRanger",
        change_note="Une étape changée",
    )
    client.force_login(inventory.author)
    versions = page_text(client.get(url(inventory, "versions", sheet)))
    assert "Une étape changée" in versions
    diff_url = url(inventory, "version_diff", sheet, old=1, new=2)
    assert diff_url in versions
    text = page_text(client.get(diff_url))
    assert "Retiré :</span> <del>Danser</del>" in text
    assert "Ajouté :</span> <ins>Ranger</ins>" in text
    assert "La pratique, étape par étape" in text
    assert "<del>Chanter</del>" not in text
    missing = url(inventory, "version_diff", sheet, old=1, new=9)
    assert client.get(missing).status_code == 404


def _upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_evidence_through_the_page(client, inventory):
    sheet = new_sheet(inventory)
    client.force_login(inventory.author)
    page = url(inventory, "evidence", sheet)
    response = client.post(
        page, {"file": _upload("piege.pdf", b"<html><script>x</script>")}
    )
    assert response.status_code == 200
    assert "n&#x27;est pas accepté" in page_text(response)
    response = client.post(
        page,
        {
            "file": _upload("atelier.jpg", jpeg_with_exif(), "image/jpeg"),
            "description": "L'atelier de peinture",
        },
    )
    assert response.status_code == 200
    assert 'id="id_no_identifiable_child_error"' in page_text(response)
    assert "L&#x27;atelier de peinture" in page_text(response)
    assert not Evidence.objects.exists()
    response = client.post(
        page,
        {
            "file": _upload("atelier.jpg", jpeg_with_exif(), "image/jpeg"),
            "no_identifiable_child": "on",
        },
    )
    assert response.status_code == 302
    evidence = Evidence.objects.get()
    download = url(inventory, "evidence_download", sheet, evidence=evidence.pk)
    assert download in page_text(client.get(sheet.get_absolute_url()))
    response = client.get(download)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(inventory.peer)
    assert client.get(download).status_code == 404
    client.force_login(inventory.author)
    remove = url(inventory, "evidence_remove", sheet, evidence=evidence.pk)
    assert client.post(remove).status_code == 302
    assert not Evidence.objects.exists()


def _fill(inv, count, start=0):
    for i in range(start, start + count):
        sheet = authoring.create_sheet(
            network=inv.network,
            author=inv.author,
            title=f"Fiche {i}",
            themes=inv.themes[:3],
            co_authors=[inv.rep, inv.peer],
            zone=inv.zones[0],
        )
        authoring.attach_evidence(
            sheet=sheet,
            actor=inv.author,
            uploaded=_upload(f"doc{i}.pdf", PDF),
        )


def test_my_sheets_query_count_does_not_grow(
    client, inventory, django_assert_max_num_queries
):
    client.force_login(inventory.author)
    _fill(inventory, 2)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url(inventory, "mine")).status_code == 200
    _fill(inventory, 18, start=2)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url(inventory, "mine"))
    assert "Fiche 19" in page_text(page)


def test_sheet_page_query_count_does_not_grow(
    client, inventory, django_assert_max_num_queries
):
    sheet = new_sheet(inventory, themes=inventory.themes[:1])
    client.force_login(inventory.author)

    def add(count, start):
        for i in range(start, start + count):
            authoring.attach_evidence(
                sheet=sheet, actor=inventory.author, uploaded=_upload(f"p{i}.pdf", PDF)
            )
            authoring.save_version(
                sheet=sheet,
                actor=inventory.author,
                expected_lock_version=sheet.lock_version,
                summary=f"Version {i}",
            )

    add(1, 0)
    with django_assert_max_num_queries(40) as small:
        assert client.get(sheet.get_absolute_url()).status_code == 200
    add(10, 1)
    sheet.themes.set(inventory.themes)
    sheet.co_authors.set([inventory.rep, inventory.peer])
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(sheet.get_absolute_url())
    assert "p10.pdf" in page_text(page)
