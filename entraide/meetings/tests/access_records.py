"""Access rules of the records pages (gathered in access.py).

Attendance, minutes and adding follow-ups are the facilitators'; the rules use a
session that took place yesterday. A follow-up's status is also changed by the
member it was given to (another member gets 403).
"""

from datetime import timedelta

from django.utils import timezone

from entraide.core.testing import Rule
from entraide.meetings.tests.access_common import (
    FACILITATOR_ACTS,
    FACILITATOR_ONLY,
    NOT_MEMBERS,
)

ASSIGNEE_READS = {**NOT_MEMBERS, "community_member": 200, "facilitator": 200}
ASSIGNEE_ACTS = {**NOT_MEMBERS, "community_member": 302, "facilitator": 302}


def _past_session(world):
    from entraide.meetings.models import Session

    if "past_session" not in world.extra:
        world.extra["past_session"] = Session.objects.create(
            community=world.community,
            title="Le jeu libre à l'extérieur",
            starts_at=timezone.now() - timedelta(days=1),
            duration_minutes=90,
            created_by=world.people["facilitator"],
            minutes="Nous avons **échangé**.",
        )
    world.extra["current_session"] = world.extra["past_session"]


def _follow_up(assignee_role):
    def setup(world):
        from entraide.meetings.models import FollowUp

        _past_session(world)
        world.extra["follow_up"] = FollowUp.objects.create(
            session=world.extra["past_session"],
            description="Partager la trousse d'accueil",
            assignee=world.people[assignee_role] if assignee_role else None,
            created_by=world.people["facilitator"],
        )

    return setup


def _kwargs(world):
    return {
        "network": world.network.slug,
        "community": world.community.slug,
        "pk": world.extra["current_session"].pk,
    }


def _follow_up_kwargs(world):
    return {**_kwargs(world), "follow_up": world.extra["follow_up"].pk}


def _attendance_data(world):
    return {f"status_{world.people['community_member'].pk}": "present"}


def _minutes_data(world):
    return {"minutes": "Nous avons **échangé**.", "decisions": "Essayer la cour"}


def _follow_up_data(world):
    return {
        "description": "Envoyer la grille d'observation",
        "assignee": str(world.people["community_member"].pk),
        "due_on": "2027-01-15",
    }


def _status_data(world):
    return {"quick": "1", "status": "in_progress"}


RULES = [
    Rule(
        "meetings:attendance",
        kwargs=_kwargs,
        setup=_past_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:attendance",
        method="POST",
        kwargs=_kwargs,
        setup=_past_session,
        data=_attendance_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:attendance_csv",
        kwargs=_kwargs,
        setup=_past_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:minutes", kwargs=_kwargs, setup=_past_session, expect=FACILITATOR_ONLY
    ),
    Rule(
        "meetings:minutes",
        method="POST",
        kwargs=_kwargs,
        setup=_past_session,
        data=_minutes_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:minutes_publish",
        method="POST",
        kwargs=_kwargs,
        setup=_past_session,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:minutes_publish",
        kwargs=_kwargs,
        setup=_past_session,
        # Publishing is a POST: everyone signed in gets 405 from a GET.
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "meetings:follow_up_create",
        kwargs=_kwargs,
        setup=_past_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:follow_up_create",
        method="POST",
        kwargs=_kwargs,
        setup=_past_session,
        data=_follow_up_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:follow_up_edit",
        kwargs=_follow_up_kwargs,
        setup=_follow_up("community_member"),
        expect=ASSIGNEE_READS,
    ),
    Rule(
        "meetings:follow_up_edit",
        method="POST",
        kwargs=_follow_up_kwargs,
        setup=_follow_up("community_member"),
        data=_status_data,
        expect=ASSIGNEE_ACTS,
    ),
    Rule(
        "meetings:follow_up_edit",
        kwargs=_follow_up_kwargs,
        setup=_follow_up(None),
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:follow_up_edit",
        method="POST",
        kwargs=_follow_up_kwargs,
        setup=_follow_up(None),
        data=_status_data,
        expect=FACILITATOR_ACTS,
    ),
]
