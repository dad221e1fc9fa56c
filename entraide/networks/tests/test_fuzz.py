"""The organisation form under odd input: never a 5xx, the typed name comes back."""

import html

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.core.testing import make_member, make_network
from entraide.networks.models import OrganisationKind

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="éÉàçÀÔœ«»’\u200f\u200e\u202e\u0000\r\n\t '\"<>&", max_size=60),
    st.builds(
        lambda c, n: c * n,
        st.characters(exclude_categories=("Cs",)),
        st.integers(1, 5_000),
    ),
    st.sampled_from(["", " ", "\x00", "\u202eCPE", "CPE Les Étoiles", "ﷺ" * 50]),
)
FIELDS = st.fixed_dictionaries(
    {
        "name": ODD_TEXT,
        "kind": st.one_of(st.sampled_from(OrganisationKind.values), ODD_TEXT),
        "subregion": st.one_of(st.integers(-5, 10**12).map(str), ODD_TEXT),
        "city": ODD_TEXT,
        "email": st.one_of(st.emails(), ODD_TEXT),
        "phone": ODD_TEXT,
        "permit_number": ODD_TEXT,
    }
)


@pytest.fixture
def lead_client(client):
    network = make_network()
    client.force_login(make_member(network, "lead@example.org", role="project_lead"))
    client.create_url = reverse(
        "networks:organisation_create", kwargs={"network": network.slug}
    )
    return client


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=FIELDS)
def test_organisation_form_answers_every_input_without_a_server_error(
    lead_client, data
):
    response = lead_client.post(lead_client.create_url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        name = data["name"].strip()
        if name and "\x00" not in name and len(name) <= 200:
            assert html.escape(name) in response.content.decode()
