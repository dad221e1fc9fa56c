"""The dossier forms survive any input (hypothesis): a French message, never a 5xx,
and what was typed comes back."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.library.models import Dossier

nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "\x00",
            "\u202e",
            "é" * 25000,
            "javascript:alert(1)",
            "https://",
            "http://exa mple.org",
            "<script>alert(1)</script>",
            "-1",
            "999999999999999999999",
        ]
    ),
)


@pytest.fixture
def dossier(library):
    return Dossier.objects.create(
        network=library.network, title="Dossier", scope="public", is_published=True
    )


SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@pytest.mark.django_db
@SETTINGS
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "title": nasty,
            "introduction": nasty,
            "scope": nasty,
            "is_published": nasty,
        },
    )
)
def test_dossier_form_never_fails(client, library, dossier, data):
    client.force_login(library.lead)
    for name in ("dossier_create", "dossier_edit"):
        kwargs = {"network": library.network.slug}
        if name == "dossier_edit":
            kwargs["pk"] = dossier.pk
        response = client.post(reverse(f"library:{name}", kwargs=kwargs), data)
        assert response.status_code in (200, 302)


@pytest.mark.django_db
@SETTINGS
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "kind": st.one_of(st.sampled_from(["tool", "practice", "link"]), nasty),
            "tool": nasty,
            "practice": nasty,
            "url": nasty,
            "title": nasty,
            "note": nasty,
        },
    )
)
def test_item_form_never_fails(client, library, dossier, data):
    client.force_login(library.lead)
    response = client.post(
        reverse(
            "library:dossier_item_add",
            kwargs={"network": library.network.slug, "pk": dossier.pk},
        ),
        data,
    )
    assert response.status_code in (200, 302)


def test_a_refused_item_keeps_what_was_typed(client, library, dossier):
    client.force_login(library.lead)
    response = client.post(
        reverse(
            "library:dossier_item_add",
            kwargs={"network": library.network.slug, "pk": dossier.pk},
        ),
        {"kind": "link", "url": "https://example.org", "title": "", "note": "Gardée"},
    )
    assert response.status_code == 200
    assert "Donnez un titre au lien." in response.content.decode()
    assert "Gardée" in response.content.decode()
