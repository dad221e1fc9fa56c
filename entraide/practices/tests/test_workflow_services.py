"""Each step of a sheet: the states it starts from, its history row, who is told."""

import pytest
from django.core.exceptions import ValidationError

from entraide.core.testing import make_member
from entraide.notifications.models import Notification
from entraide.practices.models import (
    Scope,
    SheetState,
    SheetTransition,
    SheetVersion,
    VersionKind,
)
from entraide.practices.services import workflow
from entraide.practices.tests.access_workflow import make_sheet

S = SheetState


def _formalised_version(sheet, actor):
    return SheetVersion.objects.create(
        sheet=sheet,
        number=sheet.versions.count() + 1,
        kind=VersionKind.FORMALISED,
        created_by=actor,
        title="Les routines du matin (version formalisée)",
        summary="Résumé",
        steps="Étapes",
    )


def _call(name, sheet, actor):
    """Each service with valid arguments."""
    if name == "formalise_sheet":
        version = _formalised_version(sheet, actor)
        return workflow.formalise_sheet(sheet=sheet, actor=actor, version=version)
    if name == "publish_sheet":
        _formalised_version(sheet, actor)
        return workflow.publish_sheet(sheet=sheet, actor=actor, scope=Scope.NETWORK)
    if name == "request_changes":
        return workflow.request_changes(sheet=sheet, actor=actor, comment="Préciser")
    if name == "decline_sheet":
        return workflow.decline_sheet(sheet=sheet, actor=actor, reason="Hors mandat")
    return getattr(workflow, name)(sheet=sheet, actor=actor)


# service: (states it starts from, state it leads to)
MOVES = {
    "submit_sheet": ({S.DRAFT, S.NEEDS_CHANGES}, S.SUBMITTED),
    "request_changes": ({S.SUBMITTED}, S.NEEDS_CHANGES),
    "retain_sheet": ({S.SUBMITTED}, S.RETAINED),
    "decline_sheet": ({S.SUBMITTED}, S.NOT_RETAINED),
    "send_to_scientific": ({S.RETAINED}, S.SENT_TO_SCIENTIFIC),
    "mark_evaluated": ({S.SENT_TO_SCIENTIFIC}, S.EVALUATED),
    "formalise_sheet": ({S.RETAINED, S.EVALUATED, S.FORMALISED}, S.FORMALISED),
    "publish_sheet": ({S.FORMALISED}, S.PUBLISHED),
    "revise_sheet": ({S.PUBLISHED}, S.FORMALISED),
}


@pytest.mark.parametrize("name", sorted(MOVES))
def test_each_step_starts_only_from_its_states_and_writes_one_history_row(
    inventory, name
):
    starts, goal = MOVES[name]
    for state in S:
        sheet = make_sheet(inventory.network, inventory.author, state=state)
        if state in starts:
            _call(name, sheet, inventory.lead)
            sheet.refresh_from_db()
            assert sheet.state == goal, (name, state)
            (row,) = SheetTransition.objects.filter(sheet=sheet)
            assert (row.actor, row.from_state, row.to_state) == (
                inventory.lead,
                state,
                goal,
            )
        else:
            with pytest.raises(ValidationError) as caught:
                _call(name, sheet, inventory.lead)
            assert "n'est plus à une étape qui le permet" in caught.value.messages[0]
            sheet.refresh_from_db()
            assert sheet.state == state
            assert not SheetTransition.objects.filter(sheet=sheet).exists()


def _told(kind):
    return set(
        Notification.objects.filter(kind=kind).values_list(
            "recipient__email", flat=True
        )
    )


def test_submitting_tells_the_representatives_of_the_sub_region_and_the_leads(
    inventory,
):
    sheet = make_sheet(
        inventory.network, inventory.author, subregion=inventory.subregion
    )
    workflow.submit_sheet(sheet=sheet, actor=inventory.author, comment="Merci!")
    sheet.refresh_from_db()
    assert sheet.state == S.SUBMITTED and sheet.submitted_at is not None
    assert _told("practices.submitted") == {"rep@mcq.example", "lead@mcq.example"}
    assert SheetTransition.objects.get(sheet=sheet).comment == "Merci!"


def test_a_sheet_without_sub_region_goes_to_every_representative(inventory):
    sheet = make_sheet(inventory.network, inventory.author)
    workflow.submit_sheet(sheet=sheet, actor=inventory.author)
    assert _told("practices.submitted") == {
        "rep@mcq.example",
        "rep-b@mcq.example",
        "lead@mcq.example",
    }


def test_a_sheet_is_not_submitted_without_its_title_summary_and_steps(inventory):
    sheet = make_sheet(inventory.network, inventory.author, summary="", steps=" ")
    with pytest.raises(ValidationError) as caught:
        workflow.submit_sheet(sheet=sheet, actor=inventory.author)
    message = caught.value.messages[0]
    assert "le résumé" in message and "la pratique, étape par étape" in message
    sheet.refresh_from_db()
    assert sheet.state == S.DRAFT
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    ("service", "kind"),
    [
        ("request_changes", "practices.needs_changes"),
        ("retain_sheet", "practices.retained"),
        ("decline_sheet", "practices.not_retained"),
    ],
)
def test_decisions_reach_the_author_and_co_authors_only(inventory, service, kind):
    co_author = make_member(inventory.network, "co@mcq.example")
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    sheet.co_authors.add(co_author)
    _call(service, sheet, inventory.rep)
    assert _told(kind) == {"author@mcq.example", "co@mcq.example"}
    assert Notification.objects.count() == 2


