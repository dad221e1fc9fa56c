"""The programme, themes and planner pages: happy paths, bad input, access."""

from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entraide.meetings.models import Session, SessionStatus, YearTheme
from entraide.meetings.services import planning as services

AUGUST = datetime(2026, 8, 15, 16, 0, tzinfo=UTC)
SEASON = 2026


@pytest.fixture(autouse=True)
def august():
    with time_machine.travel(AUGUST, tick=False):
        yield


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(place, name, **extra):
    return reverse(f"meetings:{name}", kwargs=place.kwargs(**extra))


def cadence(**overrides):
    data = {
        "preset": "monthly",
        "count": "",
        "first_month": "9",
        "last_month": "6",
        "weekday": "0",
        "week": "2",
        "start_time": "18:30",
        "duration_minutes": "90",
        "format": "virtual",
        "step": "propose",
    }
    data.update(overrides)
    return data


def rows(*values):
    data = {"rows-TOTAL_FORMS": str(len(values)), "rows-INITIAL_FORMS": "0"}
    for index, (keep, starts_at, title) in enumerate(values):
        if keep:
            data[f"rows-{index}-keep"] = "on"
        data[f"rows-{index}-starts_at"] = starts_at
        data[f"rows-{index}-title"] = title
        data[f"rows-{index}-theme"] = ""
        data[f"rows-{index}-note"] = ""
    return data


def planner_url(place, season=SEASON):
    return url(place, "planner", season=season)


# Pages


def test_programme_page_shows_themes_and_sessions_in_the_viewer_zone(place):
    services.set_year_themes(
        community=place.community,
        season=SEASON,
        titles=["Le jeu libre"],
        actor=place.facilitator,
    )
    place.session(
        title="Ouverture",
        theme="Le jeu libre",
        starts_at=datetime(2026, 9, 8, 22, 30, tzinfo=UTC),
    )
    place.session(title="Hors saison", starts_at=datetime(2027, 9, 20, 22, tzinfo=UTC))
    place.educator.time_zone = "America/Moncton"
    place.educator.save()
    response = client_for(place.educator).get(url(place, "programme"))
    # Mid-August 2026: the current season is still 2025–2026.
    assert response.context["season"] == 2025
    response = client_for(place.educator).get(
        url(place, "programme_season", season=SEASON)
    )
    page = unescape(response.content.decode())
    assert "Le jeu libre" in page and "Ouverture" in page
    assert "Hors saison" not in page
    assert "19\xa0h\xa030 (heure de l'Atlantique)" in page
    assert "Planifier la saison" not in page


def test_session_list_links_to_the_programme(place):
    page = client_for(place.educator).get(url(place, "list")).content.decode()
    assert url(place, "programme") in page


def test_facilitator_sets_the_themes_one_per_line(place):
    response = client_for(place.facilitator).post(
        url(place, "programme_themes", season=SEASON),
        {"titles": "Le jeu libre\r\n\r\nLes familles\r\n"},
    )
    assert response.status_code == 302
    assert list(
        YearTheme.objects.order_by("position").values_list("title", flat=True)
    ) == ["Le jeu libre", "Les familles"]
    page = client_for(place.facilitator).get(
        url(place, "programme_themes", season=SEASON)
    )
    assert "Le jeu libre\nLes familles" in page.content.decode()


def test_a_too_long_theme_is_shown_with_the_typed_text(place):
    typed = "Court\n" + "x" * 250
    response = client_for(place.facilitator).post(
        url(place, "programme_themes", season=SEASON), {"titles": typed}
    )
    assert response.status_code == 200
    assert "dépasse 200 caractères" in response.content.decode()
    assert response.context["form"]["titles"].value() == typed
    assert not YearTheme.objects.exists()


def test_proposed_dates_carry_the_themes_and_the_moves(place):
    services.set_year_themes(
        community=place.community,
        season=SEASON,
        titles=["Accueil", "Le jeu"],
        actor=place.facilitator,
    )
    response = client_for(place.facilitator).post(planner_url(place), cadence())
    assert response.status_code == 200
    forms = response.context["formset"].forms
    assert len(forms) == 10
    assert forms[0]["title"].value() == "Accueil"
    assert forms[1]["title"].value() == "Le jeu"
    assert forms[2]["title"].value() == "Rencontre 3"
    page = unescape(response.content.decode())
    assert "Déplacée : Action de grâce" in page
    assert 'value="2026-10-19T18:30"' in page
    assert "heure de l'Est" in page


def test_three_to_four_preset_proposes_four_dates(place):
    response = client_for(place.facilitator).post(
        planner_url(place), cadence(preset="three_four", weekday="1")
    )
    values = [f["starts_at"].value() for f in response.context["formset"].forms]
    assert [v.date().isoformat() for v in values] == [
        "2026-09-08",
        "2026-12-08",
        "2027-02-09",
        "2027-05-11",
    ]


