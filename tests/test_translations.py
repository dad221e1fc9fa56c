"""French is the source language; English must be complete and compiled."""

import gettext
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
EN_PO = ROOT / "entraide/locale/en/LC_MESSAGES/django.po"
EN_MO = EN_PO.with_suffix(".mo")


def entries():
    return [e for e in polib.pofile(str(EN_PO)) if not e.obsolete]


def test_english_catalogue_has_no_untranslated_or_fuzzy_string():
    catalogue = polib.pofile(str(EN_PO))
    assert not catalogue.metadata_is_fuzzy, "the header is marked fuzzy"
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:20]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:20]}"


def test_compiled_catalogue_matches_the_po_file():
    with EN_MO.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = []
    for entry in entries():
        if entry.msgid_plural:
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if compiled._catalog.get(key) != entry.msgstr:
            stale.append(entry.msgid)
    assert not stale, f"run `make messages`: .mo is stale for {stale[:10]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext not installed")
def test_every_marked_string_is_in_the_catalogue(tmp_path):
    """Extract strings from the code into a scratch copy and compare msgids."""
    work = tmp_path / "entraide"
    shutil.copytree(
        ROOT / "entraide",
        work,
        ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo"),
    )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    subprocess.run(
        [
            sys.executable,
            "../manage.py",
            "makemessages",
            "--locale",
            "en",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=work,
        check=True,
        capture_output=True,
    )
    fresh = {
        e.msgid for e in polib.pofile(str(work / EN_PO.relative_to(ROOT / "entraide")))
    }
    committed = {e.msgid for e in entries()}
    missing = sorted(fresh - committed)
    assert not missing, f"run `make messages` and translate: {missing[:20]}"
