"""Who gets what from the reports URLs (see tests/test_access_matrix.py).

The list is for those who may ask for at least one kind of report: network A's
project lead, admin and management, and the scientific committee's members; a plain
member of A gets 403, B's admin 404. A management report is read by the leads and
management, not by the scientific committee (404: not theirs to see); a scientific
committee report by the leads and the committee; network B's report is a 404
through network A's address. The files are offered once the report is built.
"""

import datetime

from entraide.core.testing import Rule
from entraide.reports.models import ReportKind
from entraide.reports.services import build, request_report

REQUESTERS = {
    "anonymous": 302,
    "member": 403,
    "management": 200,
    "project_lead": 200,
    "admin": 200,
    "scientific_committee": 200,
    "other_network_admin": 404,
}
START, END = datetime.date(2026, 1, 1), datetime.date(2026, 3, 31)


def _run(key, kind, *, network="network", lead="project_lead"):
    def build_run(world):
        if key not in world.extra:
            owner = (
                world.people[lead]
                if network == "network"
                else world.people["other_network_admin"]
            )
            run = request_report(
                network=getattr(world, network),
                kind=kind,
                period_start=START,
                period_end=END,
                actor=owner,
            )
            build(run.pk)
            world.extra[key] = run
        return {"network": world.network.slug, "pk": world.extra[key].pk}

    return build_run


MANAGEMENT = _run("reports_management", ReportKind.MANAGEMENT)
SCIENTIFIC = _run("reports_scientific", ReportKind.SCIENTIFIC)
FOREIGN = _run("reports_foreign", ReportKind.MANAGEMENT, network="other_network")

READ_MANAGEMENT = {
    "anonymous": 302,
    "management": 200,
    "project_lead": 200,
    "admin": 200,
}
READ_SCIENTIFIC = {
    "anonymous": 302,
    "project_lead": 200,
    "admin": 200,
    "scientific_committee": 200,
}


def _network(world):
    return {"network": world.network.slug}


RULES = [
    Rule("reports:list", kwargs=_network, expect=REQUESTERS, default=403),
    Rule(
        "reports:list",
        method="POST",
        kwargs=_network,
        data={},
        expect=REQUESTERS,
        default=403,
    ),
]
for name in ("reports:detail", "reports:pdf", "reports:csv"):
    RULES += [
        Rule(name, kwargs=MANAGEMENT, expect=READ_MANAGEMENT, default=404),
        Rule(name, kwargs=SCIENTIFIC, expect=READ_SCIENTIFIC, default=404),
        Rule(name, kwargs=FOREIGN, expect={"anonymous": 302}, default=404),
        Rule(
            name,
            method="POST",
            kwargs=MANAGEMENT,
            data={},
            expect={"anonymous": 302},
            default=405,
        ),
    ]
