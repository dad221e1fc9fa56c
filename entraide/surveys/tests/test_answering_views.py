"""Answering a survey page by page: partial saves, conditions, errors, one answer."""

import pytest
from django.urls import reverse

from entraide.surveys.models import Answer, Participation, Question, Response

pytestmark = pytest.mark.django_db


def url(s, survey=None, section=1):
    survey = survey or s.survey
    base = reverse(
        "surveys:answer", kwargs={"network": s.network.slug, "pk": survey.pk}
    )
    return f"{base}?section={section}"


def q(survey, text):
    return Question.objects.get(survey=survey, text__startswith=text)


def first_page(survey, **more):
    attends = q(survey, "Participez")
    return {f"q{attends.pk}": "Oui", "action": "next", **more}


def second_page(survey):
    ranking = q(survey, "Classez")
    data = {f"q{ranking.pk}_r{i}": str(5 - i) for i in range(5)}
    return {**data, "action": "send"}


@pytest.fixture
def opened(surveys):
    surveys.survey.status = "open"
    surveys.survey.save()
    return surveys


def test_named_partial_save_then_resume(client, opened):
    s = opened
    s.survey.is_anonymous = False
    s.survey.save()
    client.force_login(s.educator)
    reflect = q(s.survey, "Qu'en retirez")
    response = client.post(
        url(s), first_page(s.survey, **{f"q{reflect.pk}": "Des idées"})
    )
    assert response.status_code == 302
    assert response["Location"].endswith("?section=2")
    draft = Response.objects.get(survey=s.survey, respondent=s.educator)
    assert draft.submitted_at is None
    assert draft.answers.count() == 2
    page = client.get(url(s)).content.decode()
    assert "Des idées" in page
    assert 'value="Oui"' in page and "checked" in page
    listing = client.get(reverse("surveys:to_answer", kwargs={"network": "mcq"}))
    assert "En cours" in listing.content.decode()
    response = client.post(url(s, section=2), second_page(s.survey))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.submitted_at is not None
    assert draft.job_role == "educator"
    assert draft.subregion == s.subregion_a
    assert Participation.objects.filter(survey=s.survey, user=s.educator).exists()
    ranking = Answer.objects.get(response=draft, question=q(s.survey, "Classez"))
    assert ranking.value[0] == s.survey.questions.get(kind="ranking").options[4]
    listing = client.get(reverse("surveys:to_answer", kwargs={"network": "mcq"}))
    assert "Répondu" in listing.content.decode()


def test_hidden_question_answer_is_dropped(client, opened):
    s = opened
    s.survey.is_anonymous = False
    s.survey.save()
    client.force_login(s.educator)
    attends = q(s.survey, "Participez")
    reflect = q(s.survey, "Qu'en retirez")
    client.post(url(s), {f"q{attends.pk}": "Non", f"q{reflect.pk}": "x"})
    answers = Answer.objects.filter(response__respondent=s.educator)
    assert list(answers.values_list("question_id", flat=True)) == [attends.pk]


def test_condition_from_an_earlier_section_hides_the_question(client, opened):
    s = opened
    attends = q(s.survey, "Participez")
    theme = q(s.survey, "Un autre thème")
    theme.condition_question = attends
    theme.condition_value = "Oui"
    theme.save()
    client.force_login(s.educator)
    client.post(url(s), {f"q{attends.pk}": "Non"})
    page = client.get(url(s, section=2)).content.decode()
    assert "Un autre thème" not in page
    client.post(url(s), {f"q{attends.pk}": "Oui"})
    page = client.get(url(s, section=2)).content.decode()
    assert "Un autre thème" in page


def test_required_error_is_tied_to_its_field_and_keeps_typed_data(client, opened):
    s = opened
    client.force_login(s.educator)
    number = q(s.survey, "Depuis combien")
    response = client.post(url(s), {f"q{number.pk}": "12", "action": "next"})
    assert response.status_code == 200
    page = response.content.decode()
    attends = q(s.survey, "Participez")
    assert f'id="q{attends.pk}-error"' in page
    assert f'aria-describedby="q{attends.pk}-error"' in page
    assert "Répondez à cette question." in page
    assert 'value="12"' in page


def test_ranks_must_differ(client, opened):
    s = opened
    client.force_login(s.educator)
    client.post(url(s), first_page(s.survey))
    ranking = q(s.survey, "Classez")
    data = {f"q{ranking.pk}_r{i}": "1" for i in range(5)}
    response = client.post(url(s, section=2), {**data, "action": "send"})
    assert response.status_code == 200
    assert "un rang différent" in response.content.decode()


