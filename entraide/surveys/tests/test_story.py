"""The needs survey's story, axe at every page visited, on a phone.

Nathalie, the project lead, opens the pedagogy community's needs survey for the
pedagogy leads; one of them answers it in the browser, nineteen others answer it too
(through the same pages); the results show a chart beside its table for each
question, and the three themes ranked highest become the community's themes for
2026–2027 in one step. The survey is anonymous: no response names anyone.
"""

import re
from datetime import UTC, datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from entraide.communities.models import CommunityMembership
from entraide.core.testing import assert_accessible, make_member, sign_in
from entraide.meetings.models import YearTheme
from entraide.surveys.models import Participation, Question, Response
from entraide.surveys.tests.factories import THEMES

pytestmark = pytest.mark.browser

# Most put « Les routines et les transitions » first, then the families, then the
# outdoors; the browser's answer agrees.
PREFERRED = [THEMES[2], THEMES[0], THEMES[1], THEMES[4], THEMES[3]]


def _answer_through_the_pages(client, survey, rank_order, index):
    attends = Question.objects.get(survey=survey, text__startswith="Participez")
    ranking = Question.objects.get(survey=survey, text__startswith="Classez")
    answer = reverse("surveys:answer", kwargs={"network": "mcq", "pk": survey.pk})
    first = {f"q{attends.pk}": "Oui" if index % 3 else "Non", "action": "next"}
    assert client.post(f"{answer}?section=1", first).status_code == 302
    ranks = {
        f"q{ranking.pk}_r{THEMES.index(title)}": str(rank)
        for rank, title in enumerate(rank_order, start=1)
    }
    sent = client.post(f"{answer}?section=2", {**ranks, "action": "send"})
    assert sent.status_code == 302, sent.content.decode()[:500]


def test_lead_surveys_the_pedagogy_leads_and_their_top_themes_become_the_year(
    page, live_server, surveys
):
    survey = surveys.survey
    pedagogy_leads = [*surveys.leads_a, *surveys.leads_b]
    for i in range(14):
        person = make_member(
            surveys.network,
            f"cp-{i}@mcq.example",
            first_name=f"Conseillère{i}",
            last_name="Rivière",
            job_role="pedagogy_lead",
        )
        CommunityMembership.objects.create(community=surveys.community, user=person)
        pedagogy_leads.append(person)
    assert len(pedagogy_leads) == 20
    page.set_viewport_size({"width": 360, "height": 800})

    with time_machine.travel(datetime(2026, 6, 1, 14, tzinfo=UTC), tick=True):
        sign_in(page, live_server, surveys.lead.email)
        page.goto(f"{live_server.url}{survey.get_absolute_url()}")
        assert_accessible(page, context="survey builder")
        page.get_by_role("button", name="Ouvrir").click()
        expect(page.locator("main")).to_contain_text("Ouvert")
        survey.refresh_from_db()
        assert survey.status == "open"

        first = pedagogy_leads[0]
        sign_in(page, live_server, first.email)
        page.goto(f"{live_server.url}/r/mcq/sondages/a-remplir/")
        assert_accessible(page, context="surveys to answer")
        page.get_by_role("link", name=survey.title).click()
        assert_accessible(page, context="first section")
        page.get_by_label("Oui").check()
        page.get_by_role("button", name="Enregistrer et continuer").click()
        expect(page.get_by_role("progressbar")).to_be_visible()
        assert_accessible(page, context="second section")
        for rank, title in enumerate(PREFERRED, start=1):
            page.get_by_label(title).select_option(str(rank))
        page.get_by_role("button", name="Envoyer").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            re.compile("Merci", re.IGNORECASE)
        )
        assert_accessible(page, context="thanks")

        for index, person in enumerate(pedagogy_leads[1:], start=1):
            client = Client()
            client.force_login(person)
            order = PREFERRED if index % 4 else list(reversed(PREFERRED))
            _answer_through_the_pages(client, survey, order, index)

    assert (
        Response.objects.filter(survey=survey, submitted_on__isnull=False).count() == 20
    )
    assert Participation.objects.filter(survey=survey).count() == 20
    assert not Response.objects.filter(survey=survey, respondent__isnull=False).exists()

    with time_machine.travel(datetime(2026, 6, 20, 14, tzinfo=UTC), tick=True):
        sign_in(page, live_server, surveys.lead.email)
        page.goto(f"{live_server.url}{survey.get_absolute_url()}")
        page.get_by_role("link", name="Résultats").first.click()
        expect(page.locator("svg[role=img]").first).to_be_visible()
        expect(page.locator("table caption").first).to_be_visible()
        expect(page.locator("main")).to_contain_text("20")
        assert_accessible(page, context="results")
        page.get_by_role(
            "link", name="Créer les thèmes de l'année à partir de ce classement"
        ).click()
        assert_accessible(page, context="themes form")
        page.get_by_label("Nombre de thèmes à créer").select_option("3")
        page.get_by_role("button", name="Créer les thèmes").click()
        page.wait_for_url("**/programme/**")
        assert_accessible(page, context="programme")

    themes = YearTheme.objects.filter(community=surveys.community).order_by("position")
    assert [t.title for t in themes] == PREFERRED[:3]
    assert {t.season for t in themes} == {2026}
