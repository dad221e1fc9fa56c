"""Pages of attendance, minutes and follow-ups: forms, bad input, HTMX, CSV, queries."""

import csv
import io
import re
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from entraide.accounts.models import User
from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings import services as session_services
from entraide.meetings.models import Attendance, FollowUp, Session, SessionStatus
from entraide.meetings.services import records


def _url(place, name, session, **kwargs):
    return reverse(f"meetings:{name}", kwargs=place.kwargs(pk=session.pk, **kwargs))


def _past(place, days_ago=2, **fields):
    session = place.session(**fields)
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(days=days_ago)
    )
    session.refresh_from_db()
    return session


def _text(response) -> str:
    return response.content.decode().replace("&#x27;", "'")


def test_facilitator_takes_attendance_and_the_session_is_held(client, place):
    session = place.session()
    session_services.register(session=session, user=place.peer)
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - timedelta(days=1)
    )
    client.force_login(place.facilitator)
    page = client.get(_url(place, "attendance", session))
    content = _text(page)
    assert page.status_code == 200
    assert "<caption>" in content and 'scope="row"' in content
    assert content.index("Élise Gagnon") < content.index("Julie Tremblay")
    response = client.post(
        _url(place, "attendance", session),
        {
            f"status_{place.peer.pk}": "present",
            f"status_{place.educator.pk}": "excused",
        },
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("user", "status")) == {
        place.peer.pk: "present",
        place.educator.pk: "excused",
    }
    assert Session.objects.get(pk=session.pk).status == SessionStatus.HELD
    detail = _text(client.get(session.get_absolute_url()))
    assert "1 présence" in detail and "1 absence motivée" in detail


def test_everyone_present_marks_the_whole_sheet(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "attendance", session),
        {"everyone_present": "1", f"status_{place.peer.pk}": "absent"},
    )
    assert response["Location"] == _url(place, "attendance", session)
    assert set(Attendance.objects.values_list("status", flat=True)) == {"present"}
    assert Attendance.objects.count() == 3


def test_an_unknown_status_is_shown_on_its_row_and_the_rest_is_kept(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "attendance", session),
        {
            f"status_{place.peer.pk}": "peut-être",
            f"status_{place.educator.pk}": "excused",
        },
    )
    content = _text(response)
    assert response.status_code == 200
    assert "Choisissez présente ou présent" in content
    assert 'class="row-error"' in content
    kept = rf'name="status_{place.educator.pk}" value="excused"[^>]*checked'
    assert re.search(kept, content)
    assert not Attendance.objects.exists()


def test_attendance_csv_neutralises_formulas(client, place):
    session = _past(place)
    evil = make_member(
        place.network, "evil@mcq.example", first_name="=HYPERLINK(1)", last_name="@x"
    )
    CommunityMembership.objects.create(community=place.community, user=evil)
    records.record_attendance(
        session=session, actor=place.facilitator, statuses={evil.pk: "present"}
    )
    client.force_login(place.facilitator)
    response = client.get(_url(place, "attendance_csv", session))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Prénom", "Nom", "Courriel", "Inscription", "Présence"]
    row = next(r for r in rows if r[2] == "evil@mcq.example")
    assert row[:2] == ["'=HYPERLINK(1)", "'@x"]
    assert row[4] == "Présente ou présent"
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_minutes_are_drafted_then_published_to_members(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "minutes", session),
        {
            "minutes": "Nous avons parlé **du jeu libre**.",
            "decisions": "Essayer la cour d'école\n\nInviter une conseillère\n",
        },
    )
    assert response.status_code == 302
    client.force_login(place.educator)
    page = _text(client.get(session.get_absolute_url()))
    assert "du jeu libre" not in page
    assert "Le compte rendu n'est pas encore publié." in page
    client.force_login(place.facilitator)
    draft = _text(client.get(session.get_absolute_url()))
    assert "Brouillon" in draft and "<strong>du jeu libre</strong>" in draft
    response = client.post(_url(place, "minutes_publish", session), follow=True)
    assert "Les membres de la communauté sont avisés." in _text(response)
    client.force_login(place.educator)
    page = _text(client.get(session.get_absolute_url()))
    assert "<strong>du jeu libre</strong>" in page
    assert "<li>Inviter une conseillère</li>" in page
    client.force_login(place.facilitator)
    again = client.post(_url(place, "minutes_publish", session), follow=True)
    assert "mis à jour" in _text(again)


def test_minutes_with_script_are_sanitised(client, place):
    session = _past(place)
    records.save_minutes(
        session=session,
        actor=place.facilitator,
        minutes="<script>alert(1)</script> [x](javascript:alert(1))",
        decisions=["<script>alert(2)</script>"],
    )
    records.publish_minutes(session=session, actor=place.facilitator)
    client.force_login(place.educator)
    content = client.get(session.get_absolute_url()).content.decode()
    assert "<script>alert" not in content
    assert 'href="javascript' not in content


