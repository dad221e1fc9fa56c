"""The public site's forms survive any input (hypothesis): never a 5xx, and what
was typed comes back with the error."""

import html

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.core.testing import make_member, make_network
from entraide.dissemination.models import NewsPost

nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "\u202e\u200f",
            "é" * 25000,
            "x" * 301,
            "<script>alert(1)</script>",
            "[a](javascript:alert(1))",
            "info@exemple.ca\r\nBcc: x@y.z",
            "   ",
        ]
    ),
)

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def lead(db):
    network = make_network("mcq")
    return make_member(network, "chargee@mcq.example", role="project_lead")


def _kept(response, data):
    """A form shown again shows what was typed (no NUL: refused, not echoed)."""
    if response.status_code != 200:
        return
    page = html.unescape(response.content.decode())
    for value in data.values():
        sample = value.strip()[:40]
        if sample and "\x00" not in value and "\r" not in value:
            assert sample in page


@pytest.mark.django_db
@SETTINGS
@given(
    data=st.fixed_dictionaries(
        {}, optional={"title": nasty, "summary": nasty, "body": nasty}
    )
)
def test_news_form_never_fails(client, lead, data):
    client.force_login(lead)
    response = client.post(
        reverse("dissemination:news_create", kwargs={"network": "mcq"}), data
    )
    assert response.status_code in (200, 302)
    _kept(response, data)
    post = NewsPost.objects.first()
    if post is not None:
        response = client.post(
            reverse(
                "dissemination:news_edit", kwargs={"network": "mcq", "pk": post.pk}
            ),
            data,
        )
        assert response.status_code in (200, 302)
        assert client.get(post.get_absolute_url()).status_code in (200, 404)


@pytest.mark.django_db
@SETTINGS
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "description": nasty,
            "about": nasty,
            "contact": nasty,
            "contact_email": nasty,
        },
    )
)
def test_site_form_never_fails(client, lead, data):
    client.force_login(lead)
    response = client.post(
        reverse("dissemination:site_edit", kwargs={"network": "mcq"}), data
    )
    assert response.status_code in (200, 302)
    _kept(response, data)
    for name in ("about", "contact", "site_home"):
        url = reverse(f"dissemination:{name}", kwargs={"site": "mcq"})
        assert client.get(url).status_code == 200
