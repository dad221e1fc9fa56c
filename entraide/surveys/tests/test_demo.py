"""The demo surveys: three in the Mauricie–Centre-du-Québec network, loaded once,
the anonymous one tied to nobody."""

import datetime

import pytest
import time_machine

from entraide.communities.models import Community
from entraide.core.demo.communities import load_communities
from entraide.core.demo.loader import load_demo
from entraide.core.demo.meetings import load_demo_meetings
from entraide.core.demo.surveys import (
    MANAGERS_TITLE,
    NEEDS_TITLE,
    PUBLIC_TITLE,
    load_demo_surveys,
)
from entraide.meetings.models import YearTheme
from entraide.surveys import analysis
from entraide.surveys.models import Participation, Response, Survey
from entraide.surveys.services.themes import ranked_titles

pytestmark = pytest.mark.django_db

LOADED_ON = datetime.datetime(2026, 12, 2, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def demo():
    with time_machine.travel(LOADED_ON, tick=False):
        slugs = [s.slug for s in load_demo()]
        load_communities()
        pedagogy = Community.objects.get(network__slug="mcq", slug="pedagogie")
        load_demo_meetings(["mcq"])
        return slugs, load_demo_surveys(slugs), pedagogy


def test_three_surveys_loaded_once(demo):
    slugs, count, _pedagogy = demo
    assert count == 3
    before = (Response.objects.count(), Participation.objects.count())
    with time_machine.travel(LOADED_ON, tick=False):
        assert load_demo_surveys(slugs) == 3
    assert (Response.objects.count(), Participation.objects.count()) == before
    assert (
        Survey.objects.filter(
            title__in=[NEEDS_TITLE, MANAGERS_TITLE, PUBLIC_TITLE]
        ).count()
        == 3
    )


def test_needs_survey_is_anonymous_closed_and_answered(demo):
    survey = Survey.objects.get(title=NEEDS_TITLE)
    assert survey.is_anonymous and survey.status == "closed"
    responses = Response.objects.filter(survey=survey)
    assert responses.count() >= 20
    assert responses.count() == Participation.objects.filter(survey=survey).count()
    assert not responses.filter(respondent__isnull=False).exists()
    assert not responses.filter(submitted_at__isnull=False).exists()
    assert analysis.sent_responses(survey).count() == responses.count()
    ranking = survey.questions.get(kind="ranking")
    assert len(ranked_titles(ranking)) == len(ranking.options)


def test_managers_survey_is_named_with_answers_in_progress(demo):
    survey = Survey.objects.get(title=MANAGERS_TITLE)
    assert not survey.is_anonymous and survey.status == "open"
    responses = Response.objects.filter(survey=survey)
    assert responses.filter(submitted_on__isnull=True).exists()
    assert responses.filter(submitted_on__isnull=False).exists()
    assert not responses.filter(respondent__isnull=True).exists()


def test_public_survey_is_open(demo):
    survey = Survey.objects.get(title=PUBLIC_TITLE)
    assert survey.audience == "public" and survey.is_accepting(LOADED_ON)
    assert Response.objects.filter(survey=survey).count() == 6


def test_needs_ranking_top_themes_are_the_community_themes(demo):
    _slugs, _count, pedagogy = demo
    ranking = Survey.objects.get(title=NEEDS_TITLE).questions.get(kind="ranking")
    themes = set(
        YearTheme.objects.filter(community=pedagogy, season=2026).values_list(
            "title", flat=True
        )
    )
    assert set(ranked_titles(ranking)[:3]) <= themes


def test_the_managers_were_invited_and_reminded_once_each(demo):
    from entraide.surveys.models import Invitation, Mailing

    survey = Survey.objects.get(title=MANAGERS_TITLE)
    mailings = {m.kind: m for m in Mailing.objects.filter(survey=survey)}
    assert set(mailings) == {"invitation", "reminder"}
    assert all(m.completed_at for m in mailings.values())
    invited = set(
        Invitation.objects.filter(mailing=mailings["invitation"]).values_list(
            "user", flat=True
        )
    )
    reminded = set(
        Invitation.objects.filter(mailing=mailings["reminder"]).values_list(
            "user", flat=True
        )
    )
    answered = set(
        Participation.objects.filter(survey=survey).values_list("user", flat=True)
    )
    assert invited and reminded and reminded < invited
    assert not reminded & answered
    with time_machine.travel(LOADED_ON, tick=False):
        load_demo_surveys(demo[0])
    assert Mailing.objects.filter(survey=survey).count() == 2


def test_the_plan_follows_the_managers_response_rate(demo):
    from entraide.core.demo.plans import load_demo_plans
    from entraide.core.demo.surveys import RATE_INDICATOR
    from entraide.plans.indicators import values_for
    from entraide.plans.models import Indicator

    with time_machine.travel(LOADED_ON, tick=False):
        load_demo_plans(demo[0])
        load_demo_surveys(demo[0])
    indicator = Indicator.objects.get(name=RATE_INDICATOR)
    survey = Survey.objects.get(title=MANAGERS_TITLE)
    assert indicator.survey == survey
    reading = values_for([indicator], network=survey.network)[indicator.pk]
    rate = analysis.audience_size(survey)
    answered = Participation.objects.filter(survey=survey).count()
    assert reading.value == round(100 * answered / rate)
