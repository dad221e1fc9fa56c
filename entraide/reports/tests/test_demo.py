"""The demo report: a finished management report of the last quarter for the
Mauricie–Centre-du-Québec network, loaded once."""

import datetime

import pytest
import time_machine

from entraide.core.demo.communities import load_communities
from entraide.core.demo.library import load_demo_library
from entraide.core.demo.loader import load_demo
from entraide.core.demo.meetings import load_demo_meetings
from entraide.core.demo.plans import load_demo_plans
from entraide.core.demo.practices import load_demo_practices
from entraide.core.demo.reports import LEAD_EMAIL, load_demo_reports
from entraide.core.demo.surveys import load_demo_surveys
from entraide.reports.models import ReportRun

pytestmark = pytest.mark.django_db

LOADED_ON = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)


def test_one_finished_management_report_of_the_last_quarter():
    with time_machine.travel(LOADED_ON, tick=False):
        slugs = [s.slug for s in load_demo()]
        load_communities()
        load_demo_meetings(slugs)
        load_demo_practices(slugs)
        load_demo_library(slugs)
        load_demo_plans(slugs)
        load_demo_surveys(slugs)
        assert load_demo_reports(slugs) == 1
        assert load_demo_reports(slugs) == 1
    run = ReportRun.objects.get()
    assert run.network.slug == "mcq" and run.kind == "management"
    assert run.status == "done" and run.progress == 100
    assert (run.period_start, run.period_end) == (
        datetime.date(2026, 7, 1),
        datetime.date(2026, 9, 30),
    )
    assert run.requested_by.email == LEAD_EMAIL
    with run.pdf.open("rb") as handle:
        assert handle.read().startswith(b"%PDF")
    with run.csv.open("rb") as handle:
        text = handle.read().decode("utf-8-sig")
    assert "Participation par communauté" in text
    assert "Participation par sous-région" in text
