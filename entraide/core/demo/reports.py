"""The demo report: a finished management report of the last quarter for the
Mauricie–Centre-du-Québec network, requested by its project lead and built by the
same service the task worker runs."""

from django.utils import timezone

from entraide.accounts.models import User
from entraide.core.demo.accounts import DEMO_DOMAIN
from entraide.core.timezones import zone
from entraide.networks.models import Network
from entraide.reports.models import ReportKind, ReportRun, RunStatus
from entraide.reports.services import build, last_quarter, request_report

LEAD_EMAIL = f"chargee.projet@{DEMO_DOMAIN}"


def load_demo_reports(network_slugs) -> int:
    """Returns how many finished demo reports exist in these networks."""
    network = Network.objects.filter(slug="mcq", slug__in=list(network_slugs)).first()
    if network is None:
        return 0
    start, end = last_quarter(timezone.localdate(timezone=zone(network.time_zone)))
    done = ReportRun.objects.filter(
        network=network,
        kind=ReportKind.MANAGEMENT,
        period_start=start,
        period_end=end,
        status=RunStatus.DONE,
    )
    if not done.exists():
        run = request_report(
            network=network,
            kind=ReportKind.MANAGEMENT,
            period_start=start,
            period_end=end,
            actor=User.objects.filter(email=LEAD_EMAIL).first(),
        )
        build(run.pk)
    return ReportRun.objects.filter(network=network, status=RunStatus.DONE).count()
