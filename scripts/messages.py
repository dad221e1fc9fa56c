"""Refresh the English catalogue from the French source strings, then compile it.

French (fr-CA) is the source language: msgids are French, English is translated in
entraide/locale/en/LC_MESSAGES/django.po.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
IGNORE = [".venv", "node_modules", "bench", "var", "tests", "*/tests/*", "scripts"]


def main() -> None:
    ignore_args = [arg for pattern in IGNORE for arg in ("--ignore", pattern)]
    for domain in ("django",):
        subprocess.run(
            [
                PY,
                "../manage.py",
                "makemessages",
                "--locale",
                "en",
                "--domain",
                domain,
                "--no-obsolete",
                "--no-location",
                *ignore_args,
            ],
            cwd=ROOT / "entraide",
            check=True,
        )
    subprocess.run(
        [PY, "../manage.py", "compilemessages", "--locale", "en"],
        cwd=ROOT / "entraide",
        check=True,
    )


if __name__ == "__main__":
    main()
