"""Building a survey through its services: settings, templates, questions and
their conditions, copies, opening and closing."""

import pytest
from django.core.exceptions import ValidationError

from entraide.surveys.models import (
    Participation,
    Question,
    QuestionKind,
    Response,
    Section,
    Survey,
    SurveyStatus,
)
from entraide.surveys.services import building as services
from entraide.surveys.templates import NEW_COMMUNITY, THEMES

pytestmark = pytest.mark.django_db


def settings_of(surveys, **more):
    fields = {
        "title": "Besoins 2027",
        "community": surveys.community,
        "welcome": "Bienvenue",
        "thank_you": "Merci",
        "audience": "community",
        "audience_job_roles": [],
        "audience_organisation_kinds": [],
        "is_anonymous": True,
        "allow_edit": False,
        "opens_at": None,
        "closes_at": None,
    }
    return fields | more


def test_new_survey_from_the_template_has_its_sections_questions_and_condition(
    surveys,
):
    survey = services.create_survey(
        network=surveys.network,
        actor=surveys.facilitator,
        template=NEW_COMMUNITY,
        subregions=[surveys.subregion_a],
        **settings_of(surveys, welcome=""),
    )
    assert survey.status == SurveyStatus.DRAFT
    assert survey.welcome.startswith("Merci de prendre")
    assert survey.sections.count() == 3
    kinds = set(survey.questions.values_list("kind", flat=True))
    assert {"single", "multiple", "scale", "ranking", "long_text"} <= kinds
    ranking = survey.questions.get(kind="ranking")
    assert ranking.options[0] == THEMES[0]
    dependent = survey.questions.get(condition_question__isnull=False)
    assert dependent.condition_question.kind == "single"
    assert dependent.condition_value == "Oui"
    assert list(survey.audience_subregions.all()) == [surveys.subregion_a]


def test_unknown_template_is_refused(surveys):
    with pytest.raises(ValidationError) as error:
        services.create_survey(
            network=surveys.network,
            actor=surveys.lead,
            template="nope",
            **settings_of(surveys),
        )
    assert "template" in error.value.error_dict
    assert not Survey.objects.filter(title="Besoins 2027").exists()


def test_another_networks_subregion_is_ignored(surveys):
    other = surveys.other_network.subregions.first()
    survey = services.create_survey(
        network=surveys.network,
        actor=surveys.lead,
        subregions=[other, surveys.subregion_b],
        **settings_of(surveys),
    )
    assert list(survey.audience_subregions.all()) == [surveys.subregion_b]


def test_community_audience_needs_a_community(surveys):
    with pytest.raises(ValidationError) as error:
        services.create_survey(
            network=surveys.network,
            actor=surveys.lead,
            **settings_of(surveys, community=None),
        )
    assert "community" in error.value.error_dict


def test_closing_must_follow_opening(surveys):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    with pytest.raises(ValidationError) as error:
        services.update_survey(
            survey=surveys.survey,
            actor=surveys.lead,
            opens_at=now,
            closes_at=now - datetime.timedelta(days=1),
        )
    assert "closes_at" in error.value.error_dict


def test_anonymous_cannot_become_named_once_answered(surveys):
    survey = surveys.survey
    Participation.objects.create(survey=survey, user=surveys.educator)
    with pytest.raises(ValidationError) as error:
        services.update_survey(survey=survey, actor=surveys.lead, is_anonymous=False)
    assert "is_anonymous" in error.value.error_dict
    survey.refresh_from_db()
    assert survey.is_anonymous
    services.update_survey(survey=survey, actor=surveys.lead, title="Autre titre")


def test_named_survey_without_answers_may_become_anonymous(surveys):
    survey = surveys.survey
    services.update_survey(survey=survey, actor=surveys.lead, is_anonymous=False)
    services.update_survey(survey=survey, actor=surveys.lead, is_anonymous=True)
    survey.refresh_from_db()
    assert survey.is_anonymous


def section_of(survey, index):
    return survey.sections.order_by("position")[index]


def test_question_is_appended_with_options_cleaned(surveys):
    section = section_of(surveys.survey, 1)
    question = services.create_question(
        section=section,
        kind=QuestionKind.SINGLE,
        text="Votre région ?",
        options=["  Nord ", "", "Sud"],
        scale_labels={"min": "x"},
    )
    assert question.options == ["Nord", "Sud"]
    assert question.scale_labels == {}
    assert question.position == 3
    assert question.survey == surveys.survey


@pytest.mark.parametrize(
    ("options", "field"),
    [(["Seul"], "options"), (["Oui", "Oui"], "options"), (["x" * 201, "b"], "options")],
)
def test_choice_question_needs_distinct_short_options(surveys, options, field):
    with pytest.raises(ValidationError) as error:
        services.create_question(
            section=section_of(surveys.survey, 0),
            kind=QuestionKind.MULTIPLE,
            text="Q",
            options=options,
        )
    assert field in error.value.error_dict


def test_scale_must_go_up(surveys):
    with pytest.raises(ValidationError) as error:
        services.create_question(
            section=section_of(surveys.survey, 0),
            kind=QuestionKind.SCALE,
            text="Q",
            scale_min=5,
            scale_max=5,
        )
    assert "scale_max" in error.value.error_dict


