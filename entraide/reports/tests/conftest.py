"""A hand-built network whose report numbers are worked out in the docstrings.

Period: 1 January to 31 March 2026 in the network's time zone (Toronto).

People: ``e1`` and ``e2`` educators of sub-region A, ``e3`` a manager of
sub-region B, ``e4`` a home-childcare provider with no sub-region; the project
``lead``, ``boss`` (management), ``admin``, a plain ``member``, ``scientist`` (on
the scientific committee) and ``outsider`` (admin of another network with its own
activity in the period, which no report may count).

Sessions held in the period (status held):
- P1, Pédagogie, 15 Jan., 90 min: e1, e2, e3 registered; e1, e2 present, e3 absent;
- P2, Pédagogie, 20 Feb., 60 min: e1, e2 registered; e1 present, e3 came without
  registering;
- G1, Gestion, 31 March 23:30 in Toronto (1 April in UTC), 60 min: e3, e4
  registered; e4 present.
Not counted: P3 (held 2 April), P4 (planned in February, e2 registered), G0 (held
31 December 23:30 in Toronto, 1 January in UTC, e3 present).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from entraide.communities.models import Community, CommunityMembership
from entraide.core.testing import make_member, make_network
from entraide.library.tests.factories import make_tool
from entraide.meetings.models import Attendance, Registration, Session
from entraide.plans.models import (
    Action,
    Indicator,
    IndicatorKind,
    Mandate,
    Objective,
    Plan,
    ScheduleKind,
    Target,
)
from entraide.practices.models import (
    Criterion,
    Evaluation,
    EvaluationGrid,
    PracticeSheet,
    Score,
    SheetTransition,
    SheetVersion,
)

TORONTO = ZoneInfo("America/Toronto")
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=TORONTO)


@dataclass
class Place:
    network: object
    other_network: object
    subregion_a: object
    subregion_b: object
    pedagogy: object
    management_community: object
    scientific_committee: object
    people: dict
    sheets: dict
    criteria: list

    def __getattr__(self, name):
        try:
            return self.people[name]
        except KeyError as missing:
            raise AttributeError(name) from missing


def session(community, title, when, minutes=90, status="held"):
    return Session.objects.create(
        community=community,
        title=title,
        starts_at=when,
        duration_minutes=minutes,
        status=status,
    )


def attend(session_, registered=(), present=(), absent=()):
    for user in registered:
        Registration.objects.create(session=session_, user=user, status="registered")
    for user in present:
        Attendance.objects.create(session=session_, user=user, status="present")
    for user in absent:
        Attendance.objects.create(session=session_, user=user, status="absent")


def sheet(network, author, title, state, *, subregion=None, submitted_at=None):
    found = PracticeSheet.objects.create(
        network=network,
        author=author,
        subregion=subregion,
        state=state,
        submitted_at=submitted_at,
    )
    version = SheetVersion.objects.create(
        sheet=found, number=1, title=title, created_by=author
    )
    found.current_version = version
    found.save(update_fields=["current_version"])
    return found


def evaluate(sheet_, evaluator, scores, *, conflict=False, submitted=True):
    evaluation = Evaluation.objects.create(
        sheet=sheet_,
        evaluator=evaluator,
        has_conflict=conflict,
        submitted_at=timezone.now() if submitted else None,
    )
    for criterion, value in scores:
        Score.objects.create(evaluation=evaluation, criterion=criterion, value=value)


def moved(sheet_, actor, from_state, to_state, when):
    transition = SheetTransition.objects.create(
        sheet=sheet_, actor=actor, from_state=from_state, to_state=to_state
    )
    SheetTransition.objects.filter(pk=transition.pk).update(created_at=when)


def build_activity(network, people, subregions):
    """Communities, sessions, sheets, tools and a plan of ``network``."""
    e1, e2, e3, e4 = (people[k] for k in ("e1", "e2", "e3", "e4"))
    pedagogy = Community.objects.create(
        network=network, slug="pedagogie", name="Pédagogie", kind="practice"
    )
    gestion = Community.objects.create(
        network=network, slug="gestion", name="Gestion", kind="learning"
    )
    scientific = Community.objects.create(
        network=network,
        slug="comite-scientifique",
        name="Comité scientifique",
        kind="scientific_committee",
    )
    for community, members in (
        (pedagogy, (e1, e2, e3)),
        (gestion, (e3, e4)),
        (scientific, (people["scientist"],)),
    ):
        for user in members:
            CommunityMembership.objects.create(community=community, user=user)
    attend(
        session(pedagogy, "P1", at(2026, 1, 15)),
        registered=(e1, e2, e3),
        present=(e1, e2),
        absent=(e3,),
    )
    attend(
        session(pedagogy, "P2", at(2026, 2, 20), 60),
        registered=(e1, e2),
        present=(e1, e3),
    )
    attend(session(gestion, "G1", at(2026, 3, 31, 23, 30), 60), (e3, e4), (e4,))
    attend(session(pedagogy, "P3", at(2026, 4, 2)), (e1,), (e1,))
    attend(session(pedagogy, "P4", at(2026, 2, 25), status="planned"), (e2,))
    attend(session(gestion, "G0", at(2025, 12, 31, 23, 30)), (e3,), (e3,))
    return pedagogy, gestion, scientific


def build_inventory(network, people, sub_a, sub_b):
    """Six sheets, one at each counted step; evaluations of the retained ones.

    - « Jeu dehors en hiver » (evaluated, B): two evaluations (4, 5) and (3, 4),
      one recusal, one draft evaluation (1, 1) → 2 evaluations, average 4,00;
      criteria: Pertinence 3,50, Transférabilité 4,50;
    - « Accueil des familles » (sent to the committee, A): one evaluation (5, 5) →
      no average shown;
    - « Routines apaisantes » (retained, A): no evaluation.
    """
    grid = EvaluationGrid.objects.create(network=network)
    criteria = [
        Criterion.objects.create(grid=grid, name="Pertinence", position=0),
        Criterion.objects.create(grid=grid, name="Transférabilité", position=1),
    ]
    author = people["e1"]
    sheets = {
        "retained": sheet(
            network, author, "Routines apaisantes", "retained", subregion=sub_a
        ),
        "evaluated": sheet(
            network,
            author,
            "Jeu dehors en hiver",
            "evaluated",
            subregion=sub_b,
            submitted_at=at(2025, 11, 1),
        ),
        "sent": sheet(
            network,
            author,
            "Accueil des familles",
            "sent_to_scientific",
            subregion=sub_a,
        ),
        "draft": sheet(network, author, "Brouillon", "draft"),
        "submitted": sheet(
            network, author, "Soumise", "submitted", submitted_at=at(2026, 2, 1)
        ),
        "not_retained": sheet(network, author, "Écartée", "not_retained"),
    }
    pertinence, transfer = criteria
    evaluated = sheets["evaluated"]
    evaluate(evaluated, people["scientist"], [(pertinence, 4), (transfer, 5)])
    evaluate(evaluated, people["lead"], [(pertinence, 3), (transfer, 4)])
    evaluate(evaluated, people["boss"], [], conflict=True)
    evaluate(evaluated, people["e2"], [(pertinence, 1), (transfer, 1)], submitted=False)
    evaluate(sheets["sent"], people["scientist"], [(pertinence, 5), (transfer, 5)])
    lead = people["lead"]
    moved(evaluated, lead, "submitted", "retained", at(2026, 1, 10))
    moved(evaluated, lead, "sent_to_scientific", "evaluated", at(2026, 3, 1))
    moved(sheets["retained"], lead, "submitted", "retained", at(2025, 12, 1))
    return sheets, criteria


def build_plan(network, pedagogy):
    """Three actions (done 100, in progress 50 and late since 15 Feb., not started
    0: average 50,0 %, one late) and an indicator of Pédagogie's sessions held from
    January to June (P1, P2, P3: 3 for a goal of 3 to 4)."""
    plan = Plan.objects.create(
        network=network,
        title="Plan 2026",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 12, 31),
        status="active",
    )
    target = Target.objects.create(
        objective=Objective.objects.create(
            mandate=Mandate.objects.create(plan=plan, title="Mandat"),
            title="Objectif",
        ),
        expected_result="Cible",
    )
    for description, status, progress, deadline in (
        ("Action faite", "done", 100, None),
        ("Action en cours", "in_progress", 50, datetime.date(2026, 2, 15)),
        ("Action à venir", "not_started", 0, None),
    ):
        Action.objects.create(
            plan=plan,
            target=target,
            description=description,
            schedule_kind=ScheduleKind.ONGOING,
            status=status,
            progress=progress,
            deadline=deadline,
        )
    Indicator.objects.create(
        plan=plan,
        target=target,
        name="Rencontres de la communauté Pédagogie",
        kind=IndicatorKind.SESSIONS_HELD,
        community=pedagogy,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        unit="rencontres",
        baseline=Decimal(0),
        goal_min=Decimal(3),
        goal_max=Decimal(4),
    )
    return plan


def build_tools(network, when):
    for title, kind, published_at in (
        ("Gabarit de menu", "template", when),
        ("Guide du jeu libre", "guide", when),
        ("Ancien guide", "guide", at(2025, 6, 1)),
    ):
        tool = make_tool(network, title, kind=kind, status="published")
        tool.published_at = published_at
        tool.save(update_fields=["published_at"])
    make_tool(network, "Outil en chantier")


def people_of(network, prefix: str, subregions):
    sub_a, sub_b = subregions
    people = {}
    for key, role, job_role, subregion in (
        ("e1", "member", "educator", sub_a),
        ("e2", "member", "educator", sub_a),
        ("e3", "member", "manager", sub_b),
        ("e4", "member", "home_provider", None),
        ("lead", "project_lead", "", None),
        ("boss", "management", "", None),
        ("admin", "admin", "", None),
        ("member", "member", "", None),
        ("scientist", "member", "researcher", None),
    ):
        user = make_member(
            network, f"{key}@{prefix}.example", role=role, job_role=job_role
        )
        user.memberships.filter(network=network).update(subregion=subregion)
        people[key] = user
    return people


@pytest.fixture
def place(db):
    network = make_network("mcq")
    other = make_network("autre", "Réseau Autre")
    sub_a, sub_b = list(network.subregions.order_by("name"))
    people = people_of(network, "mcq", (sub_a, sub_b))
    # Network B: the same activity, which no report of network A may count.
    others = people_of(other, "autre", list(other.subregions.order_by("name")))
    build_activity(other, others, None)
    build_inventory(other, others, *other.subregions.order_by("name"))
    build_tools(other, at(2026, 2, 1))
    people["outsider"] = others["admin"]
    pedagogy, gestion, scientific = build_activity(network, people, (sub_a, sub_b))
    sheets, criteria = build_inventory(network, people, sub_a, sub_b)
    build_plan(network, pedagogy)
    build_tools(network, at(2026, 2, 1))
    return Place(
        network=network,
        other_network=other,
        subregion_a=sub_a,
        subregion_b=sub_b,
        pedagogy=pedagogy,
        management_community=gestion,
        scientific_committee=scientific,
        people=people,
        sheets=sheets,
        criteria=criteria,
    )
