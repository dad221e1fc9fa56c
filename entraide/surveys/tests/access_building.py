"""Who gets what from the surveys' building URLs (tests/test_access_matrix.py).

A fresh survey of the World's members-only community is made for each role
(``kwargs`` is called once per role), so one role's change does not move the next
one's. Its facilitator and the network's leads build it; everyone else of network
A gets 404 (the same answer as for a missing survey), network B's admin too. The
list is every member's (empty for most); creating is for leads and facilitators.
Sections and questions change only in preparation: 403 once the survey is open.
"""

from entraide.core.testing import Rule
from entraide.surveys.models import SurveyStatus
from entraide.surveys.tests.factories import make_survey

OUTSIDE = {"anonymous": 302, "other_network_admin": 404}
CREATORS = {"project_lead": 200, "admin": 200, "facilitator": 200}
CREATE = OUTSIDE | {"member": 403, "management": 403} | CREATORS
CREATE_POST = CREATE | {role: 302 for role in CREATORS}
MANAGE = {"anonymous": 302} | CREATORS
MANAGE_POST = {"anonymous": 302} | {role: 302 for role in CREATORS}
FROZEN = {"anonymous": 302} | {role: 403 for role in CREATORS}
NOT_ALLOWED = {"anonymous": 302}


def _survey(*, status=SurveyStatus.DRAFT, network=None, part="survey"):
    def kwargs(world):
        survey = make_survey(
            network or world.network,
            community=None if network else world.community,
            status=status,
        )
        found = {"network": world.network.slug, "pk": survey.pk}
        if part == "section":
            found["section"] = survey.sections.first().pk
        if part == "question":
            found["question"] = survey.questions.first().pk
        return found

    return kwargs


def _network(world):
    return {"network": world.network.slug}


def _settings(world):
    return {
        "template": "",
        "title": "Sondage",
        "community": world.community.pk,
        "audience": "community",
        "is_anonymous": "1",
    }


SURVEY = _survey()
OPEN = _survey(status=SurveyStatus.OPEN)


def _foreign(world):
    survey = make_survey(world.other_network, status=SurveyStatus.OPEN)
    return {"network": world.network.slug, "pk": survey.pk}


SECTION = _survey(part="section")
QUESTION = _survey(part="question")
OPEN_SECTION = _survey(status=SurveyStatus.OPEN, part="section")
OPEN_QUESTION = _survey(status=SurveyStatus.OPEN, part="question")
SECTION_DATA = {"title": "Section", "description": ""}
QUESTION_DATA = {"kind": "short_text", "text": "Une question ?"}

RULES = [
    Rule("surveys:list", kwargs=_network, expect=OUTSIDE),
    Rule(
        "surveys:list",
        method="POST",
        kwargs=_network,
        data={},
        expect=NOT_ALLOWED,
        default=405,
    ),
    Rule("surveys:create", kwargs=_network, expect=CREATE),
    Rule(
        "surveys:create",
        method="POST",
        kwargs=_network,
        data=_settings,
        expect=CREATE_POST,
    ),
    Rule("surveys:detail", kwargs=SURVEY, expect=MANAGE, default=404),
    Rule("surveys:detail", kwargs=_foreign, expect=NOT_ALLOWED, default=404),
    Rule(
        "surveys:detail",
        method="POST",
        kwargs=SURVEY,
        data={},
        expect=NOT_ALLOWED,
        default=405,
    ),
    Rule("surveys:edit", kwargs=SURVEY, expect=MANAGE, default=404),
    Rule("surveys:edit", kwargs=_foreign, expect=NOT_ALLOWED, default=404),
    Rule(
        "surveys:edit",
        method="POST",
        kwargs=SURVEY,
        data=_settings,
        expect=MANAGE_POST,
        default=404,
    ),
    Rule("surveys:duplicate", kwargs=SURVEY, expect=MANAGE, default=404),
    Rule(
        "surveys:duplicate",
        method="POST",
        kwargs=SURVEY,
        data={"title": "Copie"},
        expect=MANAGE_POST,
        default=404,
    ),
    Rule(
        "surveys:duplicate",
        method="POST",
        kwargs=_foreign,
        data={"title": "Copie"},
        expect=NOT_ALLOWED,
        default=404,
    ),
    Rule("surveys:open", kwargs=SURVEY, expect=NOT_ALLOWED, default=405),
    Rule(
        "surveys:open",
        method="POST",
        kwargs=SURVEY,
        data={},
        expect=MANAGE_POST,
        default=404,
    ),
    Rule("surveys:close", kwargs=OPEN, expect=NOT_ALLOWED, default=405),
    Rule(
        "surveys:close",
        method="POST",
        kwargs=OPEN,
        data={},
        expect=MANAGE_POST,
        default=404,
    ),
    Rule(
        "surveys:close",
        method="POST",
        kwargs=_foreign,
        data={},
        expect=NOT_ALLOWED,
        default=404,
    ),
    Rule("surveys:section_create", kwargs=SURVEY, expect=MANAGE, default=404),
    Rule("surveys:section_create", kwargs=OPEN, expect=FROZEN, default=404),
    Rule(
        "surveys:section_create",
        method="POST",
        kwargs=SURVEY,
        data=SECTION_DATA,
        expect=MANAGE_POST,
        default=404,
    ),
    Rule(
        "surveys:section_create",
        method="POST",
        kwargs=OPEN,
        data=SECTION_DATA,
        expect=FROZEN,
        default=404,
    ),
]
for name, data in (
    ("surveys:section_edit", SECTION_DATA),
    ("surveys:section_delete", {}),
):
    RULES += [
        Rule(name, kwargs=SECTION, expect=MANAGE, default=404),
        Rule(name, kwargs=OPEN_SECTION, expect=FROZEN, default=404),
        Rule(
            name,
            method="POST",
            kwargs=SECTION,
            data=data,
            expect=MANAGE_POST,
            default=404,
        ),
        Rule(
            name,
            method="POST",
            kwargs=OPEN_SECTION,
            data=data,
            expect=FROZEN,
            default=404,
        ),
    ]
RULES += [
    Rule("surveys:question_create", kwargs=SECTION, expect=MANAGE, default=404),
    Rule("surveys:question_create", kwargs=OPEN_SECTION, expect=FROZEN, default=404),
    Rule(
        "surveys:question_create",
        method="POST",
        kwargs=SECTION,
        data=QUESTION_DATA,
        expect=MANAGE_POST,
        default=404,
    ),
    Rule(
        "surveys:question_create",
        method="POST",
        kwargs=OPEN_SECTION,
        data=QUESTION_DATA,
        expect=FROZEN,
        default=404,
    ),
]
for name, data in (
    ("surveys:question_edit", QUESTION_DATA),
    ("surveys:question_delete", {}),
):
    RULES += [
        Rule(name, kwargs=QUESTION, expect=MANAGE, default=404),
        Rule(name, kwargs=OPEN_QUESTION, expect=FROZEN, default=404),
        Rule(
            name,
            method="POST",
            kwargs=QUESTION,
            data=data,
            expect=MANAGE_POST,
            default=404,
        ),
        Rule(
            name,
            method="POST",
            kwargs=OPEN_QUESTION,
            data=data,
            expect=FROZEN,
            default=404,
        ),
    ]
