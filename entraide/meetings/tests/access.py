"""Who gets what from each meetings URL (see tests/test_access_matrix.py).

Sessions are community content: the World's members-only "pedagogie" community's
member and facilitator see them; everyone else of network A gets 404 (network
managers included), like network B's admin. The facilitator plans them.
"""

from datetime import timedelta

from django.utils import timezone

from entraide.core.testing import Rule
from entraide.meetings.tests.access_common import (
    FACILITATOR_ACTS,
    FACILITATOR_ONLY,
    READERS,
    WRITERS,
    _fresh_session,
    _session,
)


def _kwargs(world):
    return {
        "network": world.network.slug,
        "community": world.community.slug,
        "pk": world.extra["current_session"].pk,
    }


def _community(world):
    return {"network": world.network.slug, "community": world.community.slug}


def _form_data(world):
    starts = timezone.localtime(timezone.now() + timedelta(days=20))
    return {
        "title": "Accueillir les familles",
        "theme": "Relations avec les familles",
        "description": "",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "90",
        "format": "virtual",
        "video_url": "https://video.example/salle",
        "place": "",
        "capacity": "",
        "status": "planned",
    }


RULES = [
    Rule("meetings:list", kwargs=_community, expect=READERS),
    Rule("meetings:create", kwargs=_community, expect=FACILITATOR_ONLY),
    Rule(
        "meetings:create",
        method="POST",
        kwargs=_community,
        data=_form_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule("meetings:detail", kwargs=_kwargs, setup=_session, expect=READERS),
    Rule("meetings:edit", kwargs=_kwargs, setup=_session, expect=FACILITATOR_ONLY),
    Rule(
        "meetings:edit",
        method="POST",
        kwargs=_kwargs,
        setup=_session,
        data=_form_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule("meetings:cancel", kwargs=_kwargs, setup=_session, expect=FACILITATOR_ONLY),
    Rule(
        "meetings:cancel",
        method="POST",
        kwargs=_kwargs,
        setup=_fresh_session,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:register",
        method="POST",
        kwargs=_kwargs,
        setup=_session,
        expect=WRITERS,
    ),
    Rule(
        "meetings:unregister",
        method="POST",
        kwargs=_kwargs,
        setup=_session,
        expect=WRITERS,
    ),
    Rule(
        "meetings:registrants",
        kwargs=_kwargs,
        setup=_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:registrants_csv",
        kwargs=_kwargs,
        setup=_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule("meetings:ics", kwargs=_kwargs, setup=_session, expect=READERS),
]

# Each part of the app keeps its rules beside it.
from entraide.meetings.tests import (  # noqa: E402
    access_agenda,
    access_calendars,
    access_planning,
    access_records,
)

RULES += (
    access_planning.RULES
    + access_agenda.RULES
    + access_records.RULES
    + access_calendars.RULES
)
