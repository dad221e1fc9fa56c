"""Who gets what from the plan's outputs URLs (tests/test_access_matrix.py).

Network A's members read the timeline of a plan under way; a draft is the leads'
alone (404 for the others). The exports and the report are for the leads, the
management and a representative: the World's regional committee member is given a
seat for sub-region A in ``setup``. Another network's plan is a 404 through network
A's address. Every URL reads only: a POST is refused (405) once signed in.
"""

from entraide.core.testing import Rule
from entraide.plans.models import PlanStatus
from entraide.plans.tests.access_common import seat_representative
from entraide.plans.tests.factories import make_plan

OUTSIDE = {"anonymous": 302, "other_network_admin": 404}
EXPORTERS = OUTSIDE | {
    "member": 403,
    "management": 200,
    "project_lead": 200,
    "admin": 200,
    "regional_committee": 200,
}
DRAFT = OUTSIDE | {"member": 404, "management": 404, "project_lead": 200, "admin": 200}
POST_ONLY_REFUSED = {"anonymous": 302}
EXPORTS = (
    "plans:csv",
    "plans:pdf",
    "plans:report",
    "plans:report_pdf",
    "plans:report_csv",
)


def _plan(key, network="network", status=PlanStatus.ACTIVE):
    def kwargs(world):
        if key not in world.extra:
            world.extra[key] = make_plan(getattr(world, network), status=status)["plan"]
        return {"network": world.network.slug, "plan": world.extra[key].pk}

    return kwargs


ACTIVE = _plan("outputs_plan")
DRAFT_PLAN = _plan("outputs_draft", status=PlanStatus.DRAFT)
FOREIGN = _plan("outputs_foreign", network="other_network")

RULES = [
    Rule("plans:timeline", kwargs=ACTIVE, expect=OUTSIDE),
    Rule("plans:timeline", kwargs=DRAFT_PLAN, expect=DRAFT),
    Rule("plans:timeline", kwargs=FOREIGN, expect={"anonymous": 302}, default=404),
    Rule(
        "plans:timeline",
        method="POST",
        kwargs=ACTIVE,
        data={},
        expect=POST_ONLY_REFUSED,
        default=405,
    ),
]
for name in EXPORTS:
    RULES += [
        Rule(name, kwargs=ACTIVE, expect=EXPORTERS, setup=seat_representative),
        Rule(name, kwargs=DRAFT_PLAN, expect=DRAFT, setup=seat_representative),
        Rule(name, kwargs=FOREIGN, expect={"anonymous": 302}, default=404),
        Rule(
            name,
            method="POST",
            kwargs=ACTIVE,
            data={},
            expect=POST_ONLY_REFUSED,
            default=405,
        ),
    ]
