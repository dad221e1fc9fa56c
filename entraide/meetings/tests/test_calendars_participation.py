"""A person's participation record: sessions attended and hours, per year."""

import csv
import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from entraide.meetings.models import Attendance, Session
from entraide.meetings.selectors_calendars import participation_years
from entraide.meetings.views.calendars import duration_text

pytestmark = pytest.mark.django_db

PAGE = reverse("meetings:participation")
CSV = reverse("meetings:participation_csv")
VANCOUVER = ZoneInfo("America/Vancouver")
TORONTO = ZoneInfo("America/Toronto")


def _attended(place, user, starts_at, *, minutes=90, status="present", **fields):
    session = Session.objects.create(
        community=place.community,
        title=fields.pop("title", "Rencontre"),
        starts_at=starts_at,
        duration_minutes=minutes,
        **fields,
    )
    Attendance.objects.create(
        session=session, user=user, status=status, recorded_by=place.facilitator
    )
    return session


@pytest.mark.parametrize(
    ("minutes", "french", "english"),
    [
        (750, "12 h 30", "12 h 30 min"),
        (720, "12 h", "12 h"),
        (45, "45 min", "45 min"),
        (65, "1 h 05", "1 h 05 min"),
        (0, "0 min", "0 min"),
    ],
)
def test_hours_are_written_the_quebec_way_and_in_english(minutes, french, english):
    with translation.override("fr-ca"):
        assert duration_text(minutes) == french
    with translation.override("en"):
        assert duration_text(minutes) == english


def test_totals_per_year_newest_first_count_only_presence(place):
    you = place.educator
    _attended(place, you, datetime(2025, 3, 4, 18, tzinfo=TORONTO), minutes=90)
    _attended(place, you, datetime(2026, 2, 1, 18, tzinfo=TORONTO), minutes=120)
    _attended(place, you, datetime(2026, 5, 1, 18, tzinfo=TORONTO), minutes=30)
    _attended(place, you, datetime(2026, 6, 1, 18, tzinfo=TORONTO), status="absent")
    _attended(place, you, datetime(2026, 7, 1, 18, tzinfo=TORONTO), status="excused")
    _attended(place, place.peer, datetime(2026, 8, 1, 18, tzinfo=TORONTO))
    totals = [(t.year, t.sessions, t.minutes) for t in participation_years(you)]
    assert totals == [(2026, 2, 150), (2025, 1, 90)]


def test_new_years_eve_in_vancouver_counts_in_the_persons_own_zone(place):
    """23:30 on 31 December in Vancouver is already 2027 in Toronto."""
    evening = datetime(2026, 12, 31, 23, 30, tzinfo=VANCOUVER)
    west, east = place.educator, place.peer
    west.time_zone = "America/Vancouver"
    west.save()
    east.time_zone = "America/Toronto"
    east.save()
    _attended(place, west, evening, title="Réveillon")
    session = Session.objects.get()
    Attendance.objects.create(session=session, user=east, status="present")
    assert [t.year for t in participation_years(west)] == [2026]
    assert [t.year for t in participation_years(east)] == [2027]


def test_page_lists_the_years_and_the_sessions_of_the_chosen_year(client, place):
    you = place.educator
    you.time_zone = "America/Vancouver"
    you.save()
    _attended(
        place,
        you,
        datetime(2026, 12, 31, 23, 30, tzinfo=VANCOUVER),
        minutes=750,
        title="Réveillon pédagogique",
    )
    _attended(place, you, datetime(2025, 5, 5, 10, tzinfo=VANCOUVER), title="Mai")
    client.force_login(you)
    response = client.get(PAGE)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Réveillon pédagogique" in content
    assert "Mai</a>" not in content
    assert "12\u00a0h\u00a030" in content
    assert "31 décembre 2026" in content
    assert "(heure du Pacifique)" in content
    assert content.index(">2026</a>") < content.index(">2025</a>")
    older = client.get(PAGE, {"annee": "2025"}).content.decode()
    assert "Mai</a>" in older and "Réveillon pédagogique" not in older


@pytest.mark.parametrize("year", ["abc", "1999", "", "99999999999999999999", "\x00"])
def test_odd_year_shows_the_newest_year(client, place, year):
    _attended(place, place.educator, datetime(2026, 3, 3, 18, tzinfo=TORONTO))
    client.force_login(place.educator)
    response = client.get(PAGE, {"annee": year, "page": year})
    assert response.status_code == 200
    assert response.context["year"] == 2026


def test_page_without_attendance_says_so(client, place):
    client.force_login(place.educator)
    content = client.get(PAGE).content.decode()
    assert "Aucune présence" in content


def test_a_person_sees_only_their_own_record(client, place):
    _attended(
        place, place.peer, datetime(2026, 3, 3, 18, tzinfo=TORONTO), title="Élise"
    )
    client.force_login(place.educator)
    assert "Élise" not in client.get(PAGE).content.decode()
    rows = list(csv.reader(io.StringIO(client.get(CSV).content.decode("utf-8-sig"))))
    assert len(rows) == 1


def test_csv_has_rows_totals_and_neutralised_cells(client, place):
    you = place.educator
    _attended(
        place,
        you,
        datetime(2026, 3, 3, 18, tzinfo=TORONTO),
        minutes=90,
        title='=HYPERLINK("http://x")',
    )
    _attended(place, you, datetime(2026, 4, 3, 18, tzinfo=TORONTO), minutes=60)
    _attended(place, you, datetime(2025, 4, 3, 18, tzinfo=TORONTO), minutes=45)
    place.community.name = "@Pédagogie"
    place.community.save()
    client.force_login(you)
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, *body = rows
    assert header[0] == "Année"
    assert [row[0] for row in body] == ["2026", "2026", "2026", "2025", "2025"]
    assert body[1][4] == '\'=HYPERLINK("http://x")'
    assert body[1][3] == "'@Pédagogie"
    assert body[2][1:] == ["Total", "", "", "2 rencontres", "150", "2 h 30"]
    assert body[4][1:] == ["Total", "", "", "1 rencontre", "45", "45 min"]
    for row in body:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _year_of_sessions(place, count, offset):
    start = datetime(2026, 1, 2, 18, tzinfo=TORONTO)
    for number in range(count):
        _attended(
            place,
            place.educator,
            start + timedelta(days=offset + number, hours=number % 3),
        )
        _attended(
            place,
            place.educator,
            start.replace(year=2024) + timedelta(days=offset + number),
        )


@pytest.mark.parametrize("url", [PAGE, CSV])
def test_record_queries_do_not_grow_with_sessions(client, place, url):
    client.force_login(place.educator)
    _year_of_sessions(place, 3, 0)
    small = _queries(client, url)
    _year_of_sessions(place, 30, 10)
    assert _queries(client, url) == small
