"""Fixtures of the networks tests: a network and its project lead."""

import pytest

from entraide.core.testing import make_member, make_network


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def lead(network):
    return make_member(network, "lead@example.org", role="project_lead")
