"""Discussion pages: bad input, HTMX fragments, visibility, constant query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from entraide.discussions import services
from entraide.discussions.models import Reply, Thread

pytestmark = pytest.mark.django_db


def url(place, name, **kwargs):
    return reverse(f"discussions:{name}", kwargs=place.kwargs(**kwargs))


def make_thread(place, title="Routines du matin", author=None):
    return services.start_thread(
        community=place.community,
        author=author or place.educator,
        kind="question",
        title=title,
        body="Comment faites-vous?",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [("", "Écrivez votre message."), ("x" * 20_001, "20 000 caractères")],
)
def test_bad_body_shows_french_error_and_keeps_the_title(place, client, body, message):
    client.force_login(place.educator)
    response = client.post(
        url(place, "create"),
        {"kind": "question", "title": "Titre à garder", "body": body},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Titre à garder"' in html
    assert not Thread.objects.exists()


def test_reply_with_htmx_returns_the_new_reply_and_a_fresh_form(place, client):
    thread = make_thread(place)
    client.force_login(place.peer)
    response = client.post(
        url(place, "reply", pk=thread.pk),
        {"body": "Nous chantons **ensemble**"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>ensemble</strong>" in html
    assert 'hx-swap-oob="beforeend:#reply-list"' in html
    assert Reply.objects.count() == 1


def test_empty_reply_keeps_nothing_and_says_why(place, client):
    thread = make_thread(place)
    client.force_login(place.peer)
    response = client.post(url(place, "reply", pk=thread.pk), {"body": ""})
    assert "Écrivez votre message." in response.content.decode()
    assert not Reply.objects.exists()


def test_helpful_with_htmx_toggles_and_shows_count(place, client):
    thread = make_thread(place)
    reply = services.post_reply(thread=thread, author=place.peer, body="Essayez")
    client.force_login(place.educator)
    target = url(place, "helpful", pk=thread.pk, reply_pk=reply.pk)
    response = client.post(target, HTTP_HX_REQUEST="true")
    assert "1 personne aidée" in response.content.decode()
    response = client.post(target, HTTP_HX_REQUEST="true")
    assert "0 personne" in response.content.decode()


def test_facilitator_hides_reply_with_htmx_and_members_see_it_gone(place, client):
    thread = make_thread(place)
    reply = services.post_reply(thread=thread, author=place.peer, body="Insulte")
    client.force_login(place.facilitator)
    response = client.post(
        url(place, "reply_hide", pk=thread.pk, reply_pk=reply.pk),
        {"reason": "Propos blessants"},
        HTTP_HX_REQUEST="true",
    )
    assert "Propos blessants" in response.content.decode()
    client.force_login(place.educator)
    page = client.get(url(place, "detail", pk=thread.pk)).content.decode()
    assert "Insulte" not in page


def test_hide_without_reason_with_htmx_reshows_the_form(place, client):
    thread = make_thread(place)
    reply = services.post_reply(thread=thread, author=place.peer, body="Insulte")
    client.force_login(place.facilitator)
    response = client.post(
        url(place, "reply_hide", pk=thread.pk, reply_pk=reply.pk),
        {"reason": ""},
        HTTP_HX_REQUEST="true",
    )
    assert response["HX-Retarget"] == f"#masquer-reponse-{reply.pk}"
    assert "Indiquez un motif." in response.content.decode()


def test_hidden_thread_is_404_for_members_and_listed_for_moderators(place, client):
    thread = make_thread(place, title="Sujet masqué")
    services.hide_post(post=thread, actor=place.facilitator, reason="Doublon")
    client.force_login(place.educator)
    assert client.get(url(place, "detail", pk=thread.pk)).status_code == 404
    assert "Sujet masqué" not in client.get(url(place, "list")).content.decode()
    client.force_login(place.facilitator)
    assert "Sujet masqué" in client.get(url(place, "list")).content.decode()


def test_list_filters_pinned_first_and_unanswered(place, client):
    old = make_thread(place, title="Ancien épinglé")
    Thread.objects.filter(pk=old.pk).update(
        last_activity_at=timezone.now() - timedelta(days=30)
    )
    services.set_pinned(thread=old, actor=place.facilitator, pinned=True)
    answered = make_thread(place, title="Avec réponse")
    services.post_reply(thread=answered, author=place.peer, body="Oui")
    client.force_login(place.educator)
    html = client.get(url(place, "list")).content.decode()
    assert html.index("Ancien épinglé") < html.index("Avec réponse")
    html = client.get(url(place, "list") + "?unanswered=on").content.decode()
    assert "Avec réponse" not in html and "Ancien épinglé" in html


def test_deleted_thread_shows_placeholder_and_keeps_replies(place, client):
    thread = make_thread(place)
    services.post_reply(thread=thread, author=place.peer, body="Réponse gardée")
    client.force_login(place.educator)
    client.post(url(place, "delete", pk=thread.pk))
    html = client.get(url(place, "detail", pk=thread.pk)).content.decode()
    assert "Message supprimé" in html and "Réponse gardée" in html


def test_report_queue_and_resolution(place, client):
    thread = make_thread(place)
    client.force_login(place.peer)
    client.post(url(place, "report", pk=thread.pk), {"reason": "Hors sujet"})
    client.force_login(place.facilitator)
    html = client.get(url(place, "reports")).content.decode()
    assert "Hors sujet" in html
    report = thread.reports.get()
    client.post(url(place, "report_resolve", report_pk=report.pk), {"resolution": ""})
    assert "Hors sujet" not in client.get(url(place, "reports")).content.decode()


def _fill(place, threads: int, replies: int):
    for i in range(threads):
        thread = make_thread(place, title=f"Sujet {i}", author=place.peer)
        for j in range(replies):
            services.post_reply(thread=thread, author=place.facilitator, body=f"R{j}")
    return thread


def test_list_query_count_is_constant(place, client, django_assert_max_num_queries):
    client.force_login(place.educator)
    _fill(place, 2, 0)
    with django_assert_max_num_queries(12) as small:
        client.get(url(place, "list"))
    _fill(place, 20, 0)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(place, "list"))


def test_thread_query_count_is_constant(place, client, django_assert_max_num_queries):
    client.force_login(place.educator)
    thread = _fill(place, 1, 2)
    with django_assert_max_num_queries(16) as small:
        client.get(url(place, "detail", pk=thread.pk))
    for j in range(20):
        services.post_reply(thread=thread, author=place.peer, body=f"Plus {j}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(place, "detail", pk=thread.pk))
