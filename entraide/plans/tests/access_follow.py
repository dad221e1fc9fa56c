"""Who gets what from the plan's follow URLs (tests/test_access_matrix.py).

A fresh plan of network A is made for each role (``kwargs`` is called once per
role): its action is in the charge of the World's community, whose facilitator
may record measures of the action's hand-entered indicator. Every network A
member reads the plan; the leads change its indicators; the dashboard is for the
leads, the management and the representative (the World's regional committee
member, given today's seat). Network B's admin gets 404 throughout.
"""

from decimal import Decimal

from entraide.core.testing import Rule, managers_only
from entraide.plans.models import Indicator, IndicatorKind, PlanStatus
from entraide.plans.tests.access_common import seat_representative
from entraide.plans.tests.factories import make_plan

READ = {"anonymous": 302, "other_network_admin": 404}
LEADS_ONLY = managers_only()
LEADS_CHANGE = managers_only(project_lead=302, admin=302)
HIDDEN = managers_only(member=404, management=404)
DASHBOARD = managers_only(management=200, regional_committee=200)
MEASURE = managers_only(facilitator=200)
MEASURE_POST = managers_only(project_lead=302, admin=302, facilitator=302)
NOT_ALLOWED = {"anonymous": 302}
NOWHERE = {"anonymous": 302}


def _plan(*, status=PlanStatus.ACTIVE, indicator="computed", network=None):
    def kwargs(world):
        built = make_plan(
            network or world.network, community=world.community, status=status
        )
        built["action"].responsible_communities.add(world.community)
        found = {"network": world.network.slug, "plan": built["plan"].pk}
        chosen = built["indicator"]
        if indicator == "manual":
            chosen = Indicator.objects.create(
                plan=built["plan"],
                target=built["target"],
                action=built["action"],
                name="Satisfaction",
                kind=IndicatorKind.MANUAL,
                goal_min=Decimal(80),
            )
        found["pk"] = chosen.pk
        found["target"] = built["target"].pk
        return found

    return kwargs


def _only(kwargs, *names):
    def pick(world):
        found = kwargs(world)
        return {name: found[name] for name in ("network", "plan", *names)}

    return pick


def _foreign(world):
    built = make_plan(world.other_network)
    return {"network": world.network.slug, "plan": built["plan"].pk}


ACTIVE = _plan()
MANUAL = _plan(indicator="manual")
DRAFT = _plan(status=PlanStatus.DRAFT)
PLAN = _only(ACTIVE)
DRAFT_PLAN = _only(DRAFT)
TARGET = _only(ACTIVE, "target")
DRAFT_TARGET = _only(DRAFT, "target")
INDICATOR = _only(ACTIVE, "pk")
DRAFT_INDICATOR = _only(DRAFT, "pk")
MANUAL_INDICATOR = _only(MANUAL, "pk")
INDICATOR_DATA = {
    "name": "Rencontres tenues",
    "kind": "sessions_held",
    "community": lambda world: world.community.pk,
    "period_start": "2026-09-01",
    "period_end": "2027-05-31",
    "goal_min": "3",
    "goal_max": "4",
}
MEASURE_DATA = {"value": "85", "measured_on": "2027-01-10", "source": "Sondage"}


def _indicator_data(world):
    return {
        key: value(world) if callable(value) else value
        for key, value in INDICATOR_DATA.items()
    }


def _foreign_target(world):
    built = make_plan(world.other_network)
    return {
        "network": world.network.slug,
        "plan": built["plan"].pk,
        "target": built["target"].pk,
    }


RULES = [
    Rule("plans:detail", kwargs=PLAN, expect=READ),
    Rule("plans:detail", kwargs=DRAFT_PLAN, expect=HIDDEN),
    Rule("plans:detail", kwargs=_foreign, expect=NOWHERE, default=404),
    Rule("plans:detail", method="POST", kwargs=PLAN, expect=NOT_ALLOWED, default=405),
    Rule("plans:dashboard", kwargs=PLAN, expect=DASHBOARD, setup=seat_representative),
    Rule("plans:dashboard", kwargs=DRAFT_PLAN, expect=HIDDEN),
    Rule("plans:dashboard", kwargs=_foreign, expect=NOWHERE, default=404),
    Rule(
        "plans:dashboard", method="POST", kwargs=PLAN, expect=NOT_ALLOWED, default=405
    ),
    Rule("plans:indicator_create", kwargs=TARGET, expect=LEADS_ONLY),
    Rule("plans:indicator_create", kwargs=DRAFT_TARGET, expect=HIDDEN),
    Rule("plans:indicator_create", kwargs=_foreign_target, expect=NOWHERE, default=404),
    Rule(
        "plans:indicator_create",
        method="POST",
        kwargs=TARGET,
        data=_indicator_data,
        expect=LEADS_CHANGE,
    ),
    Rule("plans:indicator", kwargs=INDICATOR, expect=READ),
    Rule("plans:indicator", kwargs=DRAFT_INDICATOR, expect=HIDDEN),
    Rule(
        "plans:indicator",
        method="POST",
        kwargs=INDICATOR,
        expect=NOT_ALLOWED,
        default=405,
    ),
    Rule("plans:indicator_edit", kwargs=INDICATOR, expect=LEADS_ONLY),
    Rule(
        "plans:indicator_edit",
        method="POST",
        kwargs=INDICATOR,
        data=_indicator_data,
        expect=LEADS_CHANGE,
    ),
    Rule("plans:indicator_delete", kwargs=INDICATOR, expect=LEADS_ONLY),
    Rule(
        "plans:indicator_delete",
        method="POST",
        kwargs=INDICATOR,
        expect=LEADS_CHANGE,
    ),
    Rule(
        "plans:indicator_delete",
        method="POST",
        kwargs=DRAFT_INDICATOR,
        expect=managers_only(project_lead=302, admin=302, member=404, management=404),
    ),
    Rule("plans:measure_add", kwargs=MANUAL_INDICATOR, expect=MEASURE),
    Rule(
        "plans:measure_add",
        method="POST",
        kwargs=MANUAL_INDICATOR,
        data=MEASURE_DATA,
        expect=MEASURE_POST,
    ),
    # A computed indicator takes no measure: there is no such page.
    Rule("plans:measure_add", kwargs=INDICATOR, expect=NOWHERE, default=404),
    Rule(
        "plans:measure_add",
        method="POST",
        kwargs=INDICATOR,
        data=MEASURE_DATA,
        expect=NOWHERE,
        default=404,
    ),
]
