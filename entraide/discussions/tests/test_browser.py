"""Browser stories of the discussions, with axe on every page visited."""

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, make_member, sign_in
from entraide.discussions import services

pytestmark = pytest.mark.browser

PASSWORD = "motdepasse-solide-2026"

XSS_CORPUS = [
    "<script>window.__xss = 1</script>",
    '<img src=x onerror="window.__xss=2">',
    "[clic](javascript:window.__xss=3)",
    '<svg onload="window.__xss=4"></svg>',
    "<a href=\"javascript:alert('x')\">lien</a>",
    '![image](x" onerror="window.__xss=5)',
    '<iframe src="javascript:alert(1)"></iframe>',
    '"><script>alert(document.cookie)</script>',
    "<details open ontoggle=window.__xss=6>",
    "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]


def list_url(live_server, place):
    return f"{live_server.url}/r/mcq/communautes/pedagogie/discussions/"


def test_educator_joins_pedagogy_asks_a_question_peer_answers_and_it_helped(
    page, live_server, place
):
    make_member(
        place.network, "sophie@mcq.example", first_name="Sophie", last_name="Lavoie"
    )
    # Like the demo's pedagogy community: seen by the network, joined on request.
    place.community.visibility = "network"
    place.community.save(update_fields=["visibility"])
    home = f"{live_server.url}/r/mcq/communautes/pedagogie/"

    sign_in(page, live_server, "sophie@mcq.example")
    page.goto(home)
    assert_accessible(page, context="community home, not yet a member")
    page.get_by_role("button", name="Demander à me joindre").click()
    expect(
        page.get_by_text("Votre demande d'adhésion est en attente de réponse.")
    ).to_be_visible()

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(f"{home}demandes/")
    assert_accessible(page, context="join requests")
    page.get_by_role("button", name="Accepter Sophie Lavoie").click()
    expect(page.get_by_role("button", name="Accepter Sophie Lavoie")).to_have_count(0)

    sign_in(page, live_server, "sophie@mcq.example")
    page.goto(list_url(live_server, place))
    assert_accessible(page, context="empty discussion list")
    page.get_by_role("link", name="Nouveau sujet").click()
    assert_accessible(page, context="new thread form")
    page.get_by_label("Titre (obligatoire)").fill("La sieste des 4 ans")
    page.get_by_label("Message (obligatoire)").fill(
        "Certains enfants ne dorment plus. Que proposez-vous pendant la sieste?"
    )
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_role("heading", name="La sieste des 4 ans")).to_be_visible()
    assert_accessible(page, context="new thread")
    thread_url = page.url

    sign_in(page, live_server, "peer@mcq.example")
    page.goto(thread_url)
    page.get_by_label("Votre réponse (obligatoire)").fill(
        "Un **coin calme** avec des livres et de la musique douce."
    )
    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.locator("#reply-list strong", has_text="coin calme")).to_be_visible()
    expect(page.get_by_label("Votre réponse (obligatoire)")).to_have_value("")
    assert_accessible(page, context="thread with reply")

    sign_in(page, live_server, "sophie@mcq.example")
    page.goto(thread_url)
    page.get_by_role("button", name="Cette réponse m'a aidé").click()
    expect(page.get_by_text("1 personne aidée")).to_be_visible()
    expect(
        page.get_by_role("button", name="Cette réponse m'a aidé ✓")
    ).to_have_attribute("aria-pressed", "true")
    assert_accessible(page, context="reply marked helpful")


def test_facilitator_hides_an_offending_reply(page, live_server, place):
    thread = services.start_thread(
        community=place.community,
        author=place.educator,
        kind="question",
        title="Menus sans arachides",
        body="Des idées de collations?",
    )
    services.post_reply(thread=thread, author=place.peer, body="Propos offensant ici")
    url = f"{live_server.url}{thread.get_absolute_url()}"

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(url)
    assert_accessible(page, context="thread as facilitator")
    page.locator("summary", has_text="Masquer").click()
    page.get_by_role("button", name="Masquer la réponse").click()
    expect(page.get_by_text("Indiquez un motif.")).to_be_visible()
    page.get_by_label("Motif du masquage").fill("Propos irrespectueux")
    page.get_by_role("button", name="Masquer la réponse").click()
    expect(page.get_by_text("motif : Propos irrespectueux")).to_be_visible()
    expect(page.get_by_role("button", name="Rendre visible")).to_be_visible()
    assert_accessible(page, context="reply hidden")

    sign_in(page, live_server, "educator@mcq.example")
    page.goto(url)
    expect(page.get_by_text("Message masqué par l'animation")).to_be_visible()
    expect(page.get_by_text("Propos offensant ici")).to_have_count(0)
    assert_accessible(page, context="hidden reply as member")


def test_xss_corpus_in_threads_and_replies_runs_no_script(page, live_server, place):
    thread = None
    for number, payload in enumerate(XSS_CORPUS):
        thread = services.start_thread(
            community=place.community,
            author=place.educator,
            kind="sharing",
            title=f"{payload[:150]} {number}",
            body=payload,
        )
        services.post_reply(thread=thread, author=place.peer, body=payload)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(list_url(live_server, place))
    assert_accessible(page, context="list with hostile titles")
    for thread_page in (thread, *place.community.threads.order_by("pk")[:3]):
        page.goto(f"{live_server.url}{thread_page.get_absolute_url()}")
        page.wait_for_load_state("load")
        for summary in page.locator("details summary").all():
            summary.click()
        assert page.evaluate("typeof window.__xss") == "undefined"
    assert_accessible(page, context="thread with hostile replies")
    assert dialogs == []
