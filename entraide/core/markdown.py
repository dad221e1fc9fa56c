"""Markdown for people's text: rendered with markdown-it-py, then sanitised with nh3.

Raw HTML in the source is not rendered; the output keeps an allowlist of tags and
attributes, and links get rel="nofollow noopener" so nothing can run a script.
"""

import functools

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_md = MarkdownIt(
    "commonmark", {"html": False, "linkify": False, "breaks": True}
).enable(["table", "strikethrough"])

ALLOWED_TAGS = {
    "a",
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text: str) -> SafeString:
    """Safe HTML for a Markdown source.

    Pages show the same posts again and again: short sources are memoised per
    process (the output depends on the source alone).
    """
    text = text or ""
    if len(text) <= CACHED_SOURCE_MAX:
        return mark_safe(_render_cached(text))  # noqa: S308 - sanitised by nh3
    return mark_safe(_render(text))  # noqa: S308 - sanitised by nh3


CACHED_SOURCE_MAX = 4_000


@functools.lru_cache(maxsize=2_048)
def _render_cached(text: str) -> str:
    return _render(text)


def _render(text: str) -> str:
    html = _md.render(text)
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow noopener noreferrer",
    )
