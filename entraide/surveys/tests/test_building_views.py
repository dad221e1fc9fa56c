"""Building a survey: the pages, for those who may and those who may not."""

from html import unescape

import pytest
from django.urls import reverse

from entraide.surveys.models import Participation, Question, Section, Survey
from entraide.surveys.templates import NEW_COMMUNITY
from entraide.surveys.tests.factories import make_survey

pytestmark = pytest.mark.django_db


def url(surveys, name, **kwargs):
    return reverse(
        name,
        kwargs={"network": surveys.network.slug, "pk": surveys.survey.pk, **kwargs},
    )


def list_url(surveys, name="surveys:list"):
    return reverse(name, kwargs={"network": surveys.network.slug})


def text(response) -> str:
    return unescape(response.content.decode())


SETTINGS = {
    "template": "",
    "title": "Besoins de la communauté",
    "welcome": "Bonjour **à toutes**",
    "thank_you": "Merci",
    "audience": "community",
    "is_anonymous": "1",
    "opens_at": "",
    "closes_at": "",
}


def test_list_shows_managed_surveys_with_counts(client, surveys):
    make_survey(surveys.network, title="Sondage réseau")
    client.force_login(surveys.facilitator)
    page = text(client.get(list_url(surveys)))
    assert "Sondage des besoins 2026-2027" in page
    assert "Sondage réseau" not in page
    assert "Nouveau sondage" in page
    assert "0 réponse" in page


def test_list_for_a_member_is_empty_without_create(client, surveys):
    client.force_login(surveys.educator)
    page = text(client.get(list_url(surveys)))
    assert "Nouveau sondage" not in page
    assert "Sondage des besoins" not in page


def test_list_queries_do_not_grow(client, surveys, django_assert_max_num_queries):
    client.force_login(surveys.lead)
    with django_assert_max_num_queries(12) as small:
        client.get(list_url(surveys))
    for index in range(19):
        Survey.objects.create(
            network=surveys.network, community=surveys.community, title=f"S{index}"
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(list_url(surveys))
    assert response.context["page"].paginator.num_pages == 1


def test_list_is_paginated(client, surveys):
    for index in range(21):
        Survey.objects.create(network=surveys.network, title=f"S{index}")
    client.force_login(surveys.lead)
    response = client.get(list_url(surveys))
    assert len(response.context["surveys"]) == 20
    assert "Page suivante" in text(response)


def test_facilitator_creates_from_the_template(client, surveys):
    client.force_login(surveys.facilitator)
    response = client.post(
        list_url(surveys, "surveys:create"),
        SETTINGS
        | {
            "template": NEW_COMMUNITY,
            "community": surveys.community.pk,
            "audience_job_roles": ["pedagogy_lead"],
            "audience_subregions": [surveys.subregion_a.pk],
            "opens_at": "2026-10-01T08:00",
            "closes_at": "2026-10-31T17:00",
        },
    )
    survey = Survey.objects.get(title="Besoins de la communauté")
    assert response.status_code == 302
    assert response.url == survey.get_absolute_url()
    assert survey.created_by == surveys.facilitator
    assert survey.audience_job_roles == ["pedagogy_lead"]
    assert survey.questions.filter(kind="ranking").exists()
    # Read in the person's zone (Montréal by default): 8 h is 12 h UTC.
    assert survey.opens_at.hour == 12


def test_facilitator_cannot_pick_another_community(client, surveys):
    from entraide.communities.models import Community

    other = Community.objects.create(
        network=surveys.network, slug="autre", name="Autre", kind="practice"
    )
    client.force_login(surveys.facilitator)
    response = client.post(
        list_url(surveys, "surveys:create"), SETTINGS | {"community": other.pk}
    )
    assert response.status_code == 200
    page = text(response)
    assert "Choisissez une communauté de la liste." in page
    assert 'value="Besoins de la communauté"' in page
    assert not Survey.objects.filter(title="Besoins de la communauté").exists()


def test_lead_creates_a_public_network_survey(client, surveys):
    client.force_login(surveys.lead)
    response = client.post(
        list_url(surveys, "surveys:create"), SETTINGS | {"audience": "public"}
    )
    survey = Survey.objects.get(title="Besoins de la communauté")
    assert survey.community is None
    page = text(client.get(response.url))
    assert survey.public_token in page
    assert "Lien public" in page


def test_bad_settings_keep_typed_data(client, surveys):
    client.force_login(surveys.lead)
    response = client.post(
        list_url(surveys, "surveys:create"),
        SETTINGS | {"opens_at": "2026-10-05T08:00", "closes_at": "2026-10-01T08:00"},
    )
    page = text(response)
    assert response.status_code == 200
    assert "La fermeture doit suivre l'ouverture." in page
    assert (
        'aria-describedby="id_closes_at_error' in page or "id_closes_at_error" in page
    )
    assert "Bonjour **à toutes**" in page


def test_member_may_not_create(client, surveys):
    client.force_login(surveys.educator)
    assert client.get(list_url(surveys, "surveys:create")).status_code == 403
    client.force_login(surveys.outsider)
    assert client.get(list_url(surveys, "surveys:create")).status_code == 404


def test_detail_shows_the_builder_with_conditions_in_words(client, surveys):
    client.force_login(surveys.facilitator)
    page = text(client.get(url(surveys, "surveys:detail")))
    assert (
        "Affichée si « Participez-vous déjà à une communauté de pratique ? » "
        "vaut « Oui »" in page
    )
    assert "Ajouter une question" in page
    assert "Ouvrir" in page
    assert url(surveys, "surveys:results") in page
    assert url(surveys, "surveys:answer") in page


def test_detail_queries_do_not_grow(client, surveys, django_assert_max_num_queries):
    client.force_login(surveys.lead)
    with django_assert_max_num_queries(18) as small:
        client.get(url(surveys, "surveys:detail"))
    section = surveys.survey.sections.first()
    for index in range(40):
        Question.objects.create(
            section=section, survey=surveys.survey, kind="short_text", text=f"Q{index}"
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url(surveys, "surveys:detail"))


@pytest.mark.parametrize("key", ["educator", "network_member", "outsider"])
def test_others_get_404_on_the_builder(client, surveys, key):
    client.force_login(getattr(surveys, key))
    for name in ("surveys:detail", "surveys:edit", "surveys:duplicate"):
        assert client.get(url(surveys, name)).status_code == 404
    assert client.post(url(surveys, "surveys:open")).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, surveys):
    assert client.get(url(surveys, "surveys:detail")).status_code == 302
    assert client.get(list_url(surveys)).status_code == 302


