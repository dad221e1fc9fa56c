import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services
from entraide.meetings.models import Registration, Session


def _url(place, name, **kwargs):
    return reverse(f"meetings:{name}", kwargs=place.kwargs(**kwargs))


def _form(**overrides):
    starts = timezone.localtime(timezone.now() + timedelta(days=14))
    return {
        "title": "Accueillir les familles",
        "theme": "Familles",
        "description": "Nous parlerons **des familles**.",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "duration_minutes": "90",
        "format": "virtual",
        "video_url": "https://video.example/salle",
        "place": "",
        "capacity": "12",
        "status": "planned",
        **overrides,
    }


def test_facilitator_plans_a_session(client, place):
    client.force_login(place.facilitator)
    response = client.post(_url(place, "create"), _form())
    session = Session.objects.get()
    assert response.status_code == 302
    assert response["Location"] == session.get_absolute_url()
    assert (session.capacity, session.created_by) == (12, place.facilitator)
    page = client.get(session.get_absolute_url())
    assert "<strong>des familles</strong>" in page.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Donnez un titre à la rencontre."),
        ({"duration_minutes": "5"}, "Une rencontre dure au moins 15 minutes."),
        ({"duration_minutes": "1000"}, "au plus 12 heures"),
        ({"capacity": "0"}, "au moins 1"),
        ({"video_url": "ftp://video.example/x"}, "http:// ou https://"),
        ({"starts_at": "2020-01-01T10:00"}, "dans le passé"),
        ({"starts_at": "2026-02-31T10:00"}, "date et une heure valides"),
        ({"starts_at": "n'importe quoi"}, "date et une heure valides"),
    ],
)
def test_bad_input_gets_a_french_message_and_keeps_what_was_typed(
    client, place, overrides, message
):
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "create"), _form(theme="Thème très précis", **overrides)
    )
    content = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert message in content
    assert 'value="Thème très précis"' in content
    assert not Session.objects.exists()


def test_edit_changes_the_session_and_its_sequence(client, place):
    session = place.session()
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "edit", pk=session.pk), _form(title="Nouveau titre")
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title, session.sequence) == ("Nouveau titre", 1)


def test_educator_may_not_plan_or_edit(client, place):
    session = place.session()
    client.force_login(place.educator)
    assert client.post(_url(place, "create"), _form()).status_code == 403
    assert client.get(_url(place, "edit", pk=session.pk)).status_code == 403
    assert client.post(_url(place, "cancel", pk=session.pk)).status_code == 403
    assert Session.objects.count() == 1


def test_cancel_asks_then_cancels(client, place):
    session = place.session()
    services.register(session=session, user=place.educator)
    client.force_login(place.facilitator)
    assert client.get(_url(place, "cancel", pk=session.pk)).status_code == 200
    response = client.post(_url(place, "cancel", pk=session.pk), follow=True)
    assert "Les personnes inscrites sont avisées." in response.content.decode()
    session.refresh_from_db()
    assert session.is_cancelled()


def test_register_without_javascript_then_cancel(client, place):
    session = place.session()
    client.force_login(place.educator)
    response = client.post(_url(place, "register", pk=session.pk), follow=True)
    assert "Vous êtes inscrit à cette rencontre." in response.content.decode()
    assert Registration.objects.get().status == "registered"
    response = client.post(_url(place, "unregister", pk=session.pk), follow=True)
    assert "Votre inscription est annulée." in response.content.decode()
    assert Registration.objects.get().status == "cancelled"


def test_register_with_htmx_returns_the_registration_box(client, place):
    session = place.session(capacity=1)
    services.register(session=session, user=place.peer)
    client.force_login(place.educator)
    response = client.post(
        _url(place, "register", pk=session.pk), HTTP_HX_REQUEST="true"
    )
    content = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 200
    assert content.lstrip().startswith("<section")
    assert "liste d'attente" in content
    assert "<html" not in content


def test_register_to_a_cancelled_session_is_refused(client, place):
    session = services.cancel_session(session=place.session(), actor=place.facilitator)
    client.force_login(place.educator)
    assert client.post(_url(place, "register", pk=session.pk)).status_code == 403
    assert not Registration.objects.exists()


