"""Agenda services: order, moves, proposals and who is told of them."""

import threading
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.meetings.models import AgendaItem, AgendaStatus
from entraide.meetings.services import agenda
from entraide.notifications.kinds import render_title
from entraide.notifications.models import Notification


def _titles(session):
    return list(
        AgendaItem.objects.filter(session=session, status=AgendaStatus.ACCEPTED)
        .order_by("position")
        .values_list("title", "position")
    )


def _add(place, session, title, **fields):
    return agenda.add_item(
        session=session, actor=place.facilitator, title=title, **fields
    )


def test_facilitator_items_are_accepted_and_appended_last(place):
    session = place.session()
    for title in ("Accueil", "Partage", "Bilan"):
        _add(place, session, title, duration_minutes=10)
    assert _titles(session) == [("Accueil", 1), ("Partage", 2), ("Bilan", 3)]
    assert set(AgendaItem.objects.values_list("status", flat=True)) == {"accepted"}


def test_title_is_required_and_trimmed(place):
    session = place.session()
    with pytest.raises(ValidationError) as error:
        _add(place, session, "   ")
    assert "title" in error.value.message_dict
    assert _add(place, session, "  Accueil ").title == "Accueil"


@pytest.mark.parametrize("minutes", [0, 721])
def test_duration_out_of_range_is_refused(place, minutes):
    with pytest.raises(ValidationError) as error:
        _add(place, place.session(), "Accueil", duration_minutes=minutes)
    assert "duration_minutes" in error.value.message_dict


def test_move_up_and_down_renumbers_without_gaps(place):
    session = place.session()
    a, b, c = (_add(place, session, t) for t in ("A", "B", "C"))
    agenda.move_item(item=c, direction="up")
    assert _titles(session) == [("A", 1), ("C", 2), ("B", 3)]
    agenda.move_item(item=a, direction="down")
    assert _titles(session) == [("C", 1), ("A", 2), ("B", 3)]
    # At the edges nothing moves.
    agenda.move_item(item=c, direction="up")
    agenda.move_item(item=b, direction="down")
    assert _titles(session) == [("C", 1), ("A", 2), ("B", 3)]


def test_move_repairs_an_order_with_gaps_or_ties(place):
    session = place.session()
    a, b, c = (_add(place, session, t) for t in ("A", "B", "C"))
    AgendaItem.objects.filter(pk__in=[a.pk, b.pk]).update(position=5)
    AgendaItem.objects.filter(pk=c.pk).update(position=9)
    agenda.move_item(item=AgendaItem.objects.get(pk=c.pk), direction="up")
    assert _titles(session) == [("A", 1), ("C", 2), ("B", 3)]


def test_delete_closes_the_gap(place):
    session = place.session()
    _, b, _ = (_add(place, session, t) for t in ("A", "B", "C"))
    agenda.delete_item(item=b, actor=place.facilitator)
    assert _titles(session) == [("A", 1), ("C", 2)]


def test_a_proposal_waits_outside_the_order_and_tells_the_facilitators(place):
    co = make_member(place.network, "co@mcq.example")
    CommunityMembership.objects.create(
        community=place.community, user=co, role="co_facilitator"
    )
    session = place.session()
    _add(place, session, "Accueil")
    item = agenda.propose_item(
        session=session, actor=place.educator, title="Le jeu libre"
    )
    assert (item.status, item.position, item.proposed_by) == (
        "proposed",
        0,
        place.educator,
    )
    assert _titles(session) == [("Accueil", 1)]
    told = Notification.objects.filter(kind="meetings.agenda_proposed")
    assert set(told.values_list("recipient", flat=True)) == {
        place.facilitator.pk,
        co.pk,
    }
    title = render_title("meetings.agenda_proposed", told.first().context)
    assert "Julie Tremblay propose le point « Le jeu libre »" in title


def test_accepting_appends_the_proposal_and_tells_the_proposer(place):
    session = place.session()
    _add(place, session, "Accueil")
    item = agenda.propose_item(session=session, actor=place.educator, title="Jeu")
    agenda.accept_item(item=item, actor=place.facilitator)
    assert _titles(session) == [("Accueil", 1), ("Jeu", 2)]
    note = Notification.objects.get(kind="meetings.agenda_accepted")
    assert note.recipient == place.educator
    assert note.url == session.get_absolute_url()
    with pytest.raises(ValidationError):
        agenda.accept_item(item=item, actor=place.facilitator)


