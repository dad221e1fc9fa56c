"""Who builds and who is asked: a truth table over the fixture's people."""

import pytest

from entraide.surveys import permissions as perms

pytestmark = pytest.mark.django_db

PEOPLE = ("lead", "facilitator", "leader_a", "educator", "network_member", "outsider")
#              create  manage  edit_q  audience
TABLE = {
    "lead": (True, True, True, False),
    "facilitator": (True, True, True, True),
    "leader_a": (False, False, False, True),
    "educator": (False, False, False, True),
    "network_member": (False, False, False, False),
    "outsider": (False, False, False, False),
}


def person(surveys, key):
    return surveys.leads_a[0] if key == "leader_a" else getattr(surveys, key)


@pytest.mark.parametrize("key", PEOPLE)
def test_truth_table_in_preparation(surveys, key):
    viewer = perms.viewer_for(person(surveys, key), surveys.network)
    survey = surveys.survey
    assert (
        perms.can_create_survey(viewer),
        perms.can_manage_survey(viewer, survey),
        perms.can_edit_questions(viewer, survey),
        perms.in_audience(viewer, survey),
    ) == TABLE[key]


@pytest.mark.parametrize("key", PEOPLE)
def test_questions_are_frozen_once_open(surveys, key):
    survey = surveys.survey
    survey.status = "open"
    survey.save()
    viewer = perms.viewer_for(person(surveys, key), surveys.network)
    assert not perms.can_edit_questions(viewer, survey)
    assert perms.can_manage_survey(viewer, survey) == TABLE[key][1]


@pytest.mark.parametrize(
    ("narrowing", "expected"),
    [
        (
            {"audience_job_roles": ["pedagogy_lead"]},
            {"leader_a": True, "educator": False},
        ),
        ({"audience_organisation_kinds": ["college"]}, {"leader_a": False}),
        ({"audience": "network"}, {"network_member": True, "outsider": False}),
        ({"audience": "public"}, {"outsider": True, "network_member": True}),
    ],
)
def test_audience_narrowing(surveys, narrowing, expected):
    survey = surveys.survey
    for name, value in narrowing.items():
        setattr(survey, name, value)
    survey.save()
    for key, answer in expected.items():
        viewer = perms.viewer_for(person(surveys, key), surveys.network)
        assert perms.in_audience(viewer, survey) is answer, key


def test_audience_subregions(surveys):
    survey = surveys.survey
    survey.audience_subregions.set([surveys.subregion_b])
    in_a = perms.viewer_for(surveys.leads_a[0], surveys.network)
    in_b = perms.viewer_for(surveys.leads_b[0], surveys.network)
    assert not perms.in_audience(in_a, survey)
    assert perms.in_audience(in_b, survey)


def test_network_survey_is_the_leads_alone(surveys):
    survey = surveys.survey
    survey.community = None
    survey.audience = "network"
    survey.save()
    lead = perms.viewer_for(surveys.lead, surveys.network)
    facilitator = perms.viewer_for(surveys.facilitator, surveys.network)
    assert perms.can_manage_survey(lead, survey)
    assert not perms.can_manage_survey(facilitator, survey)
