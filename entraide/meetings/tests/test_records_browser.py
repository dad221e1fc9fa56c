"""Browser story of a session's records, with axe on every page visited."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import Attendance, FollowUp, Session

pytestmark = pytest.mark.browser


def test_facilitator_takes_attendance_writes_minutes_and_the_next_session_shows_follow_ups(  # noqa: E501
    page, live_server, place
):
    october = place.session(title="Les transitions dans la journée")
    Session.objects.filter(pk=october.pk).update(
        starts_at=timezone.now() - timedelta(days=6)
    )
    december = place.session(title="Les routines du repas")
    page.set_viewport_size({"width": 360, "height": 800})

    sign_in(page, live_server, "facilitator@mcq.example")
    page.goto(f"{live_server.url}{october.get_absolute_url()}")
    page.get_by_role("link", name="Prendre les présences").click()
    assert_accessible(page, context="attendance sheet")
    page.get_by_role("button", name="Tout le monde présent").click()
    expect(page.get_by_text("Tout le monde est noté présent.")).to_be_visible()
    row = page.get_by_role("row", name="Élise Gagnon")
    row.get_by_label("Absence motivée").check()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page.get_by_text("Les présences sont enregistrées.")).to_be_visible()
    expect(page.get_by_text("2 présences")).to_be_visible()
    assert_accessible(page, context="session with attendance")
    assert Attendance.objects.filter(status="excused").count() == 1

    page.get_by_role("link", name="Rédiger le compte rendu").click()
    page.get_by_label("Compte rendu").fill("Nous avons parlé **des pictogrammes**.")
    page.get_by_label("Décisions").fill(
        "Essayer un tableau de pictogrammes\nChanter la même chanson au rangement"
    )
    assert_accessible(page, context="minutes form")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_role("button", name="Publier le compte rendu").click()
    expect(page.get_by_text("Le compte rendu est publié.")).to_be_visible()

    page.get_by_role("link", name="Ajouter un suivi").click()
    page.get_by_label("Suivi à faire (obligatoire)").fill(
        "Déposer les pictogrammes imprimables"
    )
    page.get_by_label("Responsable").select_option(label="Julie Tremblay")
    page.get_by_label("Échéance").fill("9999-12-31")
    page.get_by_role("button", name="Enregistrer et ajouter un autre suivi").click()
    expect(page.get_by_text("Entrez une date entre 2000 et 2100.")).to_be_visible()
    assert_accessible(page, context="follow-up form with an error")
    page.get_by_label("Échéance").fill("2027-01-15")
    page.get_by_role("button", name="Enregistrer et ajouter un autre suivi").click()
    expect(page.get_by_text("Le suivi est ajouté.")).to_be_visible()
    page.get_by_label("Suivi à faire (obligatoire)").fill("Recueillir les chansons")
    page.get_by_label("Responsable").select_option(label="Élise Gagnon")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.get_by_text("Recueillir les chansons", exact=True)).to_be_visible()
    assert FollowUp.objects.count() == 2

    sign_in(page, live_server, "educator@mcq.example")
    page.goto(f"{live_server.url}{december.get_absolute_url()}")
    carried = page.locator("#suivis-precedents")
    expect(carried.get_by_role("heading")).to_have_text(
        "Suivis des rencontres précédentes"
    )
    expect(
        carried.get_by_text("Déposer les pictogrammes imprimables", exact=True)
    ).to_be_visible()
    expect(carried.get_by_text("Recueillir les chansons", exact=True)).to_be_visible()
    assert_accessible(page, context="next session with carried follow-ups")
    mine = carried.locator("li", has_text="Déposer les pictogrammes")
    mine.get_by_label("Statut du suivi").select_option(label="Fait")
    mine.get_by_role("button", name="Mettre à jour").click()
    expect(carried.get_by_text("Le suivi est mis à jour.")).to_be_visible()
    assert_accessible(page, context="after the HTMX status change")
    assert FollowUp.objects.get(assignee=place.educator).status == "done"
    page.reload()
    expect(
        page.get_by_text("Déposer les pictogrammes imprimables", exact=True)
    ).to_have_count(0)
    expect(page.get_by_text("Recueillir les chansons", exact=True)).to_be_visible()
    expect(page.get_by_text("des pictogrammes")).to_have_count(0)
