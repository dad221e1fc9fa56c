"""Services of the yearly programme: the themes and the season's sessions."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError

from entraide.meetings.models import Session, YearTheme
from entraide.meetings.services import planning as services
from entraide.meetings.services.planning import PlannedSession

AUGUST = datetime(2026, 8, 15, 16, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def august():
    with time_machine.travel(AUGUST, tick=False):
        yield


def themes_of(place, season=2026):
    return list(
        YearTheme.objects.filter(community=place.community, season=season).values_list(
            "title", flat=True
        )
    )


def test_themes_are_set_in_order_without_blanks_or_repeats(place):
    services.set_year_themes(
        community=place.community,
        season=2026,
        titles=["  Le jeu libre ", "", "Les familles", "Le jeu libre", "L'éveil"],
        actor=place.facilitator,
    )
    assert themes_of(place) == ["Le jeu libre", "Les familles", "L'éveil"]


def test_setting_themes_again_keeps_descriptions_and_drops_the_rest(place):
    services.set_year_themes(
        community=place.community,
        season=2026,
        titles=["A", "B", "C"],
        actor=place.facilitator,
    )
    YearTheme.objects.filter(title="B").update(description="Notes")
    other = services.set_year_themes(
        community=place.community,
        season=2027,
        titles=["Z"],
        actor=place.facilitator,
    )
    services.set_year_themes(
        community=place.community,
        season=2026,
        titles=["C", "B"],
        actor=place.facilitator,
    )
    assert themes_of(place) == ["C", "B"]
    assert YearTheme.objects.get(season=2026, title="B").description == "Notes"
    assert themes_of(place, 2027) == ["Z"] and other[0].position == 0


def test_a_too_long_theme_changes_nothing(place):
    services.set_year_themes(
        community=place.community, season=2026, titles=["A"], actor=place.facilitator
    )
    with pytest.raises(ValidationError) as error:
        services.set_year_themes(
            community=place.community,
            season=2026,
            titles=["B", "x" * 201],
            actor=place.facilitator,
        )
    assert "titles" in error.value.error_dict
    assert themes_of(place) == ["A"]


def test_a_season_out_of_range_is_refused(place):
    with pytest.raises(ValidationError):
        services.set_year_themes(
            community=place.community,
            season=1800,
            titles=["A"],
            actor=place.facilitator,
        )


def rows(*moments):
    return [
        (index, PlannedSession(starts_at=moment, title=f"R{index}", theme="T"))
        for index, moment in enumerate(moments)
    ]


def test_every_kept_row_becomes_a_session(place):
    created = services.create_season(
        community=place.community,
        actor=place.facilitator,
        rows=rows(AUGUST + timedelta(days=30), AUGUST + timedelta(days=60)),
        duration_minutes=75,
        format="virtual",
    )
    assert [s.title for s in created] == ["R0", "R1"]
    session = Session.objects.get(title="R1")
    assert session.theme == "T" and session.duration_minutes == 75
    assert session.created_by == place.facilitator


def test_one_row_in_the_past_creates_nothing_and_says_which(place):
    with pytest.raises(services.RowsInvalid) as error:
        services.create_season(
            community=place.community,
            actor=place.facilitator,
            rows=rows(AUGUST + timedelta(days=30), AUGUST - timedelta(days=1)),
            duration_minutes=90,
            format="virtual",
        )
    assert list(error.value.rows) == [1]
    assert "starts_at" in error.value.rows[1].error_dict
    assert not Session.objects.exists()


def test_no_row_kept_is_refused(place):
    with pytest.raises(ValidationError):
        services.create_season(
            community=place.community,
            actor=place.facilitator,
            rows=[],
            duration_minutes=90,
            format="virtual",
        )
