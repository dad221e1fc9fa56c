"""Agenda pages: adding, proposing, accepting, moving; bad input; query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings.models import AgendaItem
from entraide.meetings.services import agenda
from entraide.notifications.models import Notification

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _url(place, name, session, **kwargs):
    return reverse(f"meetings:{name}", kwargs=place.kwargs(pk=session.pk, **kwargs))


def _form(**overrides):
    return {
        "title": "Le jeu libre à l'extérieur",
        "duration_minutes": "20",
        "presenter": "",
        "presenter_name": "",
        "description": "Retour sur **la sortie** au parc.",
        **overrides,
    }


def _add(place, session, title, **fields):
    return agenda.add_item(
        session=session, actor=place.facilitator, title=title, **fields
    )


def test_facilitator_adds_an_item_shown_with_duration_presenter_and_markdown(
    client, place
):
    session = place.session()
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "agenda_add", session), _form(presenter=str(place.peer.pk))
    )
    assert response.status_code == 302
    assert response["Location"] == f"{session.get_absolute_url()}#agenda"
    item = AgendaItem.objects.get()
    assert (item.status, item.position, item.presenter) == ("accepted", 1, place.peer)
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Ordre du jour" in page
    assert "Le jeu libre à l&#x27;extérieur" in page
    assert "20 minutes" in page
    assert "Présenté par Élise Gagnon" in page
    assert "<strong>la sortie</strong>" in page


def test_a_guest_presenter_is_named_as_such(client, place):
    session = place.session()
    _add(place, session, "Conférence", presenter_name="Dre Nadia Roy")
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Présenté par Dre Nadia Roy (personne invitée)" in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "Donnez un titre au point."),
        ({"title": "   "}, "title", "Donnez un titre au point."),
        ({"title": "x" * 201}, "title", "au plus 200 caractères"),
        ({"duration_minutes": "abc"}, "duration_minutes", "en minutes"),
        ({"duration_minutes": "0"}, "duration_minutes", "au moins 1 minute"),
        ({"duration_minutes": "721"}, "duration_minutes", "au plus 12 heures"),
        ({"description": "x" * 5001}, "description", "au plus 5 000"),
        ({"presenter": "999999"}, "presenter", "membre de la communauté"),
        (
            {"presenter": "PEER", "presenter_name": "Invitée"},
            "presenter_name",
            "pas les deux",
        ),
    ],
)
@pytest.mark.parametrize("action", ["agenda_add", "agenda_propose"])
def test_bad_input_gets_a_french_message_and_keeps_what_was_typed(
    client, place, overrides, field, message, action
):
    session = place.session()
    if overrides.get("presenter") == "PEER":
        overrides = {**overrides, "presenter": str(place.peer.pk)}
    client.force_login(place.facilitator if action == "agenda_add" else place.educator)
    data = _form(**{"description": "Mon texte à garder", **overrides})
    response = client.post(_url(place, action, session), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert message in " ".join(form.errors[field])
    content = response.content.decode()
    if "description" not in overrides:
        assert "Mon texte à garder" in content
    assert f'id="id_{field}_error"' in content
    assert not AgendaItem.objects.exists()


def test_outsider_as_presenter_is_refused_even_if_posted_directly(client, place):
    session = place.session()
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "agenda_add", session), _form(presenter=str(place.outsider.pk))
    )
    assert response.status_code == 200
    assert "membre de la communauté" in str(response.context["form"].errors)


def test_member_proposes_from_the_session_page_and_sees_it_waiting(client, place):
    session = place.session()
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Proposer un point" in page
    assert _url(place, "agenda_propose", session) in page
    response = client.post(_url(place, "agenda_propose", session), _form())
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert (item.status, item.proposed_by) == ("proposed", place.educator)
    assert Notification.objects.filter(
        kind="meetings.agenda_proposed", recipient=place.facilitator
    ).exists()
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Mes propositions" in page
    assert "En attente de l'animation" in page


def test_proposals_are_seen_by_facilitators_and_their_proposer_only(client, place):
    session = place.session()
    proposal = agenda.propose_item(
        session=session, actor=place.educator, title="Proposition secrète"
    )
    declined = agenda.propose_item(
        session=session, actor=place.educator, title="Refusée en douce"
    )
    agenda.decline_item(item=declined, actor=place.facilitator)
    client.force_login(place.peer)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Proposition secrète" not in page
    assert "Refusée en douce" not in page
    # Another member cannot reach it by its number either.
    for name in ("agenda_edit", "agenda_decline", "agenda_documents"):
        assert (
            client.get(_url(place, name, session, item=proposal.pk)).status_code == 404
        )
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Proposition secrète" in page
    assert "Refusée en douce" in page
    client.force_login(place.facilitator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "1 proposition à traiter" in page
    assert "Proposition secrète" in page
    assert "1 proposition non retenue" in page


def test_facilitator_accepts_with_htmx_and_gets_the_list_back(client, place):
    session = place.session()
    _add(place, session, "Accueil")
    item = agenda.propose_item(session=session, actor=place.educator, title="Jeu")
    client.force_login(place.facilitator)
    response = client.post(
        _url(place, "agenda_accept", session, item=item.pk), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<div id="agenda-list"')
    assert "« Jeu » est ajouté à l&#x27;ordre du jour." in content
    assert "<html" not in content
    item.refresh_from_db()
    assert (item.status, item.position) == ("accepted", 2)
    assert Notification.objects.filter(
        kind="meetings.agenda_accepted", recipient=place.educator
    ).exists()
    # Twice: a message, never a 500.
    again = client.post(_url(place, "agenda_accept", session, item=item.pk))
    assert again.status_code == 302


def test_facilitator_declines_with_a_reason(client, place):
    session = place.session()
    item = agenda.propose_item(session=session, actor=place.educator, title="Jeu")
    client.force_login(place.facilitator)
    url = _url(place, "agenda_decline", session, item=item.pk)
    assert "Motif" in client.get(url).content.decode()
    too_long = client.post(url, {"reason": "x" * 1001})
    assert too_long.status_code == 200
    assert "au plus 1 000 caractères" in too_long.content.decode()
    response = client.post(url, {"reason": "Déjà vu en octobre."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "declined"
    note = Notification.objects.get(kind="meetings.agenda_declined")
    assert (note.recipient, note.context["reason"]) == (
        place.educator,
        "Déjà vu en octobre.",
    )


def test_move_works_with_and_without_htmx(client, place):
    session = place.session()
    first, second = _add(place, session, "Accueil"), _add(place, session, "Bilan")
    client.force_login(place.facilitator)
    response = client.post(_url(place, "agenda_up", session, item=second.pk))
    assert response.status_code == 302
    assert list(
        AgendaItem.objects.order_by("position").values_list("title", flat=True)
    ) == ["Bilan", "Accueil"]
    response = client.post(
        _url(place, "agenda_up", session, item=first.pk), HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert "« Accueil » est maintenant le point 1." in content
    assert content.index("Accueil") < content.index("Bilan")
    assert client.get(_url(place, "agenda_up", session, item=first.pk)).status_code == (
        405
    )


def test_edit_and_delete_an_item(client, place):
    session = place.session()
    item = _add(place, session, "Accueil")
    agenda.attach_document(
        item=item,
        actor=place.facilitator,
        uploaded=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    client.force_login(place.facilitator)
    edit_url = _url(place, "agenda_edit", session, item=item.pk)
    assert 'value="Accueil"' in client.get(edit_url).content.decode()
    client.post(edit_url, _form(title="Accueil des familles"))
    item.refresh_from_db()
    assert item.title == "Accueil des familles"
    delete_url = _url(place, "agenda_delete", session, item=item.pk)
    page = client.get(delete_url).content.decode()
    assert "Son document sera supprimé." in page
    assert client.post(delete_url).status_code == 302
    assert not AgendaItem.objects.exists()


def test_total_duration_warns_when_over_the_session(client, place):
    session = place.session(duration_minutes=90)
    _add(place, session, "A", duration_minutes=60)
    _add(place, session, "B", duration_minutes=35)
    _add(place, session, "C")
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "95 minutes prévues sur 90" in page
    assert "dépasse la durée de la rencontre" in page
    assert page.index(">A<") < page.index(">B<") < page.index(">C<")


def test_no_proposals_once_the_session_is_over_or_cancelled(client, place):
    session = place.session()
    client.force_login(place.facilitator)
    client.post(reverse("meetings:cancel", kwargs=place.kwargs(pk=session.pk)))
    client.force_login(place.educator)
    page = client.get(session.get_absolute_url()).content.decode()
    assert "Proposer un point" not in page
    assert client.post(_url(place, "agenda_propose", session), _form()).status_code == (
        403
    )


def _fill(place, session, n):
    for i in range(n):
        item = _add(
            place,
            session,
            f"Point {session.agenda_items.count()}",
            duration_minutes=5,
            presenter=place.peer if i % 2 else None,
        )
        agenda.attach_document(
            item=item,
            actor=place.facilitator,
            uploaded=SimpleUploadedFile(f"doc{i}.pdf", PDF, "application/pdf"),
        )
        agenda.propose_item(session=session, actor=place.educator, title=f"Idée {i}")


@pytest.mark.parametrize("who", ["facilitator", "educator", "peer"])
def test_session_page_query_count_does_not_grow_with_the_agenda(
    client, place, django_assert_max_num_queries, who
):
    session = place.session()
    for i in range(5):
        person = make_member(place.network, f"m{i}@mcq.example")
        CommunityMembership.objects.create(community=place.community, user=person)
    client.force_login(getattr(place, who))
    _fill(place, session, 2)
    with django_assert_max_num_queries(40) as small:
        assert client.get(session.get_absolute_url()).status_code == 200
    _fill(place, session, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(session.get_absolute_url())
    assert "doc19.pdf" in page.content.decode()
