"""Agenda documents: checked from their content, no orphans, served safely."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entraide.meetings.models import AgendaDocument
from entraide.meetings.services import agenda

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def _stored(settings) -> set:
    media = settings.MEDIA_ROOT / "meetings"
    return set(media.glob("*")) if media.exists() else set()


def _item(place, session=None):
    return agenda.add_item(
        session=session or place.session(), actor=place.facilitator, title="Accueil"
    )


def _url(place, name, item, **kwargs):
    return reverse(
        f"meetings:{name}",
        kwargs=place.kwargs(pk=item.session_id, item=item.pk, **kwargs),
    )


def _attach(place, item, name="ordre du jour <b>.pdf", data=PDF):
    return agenda.attach_document(
        item=item, actor=place.facilitator, uploaded=upload(name, data)
    )


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("piege.pdf", b"<html><script>alert(1)</script></html>", "n'est pas accepté"),
        ("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "10 Mo"),
        ("vide.pdf", b"", "est vide"),
    ],
)
def test_bad_files_are_refused_and_leave_nothing(place, settings, name, data, message):
    item = _item(place)
    before = _stored(settings)
    with pytest.raises(ValidationError) as error:
        _attach(place, item, name, data)
    assert message in " ".join(error.value.message_dict["file"])
    assert not AgendaDocument.objects.exists()
    assert _stored(settings) == before


def test_failure_after_the_file_is_written_leaves_no_orphan(
    place, settings, monkeypatch
):
    item = _item(place)
    before = _stored(settings)

    def boom(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(AgendaDocument, "save", boom)
    with pytest.raises(RuntimeError):
        _attach(place, item)
    assert not AgendaDocument.objects.exists()
    assert _stored(settings) == before


def test_document_is_stored_under_a_generated_name(place, settings):
    document = _attach(place, _item(place))
    assert document.original_name == "ordre du jour <b>.pdf"
    assert document.file.name.startswith("meetings/")
    assert document.file.name.endswith(".pdf")
    assert "ordre" not in document.file.name
    assert (document.content_type, document.size) == ("application/pdf", len(PDF))


def test_upload_through_the_page_refuses_html_renamed_pdf(place, client, settings):
    item = _item(place)
    client.force_login(place.facilitator)
    before = _stored(settings)
    response = client.post(
        _url(place, "agenda_documents", item),
        {"file": upload("piege.pdf", b"<html><script>x</script>", "application/pdf")},
    )
    assert response.status_code == 200
    assert "n&#x27;est pas accepté" in response.content.decode()
    assert 'id="id_file_error"' in response.content.decode()
    assert not AgendaDocument.objects.exists()
    assert _stored(settings) == before
    response = client.post(
        _url(place, "agenda_documents", item), {"file": upload("plan.pdf", PDF)}
    )
    assert response.status_code == 302
    assert AgendaDocument.objects.get().original_name == "plan.pdf"


def test_document_is_downloaded_as_attachment_with_nosniff(place, client):
    item = _item(place)
    document = _attach(place, item)
    client.force_login(place.peer)
    page = client.get(item.session.get_absolute_url()).content.decode()
    url = _url(place, "agenda_document", item, document=document.pk)
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize("who", ["outsider", "manager", "foreign_admin"])
def test_non_members_get_404_for_documents(place, client, who):
    item = _item(place)
    document = _attach(place, item)
    client.force_login(getattr(place, who))
    url = _url(place, "agenda_document", item, document=document.pk)
    assert client.get(url).status_code == 404


def test_documents_of_a_proposal_are_not_for_other_members(place, client):
    session = place.session()
    proposal = agenda.propose_item(session=session, actor=place.educator, title="Jeu")
    document = _attach(place, proposal)
    url = _url(place, "agenda_document", proposal, document=document.pk)
    client.force_login(place.peer)
    assert client.get(url).status_code == 404
    client.force_login(place.educator)
    assert client.get(url).status_code == 200


def test_a_document_of_another_item_is_not_reached_through_this_one(place, client):
    session = place.session()
    first, second = _item(place, session), _item(place, session)
    document = _attach(place, second)
    client.force_login(place.peer)
    url = _url(place, "agenda_document", first, document=document.pk)
    assert client.get(url).status_code == 404


def test_media_url_does_not_serve_documents(place, client):
    document = _attach(place, _item(place))
    client.force_login(place.peer)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_removing_a_document_or_its_item_deletes_the_file(
    place, client, settings, django_capture_on_commit_callbacks
):
    item = _item(place)
    before = _stored(settings)
    kept, removed = _attach(place, item), _attach(place, item)
    client.force_login(place.facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            _url(place, "agenda_document_remove", item, document=removed.pk)
        )
    assert response.status_code == 302
    assert list(AgendaDocument.objects.all()) == [kept]
    assert _stored(settings) == before | {settings.MEDIA_ROOT / kept.file.name}
    with django_capture_on_commit_callbacks(execute=True):
        agenda.delete_item(item=item, actor=place.facilitator)
    assert _stored(settings) == before


def test_members_cannot_upload_or_remove(place, client):
    item = _item(place)
    document = _attach(place, item)
    client.force_login(place.educator)
    assert (
        client.post(
            _url(place, "agenda_documents", item), {"file": upload("a.pdf", PDF)}
        ).status_code
        == 403
    )
    assert (
        client.post(
            _url(place, "agenda_document_remove", item, document=document.pk)
        ).status_code
        == 403
    )
    assert AgendaDocument.objects.count() == 1
