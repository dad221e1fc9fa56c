"""Checking uploaded files before anything is stored: size, real type, zip bombs.

The type comes from the content (magic bytes and, for office documents, the zip's
internal structure), never from the name or the browser's content type. Office
documents are zip files: their declared sizes and compression ratios are checked
before a single entry is unpacked. Images are decoded and saved again from their
pixels only, so EXIF data (GPS position, camera, date) never reaches the disk.
"""

import io
import uuid
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Zip checks: total unpacked size, entries, and how much one entry may expand.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ZIP_ENTRIES = 2_000
MAX_COMPRESSION_RATIO = 100
# Images: larger than this many pixels is refused (decompression bombs).
MAX_IMAGE_PIXELS = 40_000_000

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {
    PDF: ".pdf",
    PNG: ".png",
    JPEG: ".jpg",
    DOCX: ".docx",
    XLSX: ".xlsx",
    ODT: ".odt",
}

ACCEPTED_HELP = _(
    "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx) ou OpenDocument (.odt), "
    "10 Mo au plus par fichier."
)


@dataclass(frozen=True)
class CheckedUpload:
    """A file that passed every check: what to store, and under which type."""

    content: ContentFile
    content_type: str
    original_name: str

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]

    @property
    def size(self) -> int:
        return self.content.size


def _refuse(message, code: str, name: str):
    raise ValidationError(message, code=code, params={"name": name})


def check_upload(uploaded) -> CheckedUpload:
    """Return the checked file, or raise a ValidationError in French."""
    name = _display_name(getattr(uploaded, "name", "") or "")
    if uploaded.size > MAX_UPLOAD_BYTES:
        _refuse(
            _("« %(name)s » dépasse la taille maximale de 10 Mo."), "too_large", name
        )
    if uploaded.size == 0:
        _refuse(_("« %(name)s » est vide."), "empty", name)
    uploaded.seek(0)
    data = uploaded.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        _refuse(
            _("« %(name)s » dépasse la taille maximale de 10 Mo."), "too_large", name
        )
    content_type = sniff(data)
    if content_type is None:
        _refuse(
            _(
                "Le type de « %(name)s » n'est pas accepté : seuls les fichiers PDF, "
                "PNG, JPEG, Word (.docx), Excel (.xlsx) et OpenDocument (.odt) le "
                "sont."
            ),
            "type",
            name,
        )
    if content_type in (PNG, JPEG):
        data = _without_metadata(data, content_type, name)
    return CheckedUpload(ContentFile(data), content_type, name)


def _display_name(name: str) -> str:
    """The file's own name, without any path or control character, for display."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if char.isprintable())
    return name[:200] or "fichier"


def sniff(data: bytes) -> str | None:
    """The content type read from the bytes themselves, or None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data)
    return None


def _office_type(data: bytes) -> str | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return None
    if not is_reasonable_zip(entries):
        raise ValidationError(
            _(
                "Ce fichier compressé se décompresse en un volume anormal : "
                "il est refusé."
            ),
            code="zip_bomb",
        )
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
        return None
    if "mimetype" in names and "content.xml" in names:
        entry = archive.getinfo("mimetype")
        if entry.file_size > 100:
            return None
        try:
            mimetype = archive.read(entry).strip()
        except (zipfile.BadZipFile, ValueError, OSError, RuntimeError):
            return None
        if mimetype == ODT.encode():
            return ODT
    return None


def is_reasonable_zip(entries: list[zipfile.ZipInfo]) -> bool:
    """Declared sizes only: nothing is unpacked to decide."""
    if len(entries) > MAX_ZIP_ENTRIES:
        return False
    total = 0
    for entry in entries:
        total += entry.file_size
        if total > MAX_UNPACKED_BYTES:
            return False
        if entry.file_size > 1024 * 1024 and (
            entry.file_size > MAX_COMPRESSION_RATIO * max(entry.compress_size, 1)
        ):
            return False
    return True


def _without_metadata(data: bytes, content_type: str, name: str) -> bytes:
    """The image saved again from its pixels only: no EXIF, GPS, comments."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise Image.DecompressionBombError
            image.load()
            # Keep the photo upright once its orientation tag is gone.
            image = ImageOps.exif_transpose(image)
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ):
        _refuse(_("L'image « %(name)s » est illisible ou trop grande."), "image", name)
    if content_type == JPEG:
        mode = "L" if image.mode == "L" else "RGB"
        fmt = "JPEG"
    else:
        mode = image.mode if image.mode in ("1", "L", "RGB", "RGBA") else "RGBA"
        fmt = "PNG"
    image = image.convert(mode)
    clean = Image.frombytes(mode, image.size, image.tobytes())
    out = io.BytesIO()
    if fmt == "JPEG":
        clean.save(out, fmt, quality=90)
    else:
        clean.save(out, fmt, optimize=True)
    return out.getvalue()


def generated_name(folder: str, filename: str) -> str:
    """A storage path of our own: nothing of the uploaded name reaches the disk
    but a short, plain extension."""
    suffix = PurePosixPath(filename).suffix.lower()[:8]
    if not suffix[1:].isalnum():
        suffix = ""
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


def download_response(stored) -> FileResponse:
    """A stored file (with ``file``, ``original_name``, ``content_type``) sent as a
    download that no browser will render or sniff; 404 if the file is gone.

    Call it only after the permission check.
    """
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
