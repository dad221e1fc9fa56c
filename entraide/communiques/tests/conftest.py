import datetime

import pytest

from entraide.communiques.services import assembly, consent
from entraide.core.testing import make_member, make_network


@pytest.fixture
def network(db):
    return make_network()


@pytest.fixture
def lead(network):
    return make_member(network, "chargee@example.org", role="project_lead")


def subscribed(network, count, prefix="membre", **fields):
    people = []
    for index in range(count):
        person = make_member(network, f"{prefix}{index:03}@example.org", **fields)
        consent.give_consent(user=person, network=network)
        people.append(person)
    return people


@pytest.fixture
def draft(network, lead):
    communique = assembly.assemble(
        network=network, month=datetime.date(2026, 11, 1), actor=lead
    )
    communique.intro = "Bonjour à toutes et à tous!"
    communique.save()
    return communique