def test_one_answer_per_person(client, opened):
    s = opened
    client.force_login(s.educator)
    client.post(url(s), first_page(s.survey))
    client.post(url(s, section=2), second_page(s.survey))
    assert Response.objects.filter(survey=s.survey).count() == 1
    page = client.get(url(s)).content.decode()
    assert "Vous avez déjà répondu" in page
    client.post(url(s), first_page(s.survey))
    client.post(url(s, section=2), second_page(s.survey))
    assert Response.objects.filter(survey=s.survey).count() == 1


def test_named_survey_allowing_edits_reopens_the_response(client, opened):
    s = opened
    s.survey.is_anonymous = False
    s.survey.allow_edit = True
    s.survey.save()
    client.force_login(s.educator)
    client.post(url(s), first_page(s.survey))
    client.post(url(s, section=2), second_page(s.survey))
    page = client.get(url(s)).content.decode()
    assert "vous modifiez votre réponse" in page
    attends = q(s.survey, "Participez")
    client.post(url(s), {f"q{attends.pk}": "Non", "action": "next"})
    answer = Answer.objects.get(question=attends)
    assert answer.value == "Non"
    assert Response.objects.filter(survey=s.survey).count() == 1


def test_closed_and_not_yet_open_pages(client, opened):
    import datetime

    from django.utils import timezone

    s = opened
    client.force_login(s.educator)
    s.survey.opens_at = timezone.now() + datetime.timedelta(days=2)
    s.survey.save()
    response = client.get(url(s))
    assert response.status_code == 200
    assert "pas encore ouvert" in response.content.decode()
    s.survey.opens_at = None
    s.survey.status = "closed"
    s.survey.save()
    assert "est fermé" in client.get(url(s)).content.decode()


def test_manager_previews_a_draft_and_nothing_is_saved(client, surveys):
    s = surveys
    client.force_login(s.facilitator)
    response = client.post(url(s), first_page(s.survey))
    assert response.status_code == 302
    assert not Response.objects.exists()
    assert "Aperçu" in client.get(url(s)).content.decode()


def test_draft_is_hidden_from_members(client, surveys):
    client.force_login(surveys.educator)
    assert client.get(url(surveys)).status_code == 404


def test_public_link_for_a_visitor(client, opened):
    s = opened
    s.survey.audience = "public"
    s.survey.save()
    kwargs = {"network": "mcq", "token": s.survey.public_token}
    link = reverse("surveys:public_answer", kwargs=kwargs)
    assert client.post(link, first_page(s.survey)).status_code == 302
    response = client.post(f"{link}?section=2", second_page(s.survey))
    assert response["Location"] == reverse("surveys:public_thanks", kwargs=kwargs)
    assert Response.objects.get().respondent is None
    assert not Participation.objects.exists()
    assert "déjà répondu" in client.get(link).content.decode()


def test_thanks_shows_sanitised_markdown(client, opened):
    s = opened
    s.survey.thank_you = "**Merci** <script>alert(1)</script>"
    s.survey.save()
    client.force_login(s.educator)
    page = client.get(
        reverse("surveys:thanks", kwargs={"network": "mcq", "pk": s.survey.pk})
    ).content.decode()
    assert "<strong>Merci</strong>" in page
    assert "<script>alert" not in page


def test_to_answer_lists_open_surveys_that_ask_me(client, opened):
    client.force_login(opened.educator)
    page = client.get(reverse("surveys:to_answer", kwargs={"network": "mcq"}))
    assert "À remplir" in page.content.decode()
    client.force_login(opened.network_member)
    page = client.get(reverse("surveys:to_answer", kwargs={"network": "mcq"}))
    assert opened.survey.title not in page.content.decode()


@pytest.mark.parametrize("factor", [1, 10])
def test_answer_page_queries_stay_flat(
    client, opened, factor, django_assert_max_num_queries
):
    s = opened
    section = s.survey.sections.first()
    for i in range(8 * (factor - 1)):
        Question.objects.create(
            section=section,
            survey=s.survey,
            kind="short_text",
            text=f"Q{i}",
            position=20 + i,
        )
    client.force_login(s.educator)
    with django_assert_max_num_queries(14):
        assert client.get(url(s)).status_code == 200