def test_edit_refuses_anonymous_to_named_once_answered(client, surveys):
    Participation.objects.create(survey=surveys.survey, user=surveys.educator)
    client.force_login(surveys.facilitator)
    response = client.post(
        url(surveys, "surveys:edit"),
        SETTINGS | {"community": surveys.community.pk, "is_anonymous": "0"},
    )
    assert response.status_code == 200
    assert "ne peut plus passer d'anonyme à nominatif" in text(response)
    surveys.survey.refresh_from_db()
    assert surveys.survey.is_anonymous


def test_edit_saves_settings(client, surveys):
    client.force_login(surveys.facilitator)
    response = client.post(
        url(surveys, "surveys:edit"),
        SETTINGS | {"community": surveys.community.pk, "allow_edit": "on"},
    )
    assert response.status_code == 302
    surveys.survey.refresh_from_db()
    assert surveys.survey.allow_edit
    assert surveys.survey.title == "Besoins de la communauté"


def test_open_then_close(client, surveys):
    client.force_login(surveys.facilitator)
    assert client.get(url(surveys, "surveys:open")).status_code == 405
    client.post(url(surveys, "surveys:open"))
    surveys.survey.refresh_from_db()
    assert surveys.survey.status == "open"
    page = text(client.get(url(surveys, "surveys:detail")))
    assert "Ajouter une question" not in page
    assert client.get(url(surveys, "surveys:section_create")).status_code == 403
    client.post(url(surveys, "surveys:close"))
    surveys.survey.refresh_from_db()
    assert surveys.survey.status == "closed"


def test_open_without_questions_says_why(client, surveys):
    Question.objects.filter(survey=surveys.survey).delete()
    client.force_login(surveys.facilitator)
    response = client.post(url(surveys, "surveys:open"), follow=True)
    assert "Ajoutez au moins une question" in text(response)
    surveys.survey.refresh_from_db()
    assert surveys.survey.status == "draft"


def test_duplicate_page_and_copy(client, surveys):
    client.force_login(surveys.facilitator)
    page = text(client.get(url(surveys, "surveys:duplicate")))
    assert "Sondage des besoins 2026-2027 (copie)" in page
    response = client.post(url(surveys, "surveys:duplicate"), {"title": "Copie"})
    copy = Survey.objects.get(title="Copie")
    assert response.url == copy.get_absolute_url()
    assert copy.questions.filter(condition_question__survey=copy).count() == 1
    response = client.post(url(surveys, "surveys:duplicate"), {"title": ""})
    assert "Donnez un titre à la copie." in text(response)


