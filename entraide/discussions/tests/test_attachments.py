"""Attachments: type from content, size, zip bombs, EXIF, no orphans, served safely."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from entraide.core import uploads
from entraide.discussions import services
from entraide.discussions.models import Attachment, Thread

pytestmark = pytest.mark.django_db


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (32, 24), "orange")
    exif = Image.Exif()
    exif[0x010F] = "Appareil de la garderie"  # Make
    exif[0x8825] = {1: "N", 2: (46.0, 20.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    return out.getvalue()


def test_html_renamed_pdf_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(
            upload(
                "rapport.pdf",
                b"<html><script>alert(1)</script></html>",
                "application/pdf",
            )
        )
    assert "type" in str(error.value.messages)


def test_pdf_png_docx_are_recognised_from_content():
    assert (
        uploads.check_upload(upload("a.bin", b"%PDF-1.7\n")).content_type == uploads.PDF
    )
    assert (
        uploads.check_upload(upload("x.docx", docx_bytes())).content_type
        == uploads.DOCX
    )


def test_zip_without_office_structure_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("index.html", "<script></script>")
    with pytest.raises(ValidationError):
        uploads.check_upload(upload("faux.docx", out.getvalue()))


def test_oversized_file_is_refused():
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)))
    assert "10 Mo" in error.value.messages[0]


def test_zip_bomb_is_refused_from_declared_sizes(monkeypatch):
    data = zip_bomb()
    assert len(data) < uploads.MAX_UPLOAD_BYTES
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(
        zipfile.ZipFile,
        "open",
        lambda self, *a, **k: opened.append(a) or real_open(self, *a, **k),
    )
    with pytest.raises(ValidationError) as error:
        uploads.check_upload(upload("bombe.docx", data))
    assert error.value.code == "zip_bomb"
    assert opened == []  # nothing was unpacked


def test_image_loses_exif_and_gps():
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif()
    checked = uploads.check_upload(upload("photo.jpg", data))
    clean = Image.open(io.BytesIO(checked.content.read()))
    assert not clean.getexif()
    assert b"Appareil" not in checked.content.read()
    assert clean.size == (32, 24)


def test_failed_upload_leaves_no_row_and_no_file(place, settings, monkeypatch):
    checked = [uploads.check_upload(upload("a.pdf", b"%PDF-1.4\n"))]
    media = settings.MEDIA_ROOT / "discussions"
    before = set(media.glob("*")) if media.exists() else set()

    def boom(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "_notify_members", boom)
    with pytest.raises(RuntimeError):
        services.start_thread(
            community=place.community,
            author=place.educator,
            kind="question",
            title="Avec fichier",
            body="Voici",
            files=checked,
        )
    assert not Thread.objects.exists()
    assert not Attachment.objects.exists()
    after = set(media.glob("*")) if media.exists() else set()
    assert after == before


def _thread_with_file(place):
    checked = [uploads.check_upload(upload("grille <b>.pdf", b"%PDF-1.4\n"))]
    thread = services.start_thread(
        community=place.community,
        author=place.educator,
        kind="sharing",
        title="Grille",
        body="Voici la grille",
        files=checked,
    )
    return thread, thread.attachments.get()


def test_attachment_is_downloaded_as_attachment_with_nosniff(place, client):
    thread, attachment = _thread_with_file(place)
    assert not attachment.file.name.endswith("grille <b>.pdf")
    client.force_login(place.peer)
    response = client.get(
        reverse(
            "discussions:attachment", kwargs=place.kwargs(attachment_pk=attachment.pk)
        )
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"


@pytest.mark.parametrize("who", ["outsider", "manager", "foreign_admin"])
def test_non_members_get_404_for_attachments(place, client, who):
    thread, attachment = _thread_with_file(place)
    client.force_login(getattr(place, who))
    response = client.get(
        reverse(
            "discussions:attachment", kwargs=place.kwargs(attachment_pk=attachment.pk)
        )
    )
    assert response.status_code == 404


def test_media_url_does_not_serve_files(place, client):
    thread, attachment = _thread_with_file(place)
    client.force_login(place.peer)
    assert client.get(f"/media/{attachment.file.name}").status_code == 404


def test_upload_through_the_form_refuses_html_renamed_pdf_and_keeps_text(place, client):
    client.force_login(place.educator)
    response = client.post(
        reverse("discussions:create", kwargs=place.kwargs()),
        {
            "kind": "question",
            "title": "Mon titre gardé",
            "body": "Mon texte gardé",
            "attachments": upload("piege.pdf", b"<html><script>x</script>"),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon titre gardé" in html and "Mon texte gardé" in html
    assert "n&#x27;est pas accepté" in html or "n'est pas accepté" in html
    assert not Thread.objects.exists()
