"""Snippets read only as far as they show, and mark the searched words."""

from entraide.search.highlight import highlight, snippet


def test_a_snippet_starts_ten_words_before_the_first_found_word():
    words = [f"mot{i}" for i in range(200)]
    words[120] = "Comptines"
    text = " ".join(words)
    found = snippet(text, ["comptine"])
    assert found.startswith("… mot110 mot111")
    assert "<mark>Comptines</mark>" in found
    assert found.endswith("mot139 …")
    assert len(found.replace("<mark>", "").replace("</mark>", "").split()) == 32


def test_a_snippet_without_the_word_shows_the_start():
    text = " ".join(f"mot{i}" for i in range(50))
    found = snippet(text, ["comptine"])
    assert found.startswith("mot0 mot1") and found.endswith("mot29 …")
    assert "<mark>" not in found


def test_short_and_empty_texts():
    assert snippet("", ["jeu"]) == ""
    assert snippet("!!!", ["jeu"]) == ""
    assert snippet("Le jeu libre.", ["jeu"]) == "Le <mark>jeu</mark> libre"


def test_markdown_is_dropped_and_text_escaped():
    found = snippet("**Jeu** & <em>libre</em> [lien](https://x.example)", ["jeu"])
    # « > » goes with Markdown's marks (a quote); what is left is escaped.
    assert found == "<mark>Jeu</mark> &amp; &lt;em libre&lt;/em lien"
    assert highlight("<i>Jeux</i> d'eau", ["jeu"]) == (
        "&lt;i&gt;<mark>Jeux</mark>&lt;/i&gt; d&#x27;eau"
    )