def test_publishing_empty_minutes_says_why(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    response = client.post(_url(place, "minutes_publish", session), follow=True)
    assert "Rédigez le compte rendu avant de le publier." in _text(response)


def test_a_conflicting_save_keeps_the_typed_text_and_shows_the_other(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    form = client.get(_url(place, "minutes", session))
    version = form.context["form"]["version"].value()
    records.save_minutes(
        session=session,
        actor=place.facilitator,
        minutes="Version de Marc",
        decisions=[],
    )
    response = client.post(
        _url(place, "minutes", session),
        {"minutes": "Ma version à moi", "decisions": "", "version": version},
    )
    content = _text(response)
    assert response.status_code == 200
    assert "Quelqu'un d'autre a modifié le compte rendu" in content
    assert "Ma version à moi" in content and "Version de Marc" in content
    retry = client.post(
        _url(place, "minutes", session),
        {
            "minutes": "Ma version à moi",
            "decisions": "",
            "version": response.context["form"]["version"].value(),
        },
    )
    assert retry.status_code == 302
    assert Session.objects.get(pk=session.pk).minutes == "Ma version à moi"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"due_on": "2027-02-30"}, "Entrez une date valide (AAAA-MM-JJ)."),
        ({"due_on": "9999-01-01"}, "Entrez une date entre 2000 et 2100."),
        ({"due_on": "demain"}, "Entrez une date valide (AAAA-MM-JJ)."),
        ({"description": ""}, "Décrivez le suivi à faire."),
        ({"assignee": "999999"}, "Choisissez une personne membre de la communauté."),
    ],
)
def test_bad_follow_up_input_gets_a_message_and_keeps_what_was_typed(
    client, place, overrides, message
):
    session = _past(place)
    client.force_login(place.facilitator)
    data = {
        "description": "Partager la trousse d'accueil",
        "assignee": str(place.educator.pk),
        "due_on": "2027-01-15",
        **overrides,
    }
    response = client.post(_url(place, "follow_up_create", session), data)
    content = _text(response)
    assert response.status_code == 200
    assert message in content
    if overrides.get("description") is None:
        assert 'value="Partager la trousse d\'accueil"' in content
    if "due_on" in overrides:
        assert f'value="{overrides["due_on"]}"' in content
    assert not FollowUp.objects.exists()


def test_an_outsider_cannot_be_given_a_follow_up(client, place):
    session = _past(place)
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "follow_up_create", session),
        {"description": "Quelque chose", "assignee": str(place.outsider.pk)},
    )
    assert "Choisissez une personne membre de la communauté." in _text(response)
    assert not FollowUp.objects.exists()


def test_follow_ups_are_added_and_carried_to_the_next_session(client, place):
    october = _past(place, title="Octobre")
    december = place.session(title="Décembre")
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "follow_up_create", october),
        {
            "description": "Envoyer la grille",
            "assignee": str(place.educator.pk),
            "due_on": "2027-01-15",
            "another": "1",
        },
    )
    assert response["Location"] == _url(place, "follow_up_create", october)
    client.force_login(place.educator)
    page = _text(client.get(december.get_absolute_url()))
    assert "Suivis des rencontres précédentes" in page
    assert "Envoyer la grille" in page and "Julie Tremblay" in page
    assert f'href="{october.get_absolute_url()}#suivis"' in page
    done = FollowUp.objects.get()
    records.update_follow_up(follow_up=done, actor=place.facilitator, status="done")
    page = _text(client.get(december.get_absolute_url()))
    assert "Suivis des rencontres précédentes" not in page


def test_the_assignee_changes_the_status_with_htmx(client, place):
    october = _past(place, title="Octobre")
    december = place.session(title="Décembre")
    follow_up = records.add_follow_up(
        session=october,
        actor=place.facilitator,
        description="Envoyer la grille",
        assignee=place.educator,
        due_on=date(2027, 1, 15),
    )
    client.force_login(place.educator)
    context = client.get(december.get_absolute_url()).context
    assert [f.pk for f in context["carried_follow_ups"]] == [follow_up.pk]
    assert context["carried_follow_ups"][0].can_update
    response = client.post(
        _url(place, "follow_up_edit", october, follow_up=follow_up.pk),
        {"quick": "1", "status": "done", "origin": "1", "next": "/"},
        headers={"HX-Request": "true"},
    )
    content = _text(response)
    assert response.status_code == 200
    assert content.startswith("<li") and "Le suivi est mis à jour." in content
    assert "Octobre" in content
    follow_up.refresh_from_db()
    assert follow_up.status == "done" and follow_up.closed_at is not None
    assert (
        list(client.get(december.get_absolute_url()).context["carried_follow_ups"])
        == []
    )


