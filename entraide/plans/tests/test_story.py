"""The action plan's story, axe at every page visited, on a phone.

Nathalie, the project lead, adds to the regional plan an ongoing action for the
pedagogy community with the computed indicator « Communauté de pratique Pédagogie :
3 à 4 rencontres de septembre à mai ». The community meets; Anne, its facilitator,
takes attendance at the first session in the browser, the next two are recorded
too; once three sessions are held, the plan, the indicator's page and the dashboard
show the target met — nobody typed a number.
"""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from playwright.sync_api import expect

from entraide.communities.models import CommunityMembership
from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import Session, SessionStatus
from entraide.meetings.services import create_session
from entraide.meetings.services.records import record_attendance
from entraide.plans.models import Action, Indicator, IndicatorKind, ScheduleKind

pytestmark = pytest.mark.browser

INDICATOR = "Communauté de pratique Pédagogie : 3 à 4 rencontres de septembre à mai"
ACTION = "Tenir les rencontres de la communauté de pratique Pédagogie"


def _add_the_action_and_its_indicator(page, live_server, plans):
    sign_in(page, live_server, plans.lead.email)
    page.goto(f"{live_server.url}/r/{plans.network.slug}/")
    page.get_by_role("link", name="Voir le plan d'action").click()
    assert_accessible(page, context="plans list")
    page.get_by_role("link", name=plans.plan.title).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(plans.plan.title)
    assert_accessible(page, context="plan table")

    page.locator(f"#target-{plans.target.pk}").get_by_role(
        "link", name=re.compile("^Ajouter une action")
    ).click()
    assert_accessible(page, context="action form")
    page.get_by_label("Action (obligatoire)").fill(ACTION)
    page.get_by_label(plans.pedagogy.name).check()
    page.get_by_label("En continu").check()
    page.get_by_label("Mois de début").fill("2026-09")
    page.get_by_role("button", name="Enregistrer").click()

    action = Action.objects.get(description=ACTION)
    assert action.schedule_kind == ScheduleKind.ONGOING
    assert list(action.responsible_communities.all()) == [plans.pedagogy]
    row = page.locator(f"#action-{action.pk}")
    expect(row).to_contain_text("En continu")
    row.get_by_role("link", name=re.compile("^Ajouter un indicateur")).click()
    assert_accessible(page, context="indicator form")
    page.get_by_label("Nom de l'indicateur").fill(INDICATOR)
    page.get_by_label("Mesure").select_option("sessions_held")
    page.get_by_label("Communauté").select_option(label=plans.pedagogy.name)
    page.get_by_label("Du", exact=True).fill("2026-09-01")
    page.get_by_label("Au", exact=True).fill("2027-05-31")
    page.get_by_label("Unité").fill("rencontres")
    page.get_by_label("Cible visée (obligatoire)").fill("3")
    page.get_by_label("Cible visée (au plus)").fill("4")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("L'indicateur est ajouté.")).to_be_visible()

    indicator = Indicator.objects.get(name=INDICATOR)
    assert indicator.kind == IndicatorKind.SESSIONS_HELD
    assert indicator.action == action
    reading = page.locator(f"#target-{plans.target.pk} li", has_text=INDICATOR)
    expect(reading).to_contain_text("0 sur 3 à 4 rencontres")
    assert_accessible(page, context="plan table with the new indicator")
    return action, indicator


def _take_attendance(page, live_server, plans, session):
    sign_in(page, live_server, plans.facilitator.email)
    page.goto(f"{live_server.url}{session.get_absolute_url()}")
    page.get_by_role("link", name="Prendre les présences").click()
    assert_accessible(page, context="attendance sheet")
    page.get_by_role("button", name="Tout le monde présent").click()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text("Les présences sont enregistrées.")).to_be_visible()


def test_lead_follows_a_computed_indicator_until_the_target_is_met(
    page, live_server, plans
):
    page.set_viewport_size({"width": 360, "height": 800})
    educators = [plans.responsible, plans.member]
    for person in educators:
        CommunityMembership.objects.create(community=plans.pedagogy, user=person)

    with time_machine.travel(datetime(2026, 9, 2, 14, tzinfo=UTC), tick=True):
        action, indicator = _add_the_action_and_its_indicator(page, live_server, plans)
        sessions = [
            create_session(
                community=plans.pedagogy,
                actor=plans.facilitator,
                title=title,
                starts_at=starts_at,
                duration_minutes=90,
            )
            for title, starts_at in (
                ("Les transitions", datetime(2026, 9, 16, 23, tzinfo=UTC)),
                ("Le jeu extérieur", datetime(2026, 10, 21, 23, tzinfo=UTC)),
                ("Les routines du repas", datetime(2026, 11, 18, 23, tzinfo=UTC)),
            )
        ]

    with time_machine.travel(datetime(2026, 11, 19, 14, tzinfo=UTC), tick=True):
        _take_attendance(page, live_server, plans, sessions[0])
        for session in sessions[1:]:
            record_attendance(
                session=session,
                actor=plans.facilitator,
                statuses={person.pk: "present" for person in educators},
            )
        assert Session.objects.filter(status=SessionStatus.HELD).count() == 3

        sign_in(page, live_server, plans.lead.email)
        page.goto(f"{live_server.url}{plans.plan.get_absolute_url()}")
        reading = page.locator(f"#target-{plans.target.pk} li", has_text=INDICATOR)
        expect(reading).to_contain_text("3 sur 3 à 4 rencontres")
        expect(reading).to_contain_text("Cible atteinte")
        assert_accessible(page, context="plan table, target met")

        reading.get_by_role("link", name=INDICATOR).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(INDICATOR)
        expect(page.get_by_text("Cible atteinte").first).to_be_visible()
        assert_accessible(page, context="indicator page")

        page.get_by_role("link", name=plans.plan.title).click()
        page.get_by_role("link", name="Tableau de bord").click()
        assert_accessible(page, context="dashboard")
        expect(page.locator("main")).not_to_contain_text(INDICATOR)
