"""Snippets with the searched words marked, the same on both databases.

The text is escaped first, piece by piece; only ``<mark>`` is added around the
words whose French stem starts with a searched stem.
"""

import functools
import re
from collections import deque
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from entraide.practices.search import fold

TOKEN = re.compile(r"[^\W_]+")
# Markdown marks read as noise in a one-line snippet.
MARKDOWN = re.compile(r"[*_#>`~|]+|\]\([^)]*\)|[\[\]]")
SNIPPET_WORDS = 30


@functools.lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    return fold(word)


def _stems(words: list[str]) -> tuple[str, ...]:
    return _stems_of(tuple(words))


@functools.lru_cache(maxsize=256)
def _stems_of(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(stem for word in words for stem in fold(word).split() if stem)


def _hits(text: str, stems: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for found in TOKEN.finditer(text):
        stem = _stem(found.group())
        if stem and any(stem.startswith(s) for s in stems):
            spans.append(found.span())
    return spans


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def highlight(text: str, words: list[str]) -> SafeString:
    """``text`` escaped, with the searched words marked."""
    text = str(text or "")
    return mark_safe(_marked(text, _hits(text, _stems(words))))  # noqa: S308 (escaped above)


def snippet(text: str, words: list[str]) -> SafeString:
    """About thirty words of ``text`` around the first searched word, marked
    (the text is read only as far as the thirty words shown)."""
    text = " ".join(MARKDOWN.sub(" ", str(text or "")).split())
    stems = _stems(words)
    tokens = TOKEN.finditer(text)
    before = deque(maxlen=SNIPPET_WORDS // 3)
    shown = None
    for token in tokens:
        if any(_stem(token.group()).startswith(s) for s in stems):
            shown = [*before, token]
            shown.extend(islice(tokens, SNIPPET_WORDS - len(shown)))
            break
        before.append(token)
    if shown is None:  # no searched word in the text: its start
        shown = list(islice(TOKEN.finditer(text), SNIPPET_WORDS))
    if not shown:
        return mark_safe("")
    start, end = shown[0].start(), shown[-1].end()
    # Text cut off (a word before or after, not just a full stop) is marked so.
    piece = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if TOKEN.search(text, end) else ""
    marked = _marked(piece, _hits(piece, stems))
    return mark_safe(f"{prefix}{marked}{suffix}")  # noqa: S308 (escaped in _marked)
