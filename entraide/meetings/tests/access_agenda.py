"""Access rules of the agenda pages (gathered in access.py).

Members see accepted points and their documents and may propose; facilitators do
everything else. A proposal here is the community member's own, so that member
sees it (403 on the facilitators' actions rather than 404).
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from entraide.core.testing import Rule
from entraide.meetings.tests.access_common import (
    FACILITATOR_ACTS,
    FACILITATOR_ONLY,
    READERS,
    WRITERS,
)
from entraide.meetings.tests.access_common import _session as _access_session

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _session(world):
    _access_session(world)
    return world.extra["current_session"]


def _item(world):
    from entraide.meetings.services import agenda

    session = _session(world)
    world.extra["agenda_item"] = agenda.add_item(
        session=session,
        actor=world.people["facilitator"],
        title="Accueil",
        duration_minutes=10,
    )
    # A second point, so the first can move down and the second up.
    agenda.add_item(session=session, actor=world.people["facilitator"], title="Bilan")


def _proposal(world):
    from entraide.meetings.services import agenda

    world.extra["agenda_item"] = agenda.propose_item(
        session=_session(world),
        actor=world.people["community_member"],
        title="Le jeu libre",
    )


def _document(world):
    from entraide.meetings.services import agenda

    _item(world)
    world.extra["agenda_document"] = agenda.attach_document(
        item=world.extra["agenda_item"],
        actor=world.people["facilitator"],
        uploaded=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )


def _session_kwargs(world):
    session = world.extra["current_session"]
    return {
        "network": world.network.slug,
        "community": world.community.slug,
        "pk": session.pk,
    }


def _item_kwargs(world):
    return {**_session_kwargs(world), "item": world.extra["agenda_item"].pk}


def _document_kwargs(world):
    return {**_item_kwargs(world), "document": world.extra["agenda_document"].pk}


def _item_data(world):
    return {"title": "Tour de table", "duration_minutes": "15", "description": ""}


def _file_data(world):
    return {"file": SimpleUploadedFile("ordre.pdf", PDF, "application/pdf")}


def _setup_session(world):
    _session(world)


RULES = [
    Rule(
        "meetings:agenda_add",
        kwargs=_session_kwargs,
        setup=_setup_session,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:agenda_add",
        method="POST",
        kwargs=_session_kwargs,
        setup=_setup_session,
        data=_item_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_propose",
        kwargs=_session_kwargs,
        setup=_setup_session,
        expect=READERS,
    ),
    Rule(
        "meetings:agenda_propose",
        method="POST",
        kwargs=_session_kwargs,
        setup=_setup_session,
        data=_item_data,
        expect=WRITERS,
    ),
    Rule(
        "meetings:agenda_edit",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:agenda_edit",
        method="POST",
        kwargs=_item_kwargs,
        setup=_item,
        data=_item_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_delete",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:agenda_delete",
        method="POST",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_up",
        method="POST",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_down",
        method="POST",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_accept",
        method="POST",
        kwargs=_item_kwargs,
        setup=_proposal,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_decline",
        kwargs=_item_kwargs,
        setup=_proposal,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:agenda_decline",
        method="POST",
        kwargs=_item_kwargs,
        setup=_proposal,
        data={"reason": "Déjà vu."},
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_documents",
        kwargs=_item_kwargs,
        setup=_item,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "meetings:agenda_documents",
        method="POST",
        kwargs=_item_kwargs,
        setup=_item,
        data=_file_data,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "meetings:agenda_document",
        kwargs=_document_kwargs,
        setup=_document,
        expect=READERS,
    ),
    Rule(
        "meetings:agenda_document_remove",
        method="POST",
        kwargs=_document_kwargs,
        setup=_document,
        expect=FACILITATOR_ACTS,
    ),
]
