"""The project lead invites the community to an open survey from her phone, then
sees where the emails stand; axe on each page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.surveys.models import Invitation, SurveyStatus

pytestmark = pytest.mark.browser


def test_lead_invites_the_community_and_sees_the_rate(page, live_server, surveys, smtp):
    survey = surveys.survey
    survey.status = SurveyStatus.OPEN
    survey.closes_at = timezone.now() + timedelta(days=10)
    survey.save()
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, surveys.lead.email)
    page.goto(f"{live_server.url}{survey.get_absolute_url()}")
    card = page.locator("#invitations")
    expect(card).to_contain_text("Personne n'a encore répondu (8 personnes visées).")
    assert_accessible(page, context="survey page with its invitations")
    card.get_by_role("link", name="Inviter 8 personnes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inviter à répondre")
    assert_accessible(page, context="invitation form")
    page.get_by_label("Mot d'accompagnement").fill(
        "Dix minutes pour choisir nos thèmes de l'an prochain. Merci!"
    )
    page.get_by_role("button", name="Envoyer à 8 personnes").click()
    expect(page.get_by_text("L'envoi à 8 personnes est lancé.")).to_be_visible()
    assert Invitation.objects.filter(mailing__survey=survey).count() == 8
    page.reload()
    table = page.get_by_role("table", name="Envois")
    expect(table).to_contain_text("Invitation")
    expect(table.locator("tbody tr td").nth(2)).to_have_text("8")
    expect(
        card.get_by_role("link", name=re.compile("^Relancer 8 personnes"))
    ).to_be_visible()
    assert_accessible(page, context="survey page after the invitations")
    messages = smtp.to(surveys.educator.email)
    assert len(messages) == 1
    assert "Dix minutes pour choisir nos thèmes" in smtp.body(messages[0])
