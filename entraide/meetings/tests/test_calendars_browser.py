"""Browser story of calendar feeds and the participation record, with axe."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import Attendance, CalendarFeed, Session

pytestmark = pytest.mark.browser


def test_educator_subscribes_her_calendar_and_reads_her_participation(
    page, live_server, place, settings
):
    settings.SITE_URL = live_server.url
    session = Session.objects.create(
        community=place.community,
        title="Le jeu libre",
        starts_at=datetime(2026, 3, 10, 18, tzinfo=ZoneInfo("America/Toronto")),
        duration_minutes=150,
    )
    Attendance.objects.create(session=session, user=place.educator, status="present")

    sign_in(page, live_server, "educator@mcq.example")
    page.get_by_role("link", name="Mes rencontres", exact=True).click()
    expect(page.get_by_role("heading", name="Mes calendriers", level=1)).to_be_visible()
    create = page.get_by_role("button", name="Créer une adresse d'abonnement")
    expect(create).to_have_count(2)
    assert_accessible(page, context="calendars, no feed")
    create.first.click()
    expect(page.get_by_text("Votre adresse d'abonnement est prête.")).to_be_visible()
    feed = CalendarFeed.objects.get(user=place.educator)
    field = page.get_by_label("Adresse d'abonnement (secrète)")
    expect(field).to_have_value(
        f"{live_server.url}/r/mes-rencontres/calendriers/{feed.token}.ics"
    )
    assert_accessible(page, context="calendars with a feed")

    page.get_by_role("link", name="Ma participation").first.click()
    expect(page.get_by_role("cell", name="2\u00a0h\u00a030").first).to_be_visible()
    expect(page.get_by_role("link", name="Le jeu libre")).to_be_visible()
    assert_accessible(page, context="participation")
