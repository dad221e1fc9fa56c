"""The preferences form fuzzed: any data gives a page or a redirect, never a 5xx,
and what was typed comes back with the errors."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.notifications import kinds
from entraide.notifications.forms import kind_field_name, override_field_name
from entraide.notifications.models import Frequency, NotificationPreference

pytestmark = pytest.mark.django_db

KIND_FIELDS = [kind_field_name(key) for key in kinds.KINDS]
VALUES = st.one_of(
    st.sampled_from([*Frequency.values, ""]),
    st.text(max_size=40),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'", max_size=30),
    st.just("x" * 20_050),
)


@pytest.fixture
def place():
    network = make_network()
    person = make_member(network, "alice@example.org")
    community = Community.objects.create(network=network, slug="ped", name="Péda")
    CommunityMembership.objects.create(community=community, user=person)
    stranger = Community.objects.create(network=network, slug="autre", name="Autre")
    override_fields = [
        override_field_name(c.pk, key)
        for c in (community, stranger)
        for key, kind in kinds.KINDS.items()
        if kind.per_community
    ]
    return person, KIND_FIELDS + override_fields + ["c999999_networks_joined"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_preferences_form_never_fails(place, data):
    person, names = place
    posted = data.draw(
        st.dictionaries(st.sampled_from(names), VALUES, max_size=12), label="posted"
    )
    client = Client()
    client.force_login(person)
    before = set(
        NotificationPreference.objects.filter(user=person).values_list(
            "kind", "community_id", "frequency"
        )
    )
    response = client.post(reverse("notifications:preferences"), posted)
    assert response.status_code in (200, 302)
    after = set(
        NotificationPreference.objects.filter(user=person).values_list(
            "kind", "community_id", "frequency"
        )
    )
    assert {frequency for _k, _c, frequency in after} <= set(Frequency.values)
    if response.status_code == 200:
        content = response.content.decode()
        assert "errors" in content
        assert after == before, "a refused form writes nothing"
        for name, value in posted.items():
            if value in Frequency.values and name in KIND_FIELDS:
                assert f'name="{name}" value="{value}"' in content
                index = content.index(f'name="{name}" value="{value}"')
                assert content[index : index + 200].split(">")[0].endswith("checked")
