"""People and communities for the communities tests."""

import pytest

from entraide.communities import services
from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member, make_network


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def lead(network):
    return make_member(network, "lead@example.org", role="project_lead")


@pytest.fixture
def facilitator(network):
    return make_member(network, "anim@example.org", first_name="Annie")


@pytest.fixture
def educator(network):
    return make_member(network, "educ@example.org", first_name="Élise")


def create(network, actor, **data):
    data.setdefault("name", "Communauté de pratique Pédagogie")
    return services.create_community(network=network, actor=actor, data=data)


@pytest.fixture
def community(network, lead, facilitator):
    community = create(network, lead, visibility="members", join_policy="request")
    CommunityMembership.objects.create(
        community=community, user=facilitator, role="facilitator"
    )
    return community