def test_session_of_another_community_is_not_found(client, place):
    session = place.session()
    client.force_login(place.foreign_admin)
    assert client.get(session.get_absolute_url()).status_code == 404
    client.force_login(place.outsider)
    assert client.get(session.get_absolute_url()).status_code == 404
    assert client.post(_url(place, "register", pk=session.pk)).status_code == 404
    assert not Registration.objects.exists()


def test_list_shows_upcoming_soonest_first_then_past_latest_first(client, place):
    now = timezone.now()
    later = place.session(title="Plus tard", starts_at=now + timedelta(days=20))
    soon = place.session(title="Bientôt", starts_at=now + timedelta(days=2))
    old = place.session(title="Ancienne")
    older = place.session(title="Très ancienne")
    Session.objects.filter(pk=old.pk).update(starts_at=now - timedelta(days=5))
    Session.objects.filter(pk=older.pk).update(starts_at=now - timedelta(days=50))
    client.force_login(place.educator)
    response = client.get(_url(place, "list"))
    titles = [s.title for s in response.context["sessions"]]
    assert titles == [soon.title, later.title, old.title, older.title]


def test_list_query_count_does_not_grow_with_sessions(
    client, place, django_assert_max_num_queries
):
    def fill(n):
        for i in range(n):
            session = place.session(title=f"Rencontre {i}")
            services.register(session=session, user=place.educator)

    client.force_login(place.educator)
    fill(2)
    with django_assert_max_num_queries(14) as small:
        client.get(_url(place, "list"))
    fill(18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(_url(place, "list"))


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("America/Moncton", "19\xa0h\xa000 (heure de l'Atlantique)"),
        ("America/Vancouver", "15\xa0h\xa000 (heure du Pacifique)"),
        ("America/Toronto", "18\xa0h\xa000 (heure de l'Est)"),
    ],
)
def test_time_is_shown_in_the_viewer_zone_with_its_name(client, place, zone, expected):
    starts = datetime(2027, 1, 12, 23, 0, tzinfo=UTC)  # 18 h in Montréal
    session = place.session(starts_at=starts)
    place.educator.time_zone = zone
    place.educator.save()
    client.force_login(place.educator)
    content = client.get(session.get_absolute_url()).content.decode()
    assert expected in content.replace("&#x27;", "'")


def test_registrants_are_for_facilitators_and_csv_is_formula_safe(client, place):
    session = place.session()
    trap = make_member(
        place.network, "trap@mcq.example", first_name="=HYPERLINK(1)", last_name="+1"
    )
    CommunityMembership.objects.create(community=place.community, user=trap)
    services.register(session=session, user=trap)
    services.register(session=session, user=place.educator)
    client.force_login(place.educator)
    assert client.get(_url(place, "registrants", pk=session.pk)).status_code == 403
    assert client.get(_url(place, "registrants_csv", pk=session.pk)).status_code == 403
    client.force_login(place.facilitator)
    page = client.get(_url(place, "registrants", pk=session.pk))
    assert "Julie Tremblay" in page.content.decode()
    response = client.get(_url(place, "registrants_csv", pk=session.pk))
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Prénom", "Nom", "Courriel"]
    assert ["'=HYPERLINK(1)", "'+1", "trap@mcq.example"] == rows[1][:3]
    assert rows[2][:3] == ["Julie", "Tremblay", "educator@mcq.example"]


def test_community_page_shows_upcoming_sessions_to_members(client, place):
    place.session(title="Prochaine rencontre sur le jeu")
    url = reverse("communities:detail", kwargs=place.kwargs())
    client.force_login(place.educator)
    assert "Prochaine rencontre sur le jeu" in client.get(url).content.decode()
    client.force_login(place.manager)
    assert "Prochaine rencontre sur le jeu" not in client.get(url).content.decode()


@pytest.mark.parametrize("starts_at", ["9999-12-31T23:59", "0001-01-01T00:00"])
def test_dates_at_the_edge_of_the_calendar_are_refused_not_crashed(
    client, place, starts_at
):
    client.force_login(place.facilitator)
    response = client.post(_url(place, "create"), _form(starts_at=starts_at))
    assert response.status_code == 200
    assert "Entrez une date entre 2000 et 2100." in response.content.decode()
    assert not Session.objects.exists()
