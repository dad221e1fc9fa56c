"""Who gets what from the invitations, reminders and response-rate URLs.

Only those who manage the survey (its community's facilitator, the network's leads)
see them; everyone else of the network gets 404, like a missing survey. A fresh open
survey per role, so one role's mailing does not stop the next one's.
"""

from entraide.core.testing import Rule
from entraide.surveys.models import SurveyStatus
from entraide.surveys.tests.access_building import (
    MANAGE,
    MANAGE_POST,
    NOT_ALLOWED,
    _foreign,
    _survey,
)

OPEN = _survey(status=SurveyStatus.OPEN)


def _kind(kind, base=OPEN):
    def kwargs(world):
        return base(world) | {"kind": kind}

    return kwargs


def _foreign_kind(world):
    return _foreign(world) | {"kind": "invitation"}


RULES = [
    Rule(
        "surveys:mailing_create",
        kwargs=_kind("invitation"),
        expect=MANAGE,
        default=404,
    ),
    Rule("surveys:mailing_create", kwargs=_kind("relance"), expect=MANAGE, default=404),
    Rule(
        "surveys:mailing_create",
        kwargs=_kind("autre"),
        expect=NOT_ALLOWED,
        default=404,
    ),
    Rule(
        "surveys:mailing_create",
        method="POST",
        kwargs=_kind("invitation"),
        data={"message": "Merci!"},
        expect=MANAGE_POST,
        default=404,
    ),
    Rule(
        "surveys:mailing_create",
        method="POST",
        kwargs=_foreign_kind,
        data={"message": ""},
        expect=NOT_ALLOWED,
        default=404,
    ),
    Rule("surveys:response_rate", kwargs=OPEN, expect=MANAGE, default=404),
    Rule("surveys:response_rate", kwargs=_foreign, expect=NOT_ALLOWED, default=404),
    Rule(
        "surveys:response_rate",
        method="POST",
        kwargs=OPEN,
        data={},
        expect=NOT_ALLOWED,
        default=405,
    ),
]
