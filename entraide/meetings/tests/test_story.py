"""The season of the pedagogy community, from planning to follow-ups, in a browser.

A facilitator plans the 2026–2027 year; an educator in Moncton registers and sees
Atlantic time; her confirmation arrives with its .ics; after the first session the
facilitator takes attendance and writes minutes with two follow-ups; the next
session's agenda shows them. axe runs on every page visited.
"""

from datetime import UTC, datetime

import pytest
import time_machine
from icalendar import Calendar
from playwright.sync_api import expect

from entraide.communities.models import CommunityMembership
from entraide.core.testing import assert_accessible, make_member, sign_in
from entraide.meetings.models import Attendance, FollowUp, Session

pytestmark = pytest.mark.browser

THEMES = (
    "Accueillir les familles",
    "Les routines du repas",
    "Le jeu libre à l'extérieur",
    "Bilan de l'année",
)


def _plan_the_year(page, live_server):
    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(f"{live_server.url}/r/mcq/communautes/pedagogie/rencontres/")
    page.get_by_role("link", name="Programme de l'année").click()
    page.get_by_role("link", name="Saison 2026–2027").click()
    page.get_by_role("link", name="Modifier les thèmes").click()
    assert_accessible(page, context="themes form")
    page.get_by_label("Thèmes de la saison, un par ligne").fill("\n".join(THEMES))
    page.get_by_role("button", name="Enregistrer les thèmes").click()
    expect(
        page.get_by_text("Les thèmes de la saison sont enregistrés.")
    ).to_be_visible()
    page.get_by_role("link", name="Planifier la saison").first.click()
    page.get_by_label("3 à 4 fois entre septembre et mai").check()
    page.get_by_label("Jour de la semaine (obligatoire)").select_option(label="mardi")
    page.get_by_label("Heure de début (obligatoire)").fill("18:00")
    page.get_by_role("button", name="Proposer des dates").click()
    expect(page.locator(".planner-row")).to_have_count(4)
    assert_accessible(page, context="proposed dates")
    page.get_by_role("button", name="Créer les rencontres").click()
    expect(page.get_by_text("4 rencontres sont créées.")).to_be_visible()
    assert_accessible(page, context="the year's programme")


def _register_from_moncton(page, live_server, first: Session):
    sign_in(page, live_server, "sophie@mcq.example")
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    # 18:00 in Trois-Rivières is 19:00 in Moncton.
    expect(page.get_by_text("19\xa0h\xa000 (heure de l'Atlantique)")).to_be_visible()
    assert_accessible(page, context="session seen from Moncton")
    page.get_by_role("button", name="M'inscrire").click()
    expect(
        page.locator("#registration").get_by_text(
            "Vous êtes inscrit à cette rencontre."
        )
    ).to_have_count(2)
    assert_accessible(page, context="registered")


def _confirmation_calendar(smtp, first: Session) -> Calendar:
    [message] = smtp.to("sophie@mcq.example")
    assert "est confirmée" in message["Subject"]
    assert "heure de l'Atlantique" in smtp.body(message)
    [attachment] = list(message.iter_attachments())
    assert attachment.get_content_type() == "text/calendar"
    return Calendar.from_ical(attachment.get_payload(decode=True))


def _record_the_first_session(page, live_server, first: Session):
    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    page.get_by_role("link", name="Prendre les présences").click()
    assert_accessible(page, context="attendance sheet")
    page.get_by_role("row", name="Sophie Leblanc").get_by_label(
        "Présente ou présent"
    ).check()
    page.get_by_role("row", name="Élise Gagnon").get_by_label("Absence motivée").check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text("Les présences sont enregistrées.")).to_be_visible()

    page.get_by_role("link", name="Rédiger le compte rendu").click()
    page.get_by_label("Compte rendu").fill(
        "Tour de table sur l'**accueil des familles** le matin."
    )
    page.get_by_label("Décisions").fill("Traduire le mot d'accueil en trois langues")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_role("button", name="Publier le compte rendu").click()
    expect(page.get_by_text("Le compte rendu est publié.")).to_be_visible()
    assert_accessible(page, context="published minutes")

    page.get_by_role("link", name="Ajouter un suivi").click()
    page.get_by_label("Suivi à faire (obligatoire)").fill(
        "Partager le mot d'accueil traduit"
    )
    page.get_by_label("Responsable").select_option(label="Sophie Leblanc")
    page.get_by_label("Échéance").fill("2026-11-30")
    page.get_by_role("button", name="Enregistrer et ajouter un autre suivi").click()
    expect(page.get_by_text("Le suivi est ajouté.")).to_be_visible()
    page.get_by_label("Suivi à faire (obligatoire)").fill(
        "Inviter une conseillère pédagogique du cégep"
    )
    page.get_by_label("Responsable").select_option(label="Marc Côté")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(
        page.get_by_text("Inviter une conseillère pédagogique du cégep", exact=True)
    ).to_be_visible()


def test_facilitator_runs_the_pedagogy_season_with_an_educator_in_moncton(
    page, live_server, place, smtp
):
    sophie = make_member(
        place.network,
        "sophie@mcq.example",
        first_name="Sophie",
        last_name="Leblanc",
        time_zone="America/Moncton",
    )
    CommunityMembership.objects.create(community=place.community, user=sophie)

    with time_machine.travel(datetime(2026, 8, 15, 16, tzinfo=UTC), tick=True):
        _plan_the_year(page, live_server)
        sessions = list(Session.objects.order_by("starts_at"))
        assert [s.theme for s in sessions] == list(THEMES)
        first, second = sessions[0], sessions[1]
        assert first.starts_at == datetime(2026, 9, 8, 22, tzinfo=UTC)
        _register_from_moncton(page, live_server, first)

    calendar = _confirmation_calendar(smtp, first)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"session-{first.pk}@entraide"
    assert event.decoded("DTSTART") == first.starts_at
    assert calendar.walk("VTIMEZONE")

    with time_machine.travel(datetime(2026, 9, 10, 14, tzinfo=UTC), tick=True):
        _record_the_first_session(page, live_server, first)
        assert Attendance.objects.get(user=sophie).status == "present"
        assert FollowUp.objects.count() == 2

        sign_in(page, live_server, "sophie@mcq.example")
        page.goto(f"{live_server.url}{second.get_absolute_url()}")
        carried = page.locator("#suivis-precedents")
        expect(
            carried.get_by_text("Partager le mot d'accueil traduit", exact=True)
        ).to_be_visible()
        expect(
            carried.get_by_text(
                "Inviter une conseillère pédagogique du cégep", exact=True
            )
        ).to_be_visible()
        assert_accessible(page, context="the next session's agenda")
        page.goto(f"{live_server.url}{first.get_absolute_url()}")
        expect(page.get_by_text("accueil des familles")).to_be_visible()
        assert_accessible(page, context="minutes seen by a member")
