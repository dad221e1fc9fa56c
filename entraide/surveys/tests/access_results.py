"""Who gets what from the surveys' results URLs (tests/test_access_matrix.py).

The results, their CSV and the themes page are for those who manage the survey:
network A's project lead and admin, and the facilitator of the survey's community.
Everyone else signed in gets a 404 (the survey is not theirs to see), another
network's survey is a 404 through network A's address. The results and the CSV only
read: a POST is refused (405). Creating themes from a network survey (no community)
is refused (403) to those who manage it.
"""

from entraide.core.testing import Rule
from entraide.surveys.services.themes import next_season
from entraide.surveys.tests.factories import make_survey

MANAGERS = {
    "anonymous": 302,
    "project_lead": 200,
    "admin": 200,
    "facilitator": 200,
}
POSTED = {"anonymous": 302, "project_lead": 302, "admin": 302, "facilitator": 302}


def _survey(key, *, network="network", community=True):
    def build(world):
        if key not in world.extra:
            world.extra[key] = make_survey(
                getattr(world, network),
                community=(
                    (world.community if network == "network" else None)
                    if community
                    else None
                ),
            )
        return world.extra[key]

    return build


SURVEY = _survey("results_survey")
NETWORK_SURVEY = _survey("results_network_survey", community=False)
FOREIGN = _survey("results_foreign", network="other_network", community=False)


def kwargs(build, *, ranking=False):
    def resolve(world):
        survey = build(world)
        found = {"network": world.network.slug, "pk": survey.pk}
        if ranking:
            found["question"] = survey.questions.get(kind="ranking").pk
        return found

    return resolve


RULES = []
for name in ("surveys:results", "surveys:results_csv", "surveys:results_pdf"):
    RULES += [
        Rule(name, kwargs=kwargs(SURVEY), expect=MANAGERS, default=404),
        Rule(
            name,
            kwargs=kwargs(NETWORK_SURVEY),
            expect=MANAGERS | {"facilitator": 404},
            default=404,
        ),
        Rule(name, kwargs=kwargs(FOREIGN), expect={"anonymous": 302}, default=404),
        Rule(
            name,
            method="POST",
            kwargs=kwargs(SURVEY),
            data={},
            expect={"anonymous": 302},
            default=405,
        ),
    ]
RULES += [
    Rule(
        "surveys:themes",
        kwargs=kwargs(SURVEY, ranking=True),
        expect=MANAGERS,
        default=404,
    ),
    Rule(
        "surveys:themes",
        method="POST",
        kwargs=kwargs(SURVEY, ranking=True),
        data=lambda world: {"season": next_season(world.community), "count": 2},
        expect=POSTED,
        default=404,
    ),
    Rule(
        "surveys:themes",
        method="POST",
        kwargs=kwargs(SURVEY, ranking=True),
        data={"season": "", "count": ""},
        expect=MANAGERS,
        default=404,
    ),
    Rule(
        "surveys:themes",
        kwargs=kwargs(NETWORK_SURVEY, ranking=True),
        expect={"anonymous": 302, "project_lead": 403, "admin": 403},
        default=404,
    ),
    Rule(
        "surveys:themes",
        method="POST",
        kwargs=kwargs(FOREIGN, ranking=True),
        data=lambda world: {"season": next_season(world.community), "count": 2},
        expect={"anonymous": 302},
        default=404,
    ),
]
