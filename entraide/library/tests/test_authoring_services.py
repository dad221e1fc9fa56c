"""Writing a tool through its services: versions, files kept, conflicts, choices
checked again, uploads refused before anything is stored."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from entraide.communities.models import Community
from entraide.library.models import Tool, ToolStatus, ToolVersion
from entraide.library.permissions import viewer_for
from entraide.library.services import authoring
from entraide.library.tests.factories import PDF_BYTES, make_tool
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return tmp_path


def stored_files(root):
    return sorted(p.name for p in root.rglob("*") if p.is_file())


def pdf(name="menu.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def create(library, person=None, **fields):
    person = person or library.author
    values = {
        "title": "Gabarit de menu",
        "kind": "template",
        "language": "fr",
        "licence": "cc_by",
        "body": "Un menu **équilibré**.",
    }
    values.update(fields)
    community = values.pop("community", library.community)
    return authoring.create_tool(
        viewer=viewer_for(person, library.network), community=community, **values
    )


def save(tool, person, **fields):
    tool.refresh_from_db()
    return authoring.save_version(
        tool=tool,
        actor=person,
        expected_lock_version=fields.pop("lock", tool.lock_version),
        **fields,
    )


def test_member_creates_tool_with_first_version_and_file(library, media):
    tool = create(library, file=pdf(), themes=library.themes[:2])
    version = tool.current_version
    assert tool.status == ToolStatus.IN_PROGRESS
    assert tool.community == library.community
    assert tool.created_by == library.author
    assert version.number == 1
    assert version.file_name == "menu.pdf"
    assert version.file_type == "application/pdf"
    assert version.file_size == len(PDF_BYTES)
    assert version.file.name.startswith("library/")
    assert "menu" not in version.file.name
    assert "equilibr" in tool.search_text
    assert stored_files(media) == [version.file.name.rsplit("/", 1)[1]]


def test_tool_needs_a_body_a_file_or_a_video_link(library):
    with pytest.raises(ValidationError) as error:
        create(library, body="")
    assert "body" in error.value.message_dict
    assert not Tool.objects.exists()


def test_video_tool_needs_its_link(library):
    with pytest.raises(ValidationError) as error:
        create(library, kind="video")
    assert "video_url" in error.value.message_dict
    tool = create(library, kind="video", body="", video_url="https://example.org/v")
    assert tool.current_version.video_url == "https://example.org/v"


def test_community_is_checked_again_in_the_service(library):
    with pytest.raises(ValidationError) as error:
        create(library, community=library.other_community)
    assert "community" in error.value.message_dict
    with pytest.raises(ValidationError):
        create(library, community=None)
    assert not Tool.objects.exists()


def test_lead_may_write_a_network_tool(library):
    tool = create(library, library.lead, community=None)
    assert tool.community is None


def test_archived_community_takes_no_new_tool(library):
    library.community.archived_at = "2026-01-01T00:00Z"
    library.community.save()
    with pytest.raises(ValidationError):
        create(library)


def test_themes_of_another_network_are_refused(library):
    from entraide.practices.models import PracticeTheme

    foreign = PracticeTheme.objects.create(
        network=library.other_network, name="Ailleurs", position=0
    )
    with pytest.raises(ValidationError) as error:
        create(library, themes=[foreign])
    assert "themes" in error.value.message_dict


def test_unknown_audience_is_refused(library):
    with pytest.raises(ValidationError) as error:
        create(library, audience_job_roles=["astronaut"])
    assert "audience_job_roles" in error.value.message_dict


def test_each_save_with_new_content_is_a_new_version_keeping_the_file(library):
    tool = create(library, file=pdf())
    first = tool.current_version
    second = save(tool, library.co_author, body="Deux menus.", change_note="Ajout")
    assert second.number == 2
    assert second.change_note == "Ajout"
    assert second.file.name == first.file.name
    assert second.file_name == "menu.pdf"
    first.refresh_from_db()
    assert first.body == "Un menu **équilibré**."
    tool.refresh_from_db()
    assert tool.current_version == second
    assert "menu" in tool.search_text


def test_new_file_makes_a_new_version_and_old_file_stays(library, media):
    tool = create(library, file=pdf())
    first = tool.current_version
    second = save(tool, library.author, file=pdf("nouveau.pdf"))
    assert second.number == 2
    assert second.file.name != first.file.name
    assert len(stored_files(media)) == 2


def test_unchanged_content_writes_no_version_but_saves_metadata(library):
    tool = create(library)
    version = save(tool, library.author, language="both", age_group="3_5")
    tool.refresh_from_db()
    assert version.number == 1
    assert tool.versions.count() == 1
    assert tool.language == "both"
    assert tool.age_group == "3_5"


def test_second_person_saving_the_same_version_is_told(library):
    tool = create(library)
    lock = tool.lock_version
    save(tool, library.author, body="Texte de Julie", lock=lock)
    with pytest.raises(ValidationError) as error:
        save(tool, library.co_author, body="Texte de Marc", lock=lock)
    assert error.value.code == authoring.CONFLICT
    tool.refresh_from_db()
    assert tool.current_version.body == "Texte de Julie"
    assert tool.versions.count() == 2


def test_removing_the_file_needs_other_content(library):
    tool = create(library, body="", file=pdf())
    with pytest.raises(ValidationError) as error:
        save(tool, library.author, remove_file=True)
    assert "body" in error.value.message_dict
    version = save(tool, library.author, remove_file=True, body="En ligne")
    assert not version.file
    assert tool.versions.get(number=1).file


def test_no_edit_once_validated(library):
    tool = create(library)
    Tool.objects.filter(pk=tool.pk).update(status=ToolStatus.VALIDATED)
    with pytest.raises(ValidationError) as error:
        save(tool, library.author, body="Trop tard")
    assert error.value.code == "not_editable"


def test_failed_upload_leaves_no_row_and_no_file(library, media):
    fake = SimpleUploadedFile("menu.pdf", b"<html><script>alert(1)</script></html>")
    with pytest.raises(ValidationError) as error:
        create(library, file=fake)
    assert "file" in error.value.message_dict
    assert not Tool.objects.exists()
    assert not ToolVersion.objects.exists()
    assert stored_files(media) == []


def test_failure_after_storing_the_file_removes_it(library, media, monkeypatch):
    def broken(tool):
        raise RuntimeError("search down")

    monkeypatch.setattr(authoring, "_refresh_search_text", broken)
    with pytest.raises(RuntimeError):
        create(library, file=pdf())
    assert not Tool.objects.exists()
    assert stored_files(media) == []


def test_oversized_file_is_refused(library, monkeypatch):
    from entraide.core import uploads

    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 100)
    big = SimpleUploadedFile("gros.pdf", PDF_BYTES + b"0" * 200)
    with pytest.raises(ValidationError) as error:
        create(library, file=big)
    assert "10 Mo" in error.value.message_dict["file"][0]


def zip_bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))
    return out.getvalue()


def test_zip_bomb_docx_is_refused_before_unpacking(library, monkeypatch):
    read = []
    original = zipfile.ZipFile.read
    monkeypatch.setattr(
        zipfile.ZipFile,
        "read",
        lambda self, name, pwd=None: read.append(name) or original(self, name, pwd),
    )
    bomb = SimpleUploadedFile("rapport.docx", zip_bomb_docx())
    with pytest.raises(ValidationError) as error:
        create(library, file=bomb)
    assert "anormal" in error.value.message_dict["file"][0]
    assert read == []
    assert not Tool.objects.exists()


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (20, 20), "orange")
    exif = Image.Exif()
    exif[0x010F] = "Appareil"
    exif[0x8825] = {1: "N", 2: (45.0, 30.0, 0.0), 3: "W", 4: (73.0, 34.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_exif_and_gps_are_stripped_from_a_photo(library):
    data = jpeg_with_gps()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)
    tool = create(library, file=SimpleUploadedFile("affiche.jpg", data))
    version = tool.current_version
    assert version.file_type == "image/jpeg"
    with version.file.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert not stored.getexif()
        assert b"Exif" not in handle.read()


def test_co_authors_are_chosen_in_the_community_and_told(
    library, django_capture_on_commit_callbacks
):
    tool = make_tool(
        library.network, community=library.community, created_by=library.author
    )
    with django_capture_on_commit_callbacks(execute=True):
        authoring.set_co_authors(
            tool=tool, actor=library.author, co_authors=[library.co_author]
        )
    assert list(tool.co_authors.all()) == [library.co_author]
    notice = Notification.objects.get(recipient=library.co_author)
    assert notice.kind == "library.co_author_added"
    assert notice.context["tool"] == "Gabarit de menu"
    with pytest.raises(ValidationError) as error:
        authoring.set_co_authors(
            tool=tool, actor=library.author, co_authors=[library.network_member]
        )
    assert "co_authors" in error.value.message_dict
    assert list(tool.co_authors.all()) == [library.co_author]


def test_network_tool_co_authors_are_network_members(library):
    tool = make_tool(library.network, created_by=library.lead)
    authoring.set_co_authors(
        tool=tool, actor=library.lead, co_authors=[library.network_member]
    )
    assert list(tool.co_authors.all()) == [library.network_member]
    with pytest.raises(ValidationError):
        authoring.set_co_authors(
            tool=tool, actor=library.lead, co_authors=[library.outsider]
        )


def test_other_communities_are_not_candidates(library):
    elsewhere = Community.objects.get(slug="pedagogie")
    tool = make_tool(library.network, community=elsewhere, created_by=library.lead)
    assert not authoring.co_author_candidates(tool).exists()