def test_section_create_edit_delete(client, surveys):
    client.force_login(surveys.facilitator)
    response = client.post(
        url(surveys, "surveys:section_create"), {"title": "Fin", "description": ""}
    )
    section = Section.objects.get(survey=surveys.survey, title="Fin")
    assert response.status_code == 302
    client.post(
        url(surveys, "surveys:section_edit", section=section.pk),
        {"title": "Conclusion", "description": "Dernier mot"},
    )
    section.refresh_from_db()
    assert section.title == "Conclusion"
    page = text(client.get(url(surveys, "surveys:section_delete", section=section.pk)))
    assert "Elle ne contient aucune question." in page
    client.post(url(surveys, "surveys:section_delete", section=section.pk))
    assert not Section.objects.filter(pk=section.pk).exists()


def test_section_of_another_survey_is_404(client, surveys):
    other = make_survey(surveys.network, community=surveys.community)
    section = other.sections.first()
    client.force_login(surveys.facilitator)
    for name in ("surveys:section_edit", "surveys:section_delete"):
        assert client.get(url(surveys, name, section=section.pk)).status_code == 404
    question = other.questions.first()
    assert (
        client.post(
            url(surveys, "surveys:question_delete", question=question.pk)
        ).status_code
        == 404
    )
    assert Question.objects.filter(pk=question.pk).exists()


def test_question_with_condition_and_options(client, surveys):
    client.force_login(surveys.facilitator)
    survey = surveys.survey
    section = survey.sections.order_by("position")[1]
    attends = survey.questions.get(kind="single")
    create = url(surveys, "surveys:question_create", section=section.pk)
    form_page = text(client.get(create))
    assert f'value="{attends.pk}:0"' in form_page
    response = client.post(
        create,
        {
            "kind": "single",
            "text": "Quel format ?",
            "options": "En ligne\nEn personne\n",
            "allow_other": "on",
            "scale_min": "1",
            "scale_max": "5",
            "condition": f"{attends.pk}:0",
        },
    )
    assert response.status_code == 302
    question = survey.questions.get(text="Quel format ?")
    assert question.options == ["En ligne", "En personne"]
    assert question.allow_other
    assert (question.condition_question, question.condition_value) == (attends, "Oui")
    edit = url(surveys, "surveys:question_edit", question=question.pk)
    page = text(client.get(edit))
    assert f'value="{attends.pk}:0" selected' in page
    client.post(edit, {"kind": "single", "text": "Quel format ?", "options": "A\nB"})
    question.refresh_from_db()
    assert question.condition_question is None
    client.post(url(surveys, "surveys:question_delete", question=question.pk))
    assert not Question.objects.filter(pk=question.pk).exists()


def test_bad_question_keeps_typed_data(client, surveys):
    client.force_login(surveys.facilitator)
    section = surveys.survey.sections.first()
    response = client.post(
        url(surveys, "surveys:question_create", section=section.pk),
        {"kind": "ranking", "text": "Mes thèmes", "options": "Un seul"},
    )
    page = text(response)
    assert response.status_code == 200
    assert "Donnez au moins deux choix." in page
    assert "Mes thèmes" in page
    assert 'aria-describedby="id_options_helptext id_options_error"' in page


def test_scale_question_keeps_labels(client, surveys):
    client.force_login(surveys.facilitator)
    section = surveys.survey.sections.first()
    client.post(
        url(surveys, "surveys:question_create", section=section.pk),
        {
            "kind": "scale",
            "text": "Satisfaction",
            "scale_min": "0",
            "scale_max": "10",
            "scale_label_min": "Pas du tout",
            "scale_label_max": "Tout à fait",
        },
    )
    question = surveys.survey.questions.get(text="Satisfaction")
    assert (question.scale_min, question.scale_max) == (0, 10)
    assert question.scale_labels == {"min": "Pas du tout", "max": "Tout à fait"}


def test_condition_choice_from_a_later_question_is_refused(client, surveys):
    client.force_login(surveys.facilitator)
    survey = surveys.survey
    first = survey.sections.order_by("position")[0]
    attends = survey.questions.get(kind="single")
    response = client.post(
        url(surveys, "surveys:question_edit", question=attends.pk),
        {"kind": "single", "text": "x", "options": "Oui\nNon", "condition": "999:0"},
    )
    assert "Choisissez une valeur de la liste." in text(response)
    assert first.questions.get(pk=attends.pk).text != "x"
