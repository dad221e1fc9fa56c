"""Themes from a ranking: the season chosen by default, the order, once only."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from entraide.meetings.models import YearTheme
from entraide.surveys.services.themes import create_themes_from_ranking, next_season
from entraide.surveys.tests.factories import THEMES
from entraide.surveys.tests.test_results_analysis import send

pytestmark = pytest.mark.django_db


def test_next_season_starts_in_september(surveys):
    community = surveys.community
    assert next_season(community, datetime.date(2026, 3, 1)) == 2026
    assert next_season(community, datetime.date(2026, 8, 31)) == 2026
    assert next_season(community, datetime.date(2026, 9, 1)) == 2027
    community.season_start_month = 8
    assert next_season(community, datetime.date(2026, 8, 1)) == 2027


def test_top_n_in_ranking_order_after_existing_themes_once(surveys):
    survey = surveys.survey
    ranking = survey.questions.get(kind="ranking")
    send(survey, {"ranking": list(reversed(THEMES))})
    YearTheme.objects.create(
        community=surveys.community, season=2027, title="Déjà là", position=4
    )
    created = create_themes_from_ranking(
        survey=survey, question=ranking, season=2027, count=2
    )
    assert [(t.title, t.position) for t in created] == [
        (THEMES[4], 5),
        (THEMES[3], 6),
    ]
    again = create_themes_from_ranking(
        survey=survey, question=ranking, season=2027, count=2
    )
    assert again == []
    assert YearTheme.objects.filter(season=2027).count() == 3


def test_refusals_tied_to_fields(surveys):
    survey = surveys.survey
    single = survey.questions.get(kind="single")
    with pytest.raises(ValidationError) as error:
        create_themes_from_ranking(survey=survey, question=single, season=1900)
    assert set(error.value.message_dict) == {"question", "season"}
    ranking = survey.questions.get(kind="ranking")
    with pytest.raises(ValidationError) as error:
        create_themes_from_ranking(
            survey=survey, question=ranking, season=2027, count=9
        )
    assert set(error.value.message_dict) == {"count"}
    assert not YearTheme.objects.exists()
