from html.parser import HTMLParser

import pytest

from entraide.core.markdown import ALLOWED_TAGS, render_markdown


class Elements(HTMLParser):
    """The tags and attributes a browser would build from the HTML."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(html: str):
    parser = Elements()
    parser.feed(html)
    return parser.found


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
    '<iframe src="https://evil.example"></iframe>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
]


@pytest.mark.parametrize("source", XSS)
def test_markdown_never_outputs_script_vectors(source):
    for tag, attrs in elements(str(render_markdown(source))):
        assert tag in ALLOWED_TAGS
        assert not any(name.startswith("on") or name == "style" for name in attrs)
        href = attrs.get("href", "")
        assert not href.lower().startswith(("javascript:", "data:", "vbscript:"))


def test_markdown_keeps_formatting_and_safe_links():
    html = str(
        render_markdown(
            "**Bonjour** *à tous*\n\n- un\n- deux\n\n[site](https://exemple.ca)"
        )
    )
    assert "<strong>Bonjour</strong>" in html
    assert "<em>à tous</em>" in html
    assert "<li>un</li>" in html
    assert 'href="https://exemple.ca"' in html
    assert 'rel="nofollow noopener noreferrer"' in html