def test_defaults_come_from_the_community(place):
    place.community.season_start_month = 8
    place.community.season_end_month = 5
    place.community.sessions_per_year_max = 6
    place.community.save()
    response = client_for(place.facilitator).get(planner_url(place))
    form = response.context["cadence_form"]
    assert form["first_month"].value() == 8 and form["last_month"].value() == 5
    assert form["preset"].value() == "custom" and form["count"].value() == 6
    assert "août 2026" in response.content.decode()


def test_a_day_that_already_has_a_session_is_flagged_and_left_out(place):
    place.session(title="Déjà là", starts_at=datetime(2026, 9, 14, 22, 30, tzinfo=UTC))
    response = client_for(place.facilitator).post(planner_url(place), cadence())
    first = response.context["rows"][0]
    assert first["existing"] == "Déjà là"
    assert first["form"]["keep"].value() is False
    assert response.context["rows"][1]["form"]["keep"].value() is True
    assert "Une rencontre est déjà prévue ce jour-là : Déjà là" in unescape(
        response.content.decode()
    )


def test_creating_the_rows_makes_the_sessions(place):
    data = {
        **cadence(step="create", duration_minutes="75"),
        **rows(
            (True, "2026-09-14T18:30", "Accueil"),
            (False, "2026-10-19T18:30", "Écartée"),
            (True, "2026-11-16T19:00", "Le jeu"),
        ),
    }
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 302
    assert response.url == url(place, "programme_season", season=SEASON)
    sessions = list(Session.objects.order_by("starts_at"))
    assert [s.title for s in sessions] == ["Accueil", "Le jeu"]
    assert sessions[1].starts_at == datetime(2026, 11, 17, 0, 0, tzinfo=UTC)
    assert sessions[0].duration_minutes == 75
    assert sessions[0].status == SessionStatus.PLANNED


def test_a_row_in_the_past_keeps_everything_and_creates_nothing(place):
    data = {
        **cadence(step="create"),
        **rows(
            (True, "2026-09-14T18:30", "Accueil"),
            (True, "2026-08-01T18:30", "Trop tôt"),
        ),
    }
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 200
    forms = response.context["formset"].forms
    assert forms[1].errors["starts_at"] == [
        "Une nouvelle rencontre ne peut pas commencer dans le passé."
    ]
    assert not forms[0].errors
    assert forms[1]["title"].value() == "Trop tôt"
    assert not Session.objects.exists()
    assert "Aucune rencontre n'a été créée" in unescape(response.content.decode())


@pytest.mark.parametrize(
    "row, field, message",
    [
        (
            (True, "2026-13-40T18:30", "Accueil"),
            "starts_at",
            "Entrez une date et une heure valides (AAAA-MM-JJ HH:MM).",
        ),
        ((True, "", "Accueil"), "starts_at", "Indiquez la date et l'heure de début."),
        ((True, "2026-09-14T18:30", ""), "title", "Donnez un titre à la rencontre."),
    ],
)
def test_a_bad_row_gets_its_message(place, row, field, message):
    data = {**cadence(step="create"), **rows(row)}
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors[field] == [message]
    assert not Session.objects.exists()


def test_a_bad_row_left_out_does_not_block_the_others(place):
    data = {
        **cadence(step="create"),
        **rows((True, "2026-09-14T18:30", "Accueil"), (False, "n'importe", "")),
    }
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 302
    assert Session.objects.count() == 1


def test_no_row_kept_says_so(place):
    data = {**cadence(step="create"), **rows((False, "2026-09-14T18:30", "A"))}
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 200
    assert "Cochez au moins une rencontre à créer." in response.content.decode()


def test_going_back_to_the_cadence_keeps_it(place):
    response = client_for(place.facilitator).post(
        planner_url(place), cadence(step="edit", start_time="19:15")
    )
    assert response.status_code == 200
    assert response.context["cadence_form"]["start_time"].value() == "19:15"
    assert "formset" not in response.context