def test_declining_keeps_it_out_and_tells_the_proposer_the_reason(place):
    session = place.session()
    item = agenda.propose_item(session=session, actor=place.educator, title="Jeu")
    agenda.decline_item(
        item=item, actor=place.facilitator, reason="Déjà vu en octobre."
    )
    item.refresh_from_db()
    assert (item.status, item.position) == ("declined", 0)
    note = Notification.objects.get(kind="meetings.agenda_declined")
    assert note.recipient == place.educator
    assert note.context["reason"] == "Déjà vu en octobre."
    extras = agenda.declined_email_extras(note)
    assert extras.details[0].value == "Déjà vu en octobre."
    with pytest.raises(ValidationError):
        agenda.accept_item(item=item, actor=place.facilitator)


def test_decline_reason_is_limited(place):
    item = agenda.propose_item(
        session=place.session(), actor=place.educator, title="Jeu"
    )
    with pytest.raises(ValidationError) as error:
        agenda.decline_item(item=item, actor=place.facilitator, reason="x" * 1001)
    assert "reason" in error.value.message_dict
    item.refresh_from_db()
    assert item.status == "proposed"


def test_presenter_must_be_a_member_of_the_community(place):
    session = place.session()
    with pytest.raises(ValidationError) as error:
        _add(place, session, "Accueil", presenter=place.outsider)
    assert "membre de la communauté" in error.value.message_dict["presenter"][0]
    item = _add(place, session, "Accueil", presenter=place.peer)
    with pytest.raises(ValidationError):
        agenda.update_item(item=item, actor=place.facilitator, presenter=place.outsider)
    item.refresh_from_db()
    assert item.presenter == place.peer
    with pytest.raises(ValidationError):
        agenda.propose_item(
            session=session, actor=place.educator, title="X", presenter=place.outsider
        )
    assert not AgendaItem.objects.filter(title="X").exists()


def test_a_member_presenter_replaces_a_guest_name(place):
    item = _add(
        place,
        place.session(),
        "Accueil",
        presenter=place.peer,
        presenter_name="Invitée",
    )
    assert (item.presenter, item.presenter_name) == (place.peer, "")
    guest = _add(place, item.session, "Conférence", presenter_name=" Dre Roy ")
    assert (guest.presenter, guest.presenter_name) == (None, "Dre Roy")


def test_update_ignores_fields_that_are_not_the_items_own(place):
    session = place.session()
    other = place.session(starts_at=session.starts_at + timedelta(days=7))
    item = _add(place, session, "Accueil")
    agenda.update_item(
        item=item,
        actor=place.facilitator,
        title="Accueil des familles",
        session=other,
        status="declined",
        position=40,
    )
    item.refresh_from_db()
    assert (item.title, item.session, item.status, item.position) == (
        "Accueil des familles",
        session,
        "accepted",
        1,
    )


def test_moving_a_proposal_is_refused(place):
    item = agenda.propose_item(
        session=place.session(), actor=place.educator, title="Jeu"
    )
    with pytest.raises(ValidationError):
        agenda.move_item(item=item, direction="up")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)
def test_two_facilitators_reordering_at_once_keep_a_clean_order(place):
    session = place.session()
    items = [_add(place, session, f"Point {i}") for i in range(6)]
    proposals = [
        agenda.propose_item(session=session, actor=place.educator, title=f"P{i}")
        for i in range(3)
    ]
    jobs = [("move", item, "up" if i % 2 else "down") for i, item in enumerate(items)]
    jobs += [("accept", item, None) for item in proposals]
    jobs *= 2
    barrier = threading.Barrier(len(jobs))
    errors = []

    def run(job):
        action, item, direction = job
        try:
            barrier.wait()
            if action == "move":
                agenda.move_item(item=item, direction=direction)
            else:
                agenda.accept_item(item=item, actor=place.facilitator)
        except ValidationError:
            pass  # the second acceptance of one proposal
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    positions = [position for _, position in _titles(session)]
    assert positions == list(range(1, 10))


def test_proposer_gets_an_email_with_the_reason_in_their_language(
    place, smtp, django_capture_on_commit_callbacks
):
    session = place.session(title="Le jeu libre")
    item = agenda.propose_item(session=session, actor=place.educator, title="Parc")
    place.educator.language = "en"
    place.educator.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        agenda.decline_item(
            item=item, actor=place.facilitator, reason="Déjà vu en octobre."
        )
    [message] = smtp.to(place.educator.email)
    assert 'your item "Parc" was not accepted for "Le jeu libre"' in message["Subject"]
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Reason: Déjà vu en octobre." in text
