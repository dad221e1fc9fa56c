"""Writing a sheet: scoped choices, numbered versions, no silent overwrite, files."""

import io
import threading

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from entraide.networks.models import Organisation
from entraide.practices.models import (
    Evidence,
    InterventionZone,
    PracticeSheet,
    PracticeTheme,
    SheetState,
    SheetVersion,
)
from entraide.practices.services import authoring

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def new_sheet(inv, **fields):
    fields.setdefault("title", "Les transitions en chanson")
    return authoring.create_sheet(network=inv.network, author=inv.author, **fields)


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (8, 8), "red")
    exif = Image.Exif()
    exif[0x010F] = "Appareil secret"  # Make
    exif[0x8825] = {1: "N", 2: (46.0, 20.0, 0.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _stored(settings) -> set:
    media = settings.MEDIA_ROOT / "practices"
    return set(media.glob("*")) if media.exists() else set()


def test_a_new_sheet_is_a_draft_with_version_one(inventory):
    sheet = new_sheet(
        inventory,
        summary="Chanter pour passer d'une activité à l'autre.",
        steps="1. Choisir une chanson\n2. La chanter",
        zone=inventory.zones[0],
        themes=inventory.themes[:2],
        age_group="18m_3",
        setting="installation",
        subregion=inventory.subregion,
        co_authors=[inventory.peer],
    )
    sheet.refresh_from_db()
    assert sheet.state == SheetState.DRAFT
    assert sheet.author == inventory.author
    assert sheet.current_version.number == 1
    assert sheet.current_version.created_by == inventory.author
    assert list(sheet.co_authors.all()) == [inventory.peer]
    assert set(sheet.themes.all()) == set(inventory.themes[:2])
    assert "chanson" in sheet.search_text
    assert "transit" in sheet.search_text  # stemmed, accent-free


def test_a_sheet_needs_a_title(inventory):
    with pytest.raises(ValidationError) as error:
        new_sheet(inventory, title="   ")
    assert error.value.message_dict["title"] == ["Donnez un titre à la fiche."]
    assert not PracticeSheet.objects.exists()


@pytest.mark.parametrize("field", ["zone", "themes", "organisation", "subregion"])
def test_choices_of_another_network_are_refused(inventory, field):
    other = inventory.other_network
    foreign = {
        "zone": lambda: InterventionZone.objects.create(network=other, name="Z"),
        "themes": lambda: [PracticeTheme.objects.create(network=other, name="T")],
        "organisation": lambda: Organisation.objects.create(
            network=other, name="CPE B", kind="cpe"
        ),
        "subregion": lambda: other.subregions.first(),
    }[field]()
    with pytest.raises(ValidationError) as error:
        new_sheet(inventory, **{field: foreign})
    assert "du réseau" in error.value.message_dict[field][0]
    assert not PracticeSheet.objects.exists()


def test_co_authors_must_be_members_of_the_network(inventory):
    with pytest.raises(ValidationError) as error:
        new_sheet(inventory, co_authors=[inventory.outsider])
    assert "membres du réseau" in error.value.message_dict["co_authors"][0]
    sheet = new_sheet(inventory)
    with pytest.raises(ValidationError):
        authoring.save_version(
            sheet=sheet,
            actor=inventory.author,
            expected_lock_version=sheet.lock_version,
            co_authors=[inventory.outsider],
        )
    assert not sheet.co_authors.exists()


def test_the_author_is_not_their_own_co_author(inventory):
    sheet = new_sheet(inventory, co_authors=[inventory.author, inventory.peer])
    assert list(sheet.co_authors.all()) == [inventory.peer]


def test_each_save_is_a_new_numbered_version(inventory):
    sheet = new_sheet(inventory, summary="Premier jet")
    second = authoring.save_version(
        sheet=sheet,
        actor=inventory.author,
        expected_lock_version=sheet.lock_version,
        change_note="Résumé précisé",
        summary="Deuxième jet",
    )
    third = authoring.save_version(
        sheet=sheet,
        actor=inventory.peer,
        expected_lock_version=sheet.lock_version,
        steps="Étape 1",
    )
    assert (second.number, third.number) == (2, 3)
    assert third.summary == "Deuxième jet"  # unchanged fields carried over
    assert second.change_note == "Résumé précisé"
    sheet.refresh_from_db()
    assert sheet.current_version == third
    assert sheet.lock_version == 2
    assert list(sheet.versions.values_list("summary", flat=True)) == [
        "Premier jet",
        "Deuxième jet",
        "Deuxième jet",
    ]


def test_saving_unchanged_content_writes_no_version(inventory):
    sheet = new_sheet(inventory, summary="Pareil\nEncore")
    version = authoring.save_version(
        sheet=sheet,
        actor=inventory.author,
        expected_lock_version=0,
        title=" Les transitions en chanson ",
        summary="Pareil\r\nEncore",  # as a browser sends it
        age_group="3_5",
    )
    assert version.number == 1
    assert SheetVersion.objects.count() == 1
    sheet.refresh_from_db()
    assert sheet.age_group == "3_5"  # the sheet's other fields are saved
    assert sheet.lock_version == 1


def test_second_save_of_the_same_version_is_told_and_nothing_is_overwritten(
    inventory,
):
    sheet = new_sheet(inventory, summary="Avant")
    first_copy = PracticeSheet.objects.get(pk=sheet.pk)
    second_copy = PracticeSheet.objects.get(pk=sheet.pk)
    authoring.save_version(
        sheet=first_copy,
        actor=inventory.author,
        expected_lock_version=0,
        summary="Version de Julie",
    )
    with pytest.raises(ValidationError) as error:
        authoring.save_version(
            sheet=second_copy,
            actor=inventory.peer,
            expected_lock_version=0,
            summary="Version d'Élise",
            age_group="3_5",
        )
    assert error.value.code == authoring.CONFLICT
    assert "Quelqu'un d'autre a enregistré cette fiche" in error.value.messages[0]
    sheet.refresh_from_db()
    assert sheet.current_version.summary == "Version de Julie"
    assert sheet.age_group == ""
    assert sheet.versions.count() == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
def test_two_people_saving_at_once_one_is_told(inventory):
    sheet = new_sheet(inventory)
    people = [inventory.author, inventory.peer] * 3
    barrier = threading.Barrier(len(people))
    saved, told, errors = [], [], []

    def save(index, person):
        try:
            barrier.wait()
            version = authoring.save_version(
                sheet=PracticeSheet.objects.get(pk=sheet.pk),
                actor=person,
                expected_lock_version=0,
                summary=f"Texte {index}",
            )
            saved.append(version.summary)
        except ValidationError as error:
            told.append(error.code)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(i, p)) for i, p in enumerate(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert len(saved) == 1
    assert told == [authoring.CONFLICT] * (len(people) - 1)
    sheet.refresh_from_db()
    assert sheet.versions.count() == 2
    assert sheet.current_version.summary == saved[0]


@pytest.mark.parametrize(
    "state",
    [
        s
        for s in SheetState.values
        if s not in (SheetState.DRAFT, SheetState.NEEDS_CHANGES)
    ],
)
def test_a_sheet_past_the_authors_steps_cannot_be_saved(inventory, state):
    sheet = new_sheet(inventory)
    PracticeSheet.objects.filter(pk=sheet.pk).update(state=state)
    sheet.refresh_from_db()
    with pytest.raises(ValidationError):
        authoring.save_version(
            sheet=sheet, actor=inventory.author, expected_lock_version=0, summary="x"
        )
    assert sheet.versions.count() == 1


def test_a_sheet_sent_back_for_changes_gets_a_new_version(inventory):
    sheet = new_sheet(inventory)
    PracticeSheet.objects.filter(pk=sheet.pk).update(state=SheetState.NEEDS_CHANGES)
    sheet.refresh_from_db()
    version = authoring.save_version(
        sheet=sheet, actor=inventory.author, expected_lock_version=0, summary="Revu"
    )
    assert version.number == 2


def _upload(name, data, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_a_photo_needs_the_box_ticked(inventory, settings):
    sheet = new_sheet(inventory)
    before = _stored(settings)
    with pytest.raises(ValidationError) as error:
        authoring.attach_evidence(
            sheet=sheet,
            actor=inventory.author,
            uploaded=_upload("atelier.jpg", jpeg_with_exif(), "image/jpeg"),
            description="L'atelier",
            no_identifiable_child=False,
        )
    assert "aucun enfant" in error.value.message_dict["no_identifiable_child"][0]
    assert not Evidence.objects.exists()
    assert _stored(settings) == before


def test_a_photo_loses_its_exif_when_the_box_is_ticked(inventory):
    sheet = new_sheet(inventory)
    evidence = authoring.attach_evidence(
        sheet=sheet,
        actor=inventory.author,
        uploaded=_upload("atelier.jpg", jpeg_with_exif(), "image/jpeg"),
        description="L'atelier",
        no_identifiable_child=True,
    )
    with evidence.file.open("rb") as handle:
        data = handle.read()
    assert b"Appareil secret" not in data
    assert not Image.open(io.BytesIO(data)).getexif()
    assert evidence.no_identifiable_child
    assert evidence.file.name.startswith("practices/")
    assert "atelier" not in evidence.file.name


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("piege.pdf", b"<html><script>alert(1)</script></html>", "n'est pas accepté"),
        ("gros.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024), "10 Mo"),
        ("vide.pdf", b"", "est vide"),
    ],
)
def test_bad_files_are_refused_and_leave_nothing(
    inventory, settings, name, data, message
):
    sheet = new_sheet(inventory)
    before = _stored(settings)
    with pytest.raises(ValidationError) as error:
        authoring.attach_evidence(
            sheet=sheet, actor=inventory.author, uploaded=_upload(name, data)
        )
    assert message in " ".join(error.value.message_dict["file"])
    assert not Evidence.objects.exists()
    assert _stored(settings) == before


def test_failure_after_the_file_is_written_leaves_no_orphan(
    inventory, settings, monkeypatch
):
    sheet = new_sheet(inventory)
    before = _stored(settings)

    def boom(self, *args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Evidence, "save", boom)
    with pytest.raises(RuntimeError):
        authoring.attach_evidence(
            sheet=sheet, actor=inventory.author, uploaded=_upload("plan.pdf", PDF)
        )
    assert not Evidence.objects.exists()
    assert _stored(settings) == before


def test_removed_evidence_takes_its_file(
    inventory, settings, django_capture_on_commit_callbacks
):
    sheet = new_sheet(inventory)
    before = _stored(settings)
    evidence = authoring.attach_evidence(
        sheet=sheet, actor=inventory.author, uploaded=_upload("plan.pdf", PDF)
    )
    assert _stored(settings) != before
    with django_capture_on_commit_callbacks(execute=True):
        authoring.remove_evidence(evidence=evidence, actor=inventory.author)
    assert not Evidence.objects.exists()
    assert _stored(settings) == before


def test_people_named_co_authors_are_told_once(inventory):
    from entraide.notifications.models import Notification

    sheet = new_sheet(inventory, co_authors=[inventory.rep])
    authoring.save_version(
        sheet=sheet,
        actor=inventory.rep,
        expected_lock_version=0,
        summary="Ajout",
        co_authors=[inventory.rep, inventory.peer],
    )
    authoring.save_version(
        sheet=sheet,
        actor=inventory.author,
        expected_lock_version=1,
        summary="Encore",
        co_authors=[inventory.rep, inventory.peer],
    )
    told = Notification.objects.filter(kind="practices.co_author_added")
    assert sorted(n.recipient.email for n in told) == [
        "peer@mcq.example",
        "rep@mcq.example",
    ]
    assert told.get(recipient=inventory.peer).url == sheet.get_absolute_url()
    assert not told.filter(recipient=inventory.author).exists()
