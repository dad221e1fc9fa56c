"""Who may ask for and read each kind of report.

Management's report is for the project leads, the admins and management; the
scientific committee's for the leads and the committee's members; the funders'
for the leads. The person is read through the inventory's ``Viewer`` (their
membership and whether they sit on the scientific committee).
"""

from entraide.networks.models import NetworkRole
from entraide.practices.permissions import Viewer
from entraide.reports.models import ReportKind, ReportRun


def allowed_kinds(viewer: Viewer) -> list[str]:
    """The kinds of report this person may ask for and read, in menu order."""
    if not viewer.is_member:
        return []
    kinds = []
    if viewer.leads or viewer.membership.role == NetworkRole.MANAGEMENT:
        kinds.append(ReportKind.MANAGEMENT)
    if viewer.leads or viewer.scientific:
        kinds.append(ReportKind.SCIENTIFIC)
    if viewer.leads:
        kinds.append(ReportKind.FUNDERS)
    return kinds


def can_view_reports(viewer: Viewer) -> bool:
    return bool(allowed_kinds(viewer))


def can_request_report(viewer: Viewer, kind: str) -> bool:
    return kind in allowed_kinds(viewer)


def can_view_run(viewer: Viewer, run: ReportRun) -> bool:
    return run.network_id == viewer.network.pk and run.kind in allowed_kinds(viewer)
