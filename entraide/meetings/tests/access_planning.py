"""Access rules of the planning pages (gathered in access.py).

The programme is community content (members read it); the themes and the planner
are the facilitator's.
"""

from django.utils import timezone

from entraide.core.testing import Rule
from entraide.meetings.tests.access_common import (
    FACILITATOR_ACTS,
    FACILITATOR_ONLY,
    READERS,
)


def _season():
    """A season still to come, so every proposed date is in the future."""
    return timezone.localdate().year + 1


def _community(world):
    return {"network": world.network.slug, "community": world.community.slug}


def _season_kwargs(world):
    return {**_community(world), "season": _season()}


def _cadence():
    return {
        "preset": "three_four",
        "count": "",
        "first_month": "9",
        "last_month": "6",
        "weekday": "1",
        "week": "2",
        "start_time": "18:30",
        "duration_minutes": "90",
        "format": "virtual",
    }


def _propose(world):
    return {**_cadence(), "step": "propose"}


def _create(world):
    return {
        **_cadence(),
        "step": "create",
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "1",
        "rows-0-keep": "on",
        "rows-0-starts_at": f"{_season()}-09-08T18:30",
        "rows-0-title": "Le jeu libre",
        "rows-0-theme": "",
        "rows-0-note": "",
    }


def _themes(world):
    return {"titles": "Le jeu libre\nLes routines"}


RULES = [
    Rule("meetings:programme", kwargs=_community, expect=READERS),
    Rule("meetings:programme_season", kwargs=_season_kwargs, expect=READERS),
    Rule("meetings:programme_themes", kwargs=_season_kwargs, expect=FACILITATOR_ONLY),
    Rule(
        "meetings:programme_themes",
        method="POST",
        kwargs=_season_kwargs,
        data=_themes,
        expect=FACILITATOR_ACTS,
    ),
    Rule("meetings:planner", kwargs=_season_kwargs, expect=FACILITATOR_ONLY),
    Rule(
        "meetings:planner",
        method="POST",
        kwargs=_season_kwargs,
        data=_propose,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:planner",
        method="POST",
        kwargs=_season_kwargs,
        data=_create,
        expect=FACILITATOR_ACTS,
    ),
]
