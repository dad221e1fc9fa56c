"""A pedagogy lead answers the needs survey with the keyboard alone, on a phone:
Tab, Space, arrows, typing and Enter; the focus is visible at every step, the
error summary leads to the question to fix, axe on every page."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.surveys.models import Participation, Response, SurveyStatus
from entraide.surveys.tests.factories import THEMES

pytestmark = pytest.mark.browser

FOCUSED_TEXT = """() => {
  const e = document.activeElement;
  const label = e.labels && e.labels.length ? e.labels[0].textContent : "";
  return (label || e.textContent || e.value || "").trim();
}"""
FOCUS_VISIBLE = """() => {
  const e = document.activeElement;
  const style = getComputedStyle(e);
  return e !== document.body && e.matches(":focus-visible")
    && style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
}"""


def tab_to(page, text: str, *, limit: int = 60) -> None:
    """Press Tab until the focused control's label (or text) contains ``text``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if text in page.evaluate(FOCUSED_TEXT):
            assert page.evaluate(FOCUS_VISIBLE), f"focus not visible on {text!r}"
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_a_survey_answered_with_the_keyboard_alone(page, live_server, surveys):
    survey = surveys.survey
    survey.status = SurveyStatus.OPEN
    survey.save()
    person = surveys.leads_a[0]
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, person.email)
    page.goto(
        live_server.url
        + reverse("surveys:answer", kwargs={"network": "mcq", "pk": survey.pk})
    )
    assert_accessible(page, context="first section")

    # Sent without the required answer: the summary names the question, its link
    # brings the keyboard back to it.
    tab_to(page, "Enregistrer et continuer")
    page.keyboard.press("Enter")
    summary = page.locator("#survey-errors")
    expect(summary).to_contain_text("Une réponse est à revoir sur cette page.")
    assert_accessible(page, context="first section with an error")
    tab_to(page, "Participez-vous déjà à une communauté de pratique ?")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED_TEXT) == "Oui"
    described = page.evaluate(
        "() => document.activeElement.getAttribute('aria-describedby')"
    )
    assert page.locator(f"#{described}").inner_text() == "Répondez à cette question."
    page.keyboard.press("Space")
    expect(page.get_by_label("Oui", exact=True)).to_be_checked()

    tab_to(page, "Qu'en retirez-vous ?")
    page.keyboard.type("Des idées pour les routines du matin.")
    tab_to(page, "Le soir")
    page.keyboard.press("Space")
    # The scale is one radio group: Tab enters it, the arrows move the choice.
    tab_to(page, "1 — Pas du tout à l'aise")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert page.evaluate(FOCUSED_TEXT) == "4"
    tab_to(page, "Depuis combien d'années exercez-vous ?")
    page.keyboard.type("12")
    tab_to(page, "Enregistrer et continuer")
    page.keyboard.press("Enter")

    expect(page.get_by_text("Section 2 sur 2")).to_be_visible()
    assert_accessible(page, context="second section")
    # Ranks chosen by typing their number in each list.
    for rank, theme in enumerate(THEMES, start=1):
        tab_to(page, theme)
        page.keyboard.type(str(rank))
    tab_to(page, "Un autre thème ?")
    page.keyboard.type("Le sommeil des poupons")
    tab_to(page, "Envoyer")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Merci")
    assert_accessible(page, context="thanks")

    assert Participation.objects.filter(survey=survey, user=person).exists()
    [response] = Response.objects.filter(survey=survey, submitted_on__isnull=False)
    values = {
        a.question.kind: a.value for a in response.answers.select_related("question")
    }
    assert values["single"] == "Oui"
    assert values["long_text"] == "Des idées pour les routines du matin."
    assert values["multiple"] == ["Le soir"]
    assert values["scale"] == 4
    assert values["number"] == 12
    assert values["ranking"] == THEMES
    assert values["short_text"] == "Le sommeil des poupons"