def test_the_status_form_works_without_javascript_and_comes_back(client, place):
    october = _past(place, title="Octobre")
    december = place.session(title="Décembre")
    follow_up = records.add_follow_up(
        session=october,
        actor=place.facilitator,
        description="Envoyer la grille",
        assignee=place.educator,
    )
    client.force_login(place.educator)
    back = december.get_absolute_url()
    response = client.post(
        _url(place, "follow_up_edit", october, follow_up=follow_up.pk),
        {"quick": "1", "status": "in_progress", "next": back},
    )
    assert response["Location"] == back
    evil = client.post(
        _url(place, "follow_up_edit", october, follow_up=follow_up.pk),
        {"quick": "1", "status": "done", "next": "https://evil.example/"},
    )
    assert evil["Location"] == f"{october.get_absolute_url()}#suivis"


def test_an_unknown_follow_up_status_is_refused_with_a_message(client, place):
    october = _past(place)
    follow_up = records.add_follow_up(
        session=october,
        actor=place.facilitator,
        description="Envoyer la grille",
        assignee=place.educator,
    )
    client.force_login(place.educator)
    url = _url(place, "follow_up_edit", october, follow_up=follow_up.pk)
    plain = client.post(url, {"quick": "1", "status": "fini"})
    assert plain.status_code == 200
    assert "Choisissez un statut de la liste." in _text(plain)
    htmx = client.post(
        url, {"quick": "1", "status": "fini"}, headers={"HX-Request": "true"}
    )
    assert "Choisissez un statut de la liste." in _text(htmx)
    assert 'aria-invalid="true"' in _text(htmx)
    follow_up.refresh_from_db()
    assert follow_up.status == "open"


def test_the_facilitator_edits_a_follow_up_in_full(client, place):
    october = _past(place)
    follow_up = records.add_follow_up(
        session=october, actor=place.facilitator, description="Envoyer la grille"
    )
    client.force_login(place.facilitator)
    url = _url(place, "follow_up_edit", october, follow_up=follow_up.pk)
    assert "Suivi à faire" in _text(client.get(url))
    response = client.post(
        url,
        {
            "description": "Envoyer la grille révisée",
            "assignee": str(place.peer.pk),
            "due_on": "2027-02-01",
            "status": "in_progress",
        },
    )
    assert response.status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.description, follow_up.assignee, follow_up.due_on) == (
        "Envoyer la grille révisée",
        place.peer,
        date(2027, 2, 1),
    )


def test_another_member_cannot_change_someone_elses_follow_up(client, place):
    october = _past(place)
    follow_up = records.add_follow_up(
        session=october,
        actor=place.facilitator,
        description="Envoyer la grille",
        assignee=place.educator,
    )
    client.force_login(place.peer)
    url = _url(place, "follow_up_edit", october, follow_up=follow_up.pk)
    assert client.post(url, {"quick": "1", "status": "done"}).status_code == 403
    other = place.session(title="Autre")
    wrong = _url(place, "follow_up_edit", other, follow_up=follow_up.pk)
    client.force_login(place.facilitator)
    assert client.get(wrong).status_code == 404
    follow_up.refresh_from_db()
    assert follow_up.status == "open"


def _grow(place, session, *, people: int, follow_ups: int):
    users = []
    for n in range(people):
        # No password: hashing dozens of them would only slow the test down.
        user = User.objects.create_user(
            f"p{session.pk}-{n}-{people}@mcq.example", None, first_name=f"P{n}"
        )
        CommunityMembership.objects.create(community=place.community, user=user)
        users.append(user)
    records.record_attendance(
        session=session,
        actor=place.facilitator,
        statuses={u.pk: "present" for u in users},
    )
    for n in range(follow_ups):
        records.add_follow_up(
            session=session,
            actor=place.facilitator,
            description=f"Suivi {n}",
            assignee=users[n % len(users)],
        )
    records.save_minutes(
        session=session,
        actor=place.facilitator,
        minutes="Texte",
        decisions=[f"Décision {n}" for n in range(follow_ups)],
    )


@pytest.mark.parametrize("page", ["attendance", "detail", "next_detail"])
def test_queries_stay_constant_with_ten_times_the_data(
    client, place, django_assert_max_num_queries, page
):
    small, large = _past(place, days_ago=20), _past(place, days_ago=10)
    _grow(place, small, people=3, follow_ups=2)
    next_session = place.session(title="Suivante")
    client.force_login(place.facilitator)

    def url():
        if page == "attendance":
            return _url(place, "attendance", small)
        if page == "detail":
            return small.get_absolute_url()
        return next_session.get_absolute_url()

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as baseline:
        assert client.get(url()).status_code == 200
    _grow(place, large, people=30, follow_ups=20)
    if page != "next_detail":
        # The larger data on the same page.
        _grow(place, small, people=27, follow_ups=18)
    with django_assert_max_num_queries(len(baseline)):
        assert client.get(url()).status_code == 200
