"""A report costs the same number of queries for ten times the activity."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.library.tests.factories import make_tool
from entraide.reports.contents import compute
from entraide.reports.models import ReportKind
from entraide.reports.tests.conftest import END, START, at, attend, evaluate, session
from entraide.reports.tests.conftest import sheet as make_sheet

pytestmark = pytest.mark.django_db


def grow(network, count: int, offset: int = 0) -> None:
    """``count`` communities, each with three people, two sessions held, a sheet
    with two evaluations and a published tool."""
    from entraide.practices.models import Criterion, EvaluationGrid

    grid, _created = EvaluationGrid.objects.get_or_create(network=network)
    criterion, _created = Criterion.objects.get_or_create(grid=grid, name="Pertinence")
    subregions = list(network.subregions.all())
    for number in range(offset, offset + count):
        community = Community.objects.create(
            network=network, slug=f"c{number}", name=f"Communauté {number}"
        )
        people = []
        for index in range(3):
            person = make_member(
                network, f"p{number}-{index}@mcq.example", job_role="educator"
            )
            person.memberships.update(subregion=subregions[index % 2])
            CommunityMembership.objects.create(community=community, user=person)
            people.append(person)
        for day in (10, 20):
            attend(
                session(community, f"R{number}-{day}", at(2026, 2, day)),
                registered=people,
                present=people[:2],
                absent=people[2:],
            )
        found = make_sheet(
            network, people[0], f"Fiche {number}", "evaluated", subregion=subregions[0]
        )
        for evaluator in people[1:]:
            evaluate(found, evaluator, [(criterion, 4)])
        tool = make_tool(network, f"Outil {number}", status="published")
        tool.published_at = at(2026, 2, 1)
        tool.save(update_fields=["published_at"])


def queries(network, kind) -> int:
    with CaptureQueriesContext(connection) as captured:
        compute(network, kind, START, END)
    return len(captured.captured_queries)


@pytest.mark.parametrize("kind", ReportKind.values)
def test_same_queries_for_ten_times_the_activity(kind):
    network = make_network("mcq")
    grow(network, 2)
    small = queries(network, kind)
    grow(network, 18, offset=2)
    assert queries(network, kind) == small