def test_sending_to_the_scientific_committee_tells_its_members(inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.RETAINED)
    workflow.send_to_scientific(sheet=sheet, actor=inventory.rep)
    assert _told("practices.sent_to_scientific") == {
        "evaluator@mcq.example",
        "evaluator2@mcq.example",
    }


def test_publishing_shows_the_latest_formalised_version_and_tells_the_authors(
    inventory,
):
    sheet = make_sheet(inventory.network, inventory.author, state=S.FORMALISED)
    _formalised_version(sheet, inventory.lead)
    latest = _formalised_version(sheet, inventory.lead)
    workflow.publish_sheet(sheet=sheet, actor=inventory.lead, scope=Scope.PUBLIC)
    sheet.refresh_from_db()
    assert sheet.published_version == latest
    assert sheet.scope == Scope.PUBLIC and sheet.published_at is not None
    assert "formalis" in sheet.search_text
    assert _told("practices.published") == {"author@mcq.example"}
    workflow.revise_sheet(sheet=sheet, actor=inventory.lead)
    sheet.refresh_from_db()
    assert sheet.state == S.FORMALISED and sheet.published_version == latest


def test_the_published_notice_names_the_scope_in_the_readers_language(inventory):
    from django.utils import translation

    from entraide.notifications.kinds import render_title

    sheet = make_sheet(inventory.network, inventory.author, state=S.FORMALISED)
    _formalised_version(sheet, inventory.lead)
    workflow.publish_sheet(sheet=sheet, actor=inventory.lead, scope=Scope.NETWORK)
    notice = Notification.objects.get(kind="practices.published")
    assert notice.context["scope"] == "network"
    with translation.override("fr"):
        assert render_title(notice.kind, notice.context).endswith("(Réseau).")
    with translation.override("en"):
        assert render_title(notice.kind, notice.context).endswith("(Network).")


def test_provincial_pooling_needs_a_network_that_takes_part(inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.FORMALISED)
    _formalised_version(sheet, inventory.lead)
    with pytest.raises(ValidationError) as caught:
        workflow.publish_sheet(
            sheet=sheet, actor=inventory.lead, scope=Scope.PROVINCIAL
        )
    assert "scope" in caught.value.error_dict
    inventory.network.shares_provincial_pooling = True
    inventory.network.save()
    sheet.network.refresh_from_db()
    workflow.publish_sheet(sheet=sheet, actor=inventory.lead, scope=Scope.PROVINCIAL)


@pytest.mark.parametrize(
    ("service", "field"),
    [("request_changes", "comment"), ("decline_sheet", "reason")],
)
def test_asking_for_changes_or_declining_needs_words(inventory, service, field):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    with pytest.raises(ValidationError) as caught:
        getattr(workflow, service)(sheet=sheet, actor=inventory.rep, **{field: "  "})
    assert field in caught.value.error_dict
    sheet.refresh_from_db()
    assert sheet.state == S.SUBMITTED


def test_a_bulk_step_is_all_or_nothing_and_names_each_sheet_it_refused(inventory):
    ready = [
        make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
        for _ in range(2)
    ]
    late = make_sheet(
        inventory.network, inventory.author, state=S.RETAINED, title="Déjà retenue"
    )
    with pytest.raises(ValidationError) as caught:
        workflow.bulk_transition(
            sheets=[*ready, late], actor=inventory.rep, action=workflow.RETAIN
        )
    (message,) = caught.value.error_dict["sheets"][0].messages
    assert message.startswith("« Déjà retenue »")
    assert not SheetTransition.objects.exists()
    assert not Notification.objects.exists()
    for sheet in ready:
        sheet.refresh_from_db()
        assert sheet.state == S.SUBMITTED
    workflow.bulk_transition(
        sheets=ready,
        actor=inventory.rep,
        action=workflow.REQUEST_CHANGES,
        comment="Ajouter des photos sans enfant reconnaissable.",
    )
    assert SheetTransition.objects.filter(to_state=S.NEEDS_CHANGES).count() == 2


def test_a_bulk_step_refuses_sheets_the_person_may_not_decide_on(inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    with pytest.raises(ValidationError):
        workflow.bulk_transition(
            sheets=[sheet],
            actor=inventory.rep,
            action=workflow.RETAIN,
            allowed=lambda s: False,
        )
    sheet.refresh_from_db()
    assert sheet.state == S.SUBMITTED


def test_the_second_of_two_representatives_deciding_at_once_is_told(inventory):
    sheet = make_sheet(inventory.network, inventory.author, state=S.SUBMITTED)
    seen_by_b = type(sheet).objects.get(pk=sheet.pk)
    workflow.retain_sheet(sheet=sheet, actor=inventory.rep)
    with pytest.raises(ValidationError) as caught:
        workflow.decline_sheet(sheet=seen_by_b, actor=inventory.rep_b, reason="Non")
    assert "Retenue" in caught.value.messages[0]
    sheet.refresh_from_db()
    assert sheet.state == S.RETAINED
    assert SheetTransition.objects.filter(sheet=sheet).count() == 1
