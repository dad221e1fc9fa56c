"""A facilitator builds a survey on a phone, axe on each page: from the template,
a section and a question of her own, a copy, a deletion asked first; a member
finds a closed survey closed."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.surveys.models import Question, Survey

pytestmark = pytest.mark.browser


def test_facilitator_builds_a_survey_from_the_template(page, live_server, surveys):
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, surveys.facilitator.email)
    page.goto(f"{live_server.url}{reverse('surveys:list', args=['mcq'])}")
    assert_accessible(page, context="survey list")
    page.get_by_role("link", name="Nouveau sondage").click()
    assert_accessible(page, context="survey form")
    page.get_by_label("Partir d'un modèle").select_option(
        label="Besoins d'une nouvelle communauté de pratique"
    )
    page.get_by_label("Titre (obligatoire)").fill("Nos besoins pour 2027-2028")
    page.get_by_label(re.compile("^Communauté")).select_option(
        label=surveys.community.name
    )
    page.get_by_label("Les membres d'une communauté").check()
    page.get_by_label("Anonymes : rien ne relie").check()
    page.get_by_role("button", name="Enregistrer").click()
    survey = Survey.objects.get(title="Nos besoins pour 2027-2028")
    assert survey.questions.count() > 0
    expect(page.get_by_role("heading", level=1)).to_contain_text(survey.title)
    assert_accessible(page, context="builder")

    page.get_by_role("link", name="Ajouter une section").click()
    assert_accessible(page, context="section form")
    page.get_by_label("Titre (obligatoire)").fill("Vos disponibilités")
    page.get_by_role("button", name="Enregistrer").click()
    page.get_by_role("link", name=re.compile("^Ajouter une question")).last.click()
    assert_accessible(page, context="question form")
    page.get_by_label("Type de question").select_option("single")
    page.get_by_label("Question (obligatoire)", exact=True).fill(
        "Quel soir vous convient ?"
    )
    page.get_by_label(re.compile("^Choix")).fill("Mardi\nMercredi\nJeudi")
    page.get_by_role("button", name="Enregistrer").click()
    asked = Question.objects.get(survey=survey, text="Quel soir vous convient ?")
    assert asked.options == ["Mardi", "Mercredi", "Jeudi"]

    page.goto(
        live_server.url
        + reverse(
            "surveys:question_delete",
            kwargs={"network": "mcq", "pk": survey.pk, "question": asked.pk},
        )
    )
    assert_accessible(page, context="question deletion")
    page.get_by_role("button", name="Supprimer").click()
    assert not Question.objects.filter(pk=asked.pk).exists()

    page.goto(f"{live_server.url}{survey.get_absolute_url()}")
    page.get_by_role("link", name="Dupliquer").first.click()
    assert_accessible(page, context="duplicate form")
    page.get_by_role("button", name="Dupliquer").click()
    assert Survey.objects.filter(title__startswith=survey.title).count() == 2

    Survey.objects.filter(pk=survey.pk).update(status="closed")
    sign_in(page, live_server, surveys.educator.email)
    page.goto(
        live_server.url
        + reverse("surveys:answer", kwargs={"network": "mcq", "pk": survey.pk})
    )
    assert_accessible(page, context="closed survey")