def test_condition_on_an_earlier_choice_question(surveys):
    attends = surveys.survey.questions.get(position=0, section__position=0)
    question = services.create_question(
        section=section_of(surveys.survey, 1),
        kind=QuestionKind.SHORT_TEXT,
        text="Laquelle ?",
        condition_question=attends,
        condition_value="Oui",
    )
    assert question.condition_question == attends


def test_condition_value_must_be_an_option(surveys):
    attends = surveys.survey.questions.get(position=0, section__position=0)
    with pytest.raises(ValidationError) as error:
        services.create_question(
            section=section_of(surveys.survey, 1),
            kind=QuestionKind.SHORT_TEXT,
            text="Laquelle ?",
            condition_question=attends,
            condition_value="Peut-être",
        )
    assert "condition_value" in error.value.error_dict


def test_condition_cannot_point_later_elsewhere_or_at_text(surveys):
    survey = surveys.survey
    later = survey.questions.get(kind="ranking")
    text = survey.questions.get(kind="short_text")
    other = services.duplicate_survey(survey=survey, actor=surveys.lead, title="B")
    foreign = other.questions.get(kind="single")
    first = section_of(survey, 0)
    for target, value in ((later, THEMES[0]), (text, "x"), (foreign, "Oui")):
        with pytest.raises(ValidationError) as error:
            services.create_question(
                section=first,
                kind=QuestionKind.SHORT_TEXT,
                text="Q",
                condition_question=target,
                condition_value=value,
            )
        assert "condition_question" in error.value.error_dict


def test_editing_a_question_cannot_depend_on_itself_or_a_later_one(surveys):
    survey = surveys.survey
    attends = survey.questions.get(kind="single")
    moments = survey.questions.get(kind="multiple")
    with pytest.raises(ValidationError):
        services.update_question(
            question=attends, condition_question=attends, condition_value="Oui"
        )
    with pytest.raises(ValidationError):
        services.update_question(
            question=attends, condition_question=moments, condition_value="Le soir"
        )


def test_removing_the_option_drops_the_dependents_condition(surveys):
    attends = surveys.survey.questions.get(kind="single")
    services.update_question(question=attends, options=["Souvent", "Jamais"])
    dependent = surveys.survey.questions.get(kind="long_text")
    assert dependent.condition_question is None
    assert dependent.condition_value == ""


def test_deleting_a_question_frees_its_dependents(surveys):
    attends = surveys.survey.questions.get(kind="single")
    services.delete_question(question=attends)
    dependent = surveys.survey.questions.get(kind="long_text")
    assert (dependent.condition_question, dependent.condition_value) == (None, "")


def test_deleting_a_section_takes_its_questions(surveys):
    section = section_of(surveys.survey, 1)
    services.delete_section(section=section)
    assert not Question.objects.filter(section_id=section.pk).exists()
    assert surveys.survey.questions.count() == 5


def test_new_section_goes_last(surveys):
    section = services.create_section(survey=surveys.survey, title="Fin")
    assert section.position == 2
    with pytest.raises(ValidationError) as error:
        services.create_section(survey=surveys.survey, title="")
    assert "title" in error.value.error_dict


def test_duplicate_copies_everything_and_remaps_conditions(surveys):
    survey = surveys.survey
    survey.audience_subregions.set([surveys.subregion_a])
    survey.status = SurveyStatus.OPEN
    survey.save()
    Response.objects.create(survey=survey, submitted_on="2026-10-01")
    copy = services.duplicate_survey(
        survey=survey, actor=surveys.lead, title="Besoins 2027-2028"
    )
    assert copy.title == "Besoins 2027-2028"
    assert copy.status == SurveyStatus.DRAFT
    assert copy.public_token != survey.public_token
    assert copy.created_by == surveys.lead
    assert copy.community == survey.community
    assert list(copy.audience_subregions.all()) == [surveys.subregion_a]
    assert copy.responses.count() == 0
    assert [s.title for s in copy.sections.order_by("position")] == [
        "Votre pratique",
        "Vos besoins",
    ]
    assert copy.questions.count() == survey.questions.count() == 8
    dependent = copy.questions.get(kind="long_text")
    assert dependent.condition_question.survey == copy
    assert dependent.condition_question.section.survey == copy
    assert dependent.condition_value == "Oui"
    assert Section.objects.filter(survey=survey).count() == 2
    original = survey.questions.get(kind="long_text")
    assert original.condition_question.survey == survey


def test_open_needs_a_question_and_close_needs_open(surveys):
    empty = Survey.objects.create(
        network=surveys.network, community=surveys.community, title="Vide"
    )
    with pytest.raises(ValidationError):
        services.open_survey(survey=empty, actor=surveys.lead)
    with pytest.raises(ValidationError):
        services.close_survey(survey=surveys.survey, actor=surveys.lead)
    services.open_survey(survey=surveys.survey, actor=surveys.lead)
    assert surveys.survey.status == SurveyStatus.OPEN
    services.close_survey(survey=surveys.survey, actor=surveys.lead)
    surveys.survey.refresh_from_db()
    assert surveys.survey.status == SurveyStatus.CLOSED