@pytest.mark.parametrize(
    "overrides, field, message",
    [
        (
            {"first_month": "5", "last_month": "9"},
            "last_month",
            "Le dernier mois doit venir après le premier.",
        ),
        ({"preset": "custom", "count": "0"}, "count", "Indiquez au moins 1 rencontre."),
        (
            {"preset": "custom", "count": "53"},
            "count",
            "Indiquez au plus 52 rencontres (une par semaine).",
        ),
        (
            {"preset": "custom", "count": ""},
            "count",
            "Indiquez le nombre de rencontres.",
        ),
        ({"preset": "custom", "count": "trois"}, "count", "Entrez un nombre entier."),
        (
            {"start_time": "25:99"},
            "start_time",
            "Entrez une heure valide (HH:MM), p. ex. 18:30.",
        ),
        ({"start_time": ""}, "start_time", "Indiquez l'heure de début."),
        (
            {"duration_minutes": "5"},
            "duration_minutes",
            "Une rencontre dure au moins 15 minutes.",
        ),
        ({"weekday": "9"}, "weekday", "Choisissez un jour de la semaine."),
        ({"first_month": "13"}, "first_month", "Choisissez un mois de la saison."),
        ({"preset": "hebdo"}, "preset", None),
    ],
)
def test_bad_cadence_gets_a_message_on_its_field(place, overrides, field, message):
    response = client_for(place.facilitator).post(
        planner_url(place), cadence(**overrides)
    )
    assert response.status_code == 200
    form = response.context["cadence_form"]
    assert field in form.errors
    if message:
        assert form.errors[field] == [message]
    for name, value in overrides.items():
        assert form[name].value() in (value, int(value) if value.isdigit() else value)


def test_too_many_sessions_for_the_months_is_explained(place):
    response = client_for(place.facilitator).post(
        planner_url(place),
        cadence(preset="custom", count="12", first_month="9", last_month="10"),
    )
    assert (
        "Au plus 6 rencontres tiennent dans ces mois"
        in (response.context["cadence_form"].errors["count"][0])
    )


def test_tampered_management_form_is_an_error_not_a_500(place):
    data = {**cadence(step="create"), "rows-TOTAL_FORMS": "999"}
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 200
    assert not Session.objects.exists()


@pytest.mark.parametrize("season", [1999, 2100, 99999])
def test_seasons_out_of_range_are_404(place, season):
    client = client_for(place.facilitator)
    assert client.get(url(place, "programme_season", season=season)).status_code == 404
    assert client.get(planner_url(place, season)).status_code == 404


# Permissions truth table

ROLES = ("anonymous", "educator", "facilitator", "outsider", "manager", "foreign_admin")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("programme", (302, 200, 200, 404, 404, 404)),
        ("programme_season", (302, 200, 200, 404, 404, 404)),
        ("programme_themes", (302, 403, 200, 404, 404, 404)),
        ("planner", (302, 403, 200, 404, 404, 404)),
    ],
)
def test_who_may_open_each_page(place, name, expected):
    extra = {} if name == "programme" else {"season": SEASON}
    for role, status in zip(ROLES, expected, strict=True):
        user = None if role == "anonymous" else getattr(place, role)
        response = client_for(user).get(url(place, name, **extra))
        assert response.status_code == status, (name, role)


@pytest.mark.parametrize(
    "role, status", [("educator", 403), ("outsider", 404), ("facilitator", 302)]
)
def test_only_facilitators_create_sessions(place, role, status):
    data = {**cadence(step="create"), **rows((True, "2026-09-14T18:30", "Accueil"))}
    response = client_for(getattr(place, role)).post(planner_url(place), data)
    assert response.status_code == status
    assert Session.objects.count() == (1 if status == 302 else 0)


def test_archived_community_programme_is_read_only(place):
    place.community.archived_at = AUGUST
    place.community.save()
    client = client_for(place.facilitator)
    page = client.get(url(place, "programme_season", season=SEASON))
    assert page.status_code == 200
    assert "Planifier la saison" not in page.content.decode()
    assert client.get(planner_url(place)).status_code == 403
    response = client.post(
        url(place, "programme_themes", season=SEASON), {"titles": "A"}
    )
    assert response.status_code == 403
    assert not YearTheme.objects.exists()


# Query counts


def test_programme_page_queries_do_not_grow_with_sessions(
    place, django_assert_max_num_queries
):
    client = client_for(place.educator)
    target = url(place, "programme_season", season=SEASON)

    def fill(count):
        for day in range(count):
            place.session(
                title=f"R{day}",
                theme="T",
                starts_at=datetime(2026, 9, 1, 22, tzinfo=UTC) + timedelta(days=day),
            )
        services.set_year_themes(
            community=place.community,
            season=SEASON,
            titles=[f"Thème {n}" for n in range(count)],
            actor=place.facilitator,
        )

    fill(3)
    client.get(target)
    with CaptureQueriesContext(connection) as small:
        client.get(target)
    Session.objects.all().delete()
    fill(30)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(target)
    assert len(response.context["sessions"]) == 30


def test_a_date_moved_onto_a_holiday_is_flagged(place):
    data = {
        **cadence(step="create"),
        **rows(
            (True, "2026-10-12T18:30", "Action"),
            (True, "2026-12-15T18:30", ""),
        ),
    }
    response = client_for(place.facilitator).post(planner_url(place), data)
    assert response.status_code == 200
    closed = [row["closed"] for row in response.context["rows"]]
    assert closed == ["Action de grâce", None]
    assert "Ce jour-là : Action de grâce." in unescape(response.content.decode())
