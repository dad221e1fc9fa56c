"""The reply form fuzzed: any text gives a page or a redirect, never a 5xx."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.discussions import services

pytestmark = pytest.mark.django_db


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    body=st.one_of(
        st.text(max_size=300),
        st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'@*_`[]()", max_size=200),
        st.just("x" * 20_050),
    )
)
def test_reply_form_never_fails(place, body):
    thread = getattr(place, "thread", None) or services.start_thread(
        community=place.community,
        author=place.educator,
        kind="question",
        title="Fuzz",
        body="Corps",
    )
    place.thread = thread
    client = Client()
    client.force_login(place.peer)
    response = client.post(
        reverse("discussions:reply", kwargs=place.kwargs(pk=thread.pk)),
        {"body": body},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200 and body.strip() and "\x00" not in body:
        assert "errors" in response.content.decode()
