"""Each step of a tool: the statuses it starts from, its history row, who is told."""

import pytest
from django.core.exceptions import ValidationError

from entraide.core.testing import make_member
from entraide.library.models import ToolScope, ToolStatus, ToolTransition
from entraide.library.permissions import viewer_for
from entraide.library.selectors import readable_tools
from entraide.library.services import workflow
from entraide.library.tests.factories import make_tool
from entraide.notifications.models import Notification

S = ToolStatus


def _tool(library, status=S.IN_PROGRESS, **fields):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=status,
        **fields,
    )
    tool.co_authors.add(library.co_author)
    return tool


def _call(name, tool, actor):
    if name == "publish_tool":
        return workflow.publish_tool(tool=tool, actor=actor, scope=ToolScope.PUBLIC)
    return getattr(workflow, name)(tool=tool, actor=actor)


MOVES = {
    "validate_tool": ({S.IN_PROGRESS}, S.VALIDATED),
    "publish_tool": ({S.VALIDATED}, S.PUBLISHED),
    "reopen_tool": ({S.VALIDATED, S.PUBLISHED}, S.IN_PROGRESS),
    "archive_tool": ({S.IN_PROGRESS, S.VALIDATED, S.PUBLISHED}, S.ARCHIVED),
    "restore_tool": ({S.ARCHIVED}, S.IN_PROGRESS),
}


@pytest.mark.parametrize("name", sorted(MOVES))
def test_each_step_starts_only_from_its_statuses_and_writes_one_history_row(
    library, name
):
    starts, goal = MOVES[name]
    for status in S:
        tool = _tool(library, status)
        if status in starts:
            _call(name, tool, library.lead)
            tool.refresh_from_db()
            assert tool.status == goal, (name, status)
            (row,) = ToolTransition.objects.filter(tool=tool)
            assert (row.actor, row.from_status, row.to_status) == (
                library.lead,
                status,
                goal,
            )
        else:
            with pytest.raises(ValidationError) as caught:
                _call(name, tool, library.lead)
            assert "n'est plus à une étape qui le permet" in caught.value.messages[0]
            tool.refresh_from_db()
            assert tool.status == status
            assert not ToolTransition.objects.filter(tool=tool).exists()


def _told(kind):
    return set(
        Notification.objects.filter(kind=kind).values_list(
            "recipient__email", flat=True
        )
    )


def test_validating_tells_the_authors_and_the_project_leads_not_the_facilitator(
    library, django_capture_on_commit_callbacks
):
    tool = _tool(library)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.validate_tool(tool=tool, actor=library.facilitator, comment="Bravo")
    tool.refresh_from_db()
    assert tool.validated_at is not None
    assert _told("library.validated") == {
        "author@mcq.example",
        "co-author@mcq.example",
        "lead@mcq.example",
    }
    assert ToolTransition.objects.get(tool=tool).comment == "Bravo"


def test_nobody_is_told_before_the_transaction_commits(
    library, django_capture_on_commit_callbacks
):
    tool = _tool(library)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.validate_tool(tool=tool, actor=library.facilitator)
    assert not Notification.objects.exists()
    assert len(callbacks) == 1


def test_a_tool_without_content_cannot_be_validated(library):
    tool = _tool(library)
    tool.current_version = None
    tool.save()
    with pytest.raises(ValidationError):
        workflow.validate_tool(tool=tool, actor=library.facilitator)
    assert not ToolTransition.objects.exists()


def test_publishing_shows_the_current_version_to_its_scope_and_tells_the_authors(
    library, django_capture_on_commit_callbacks
):
    tool = _tool(library, S.VALIDATED, body="Une grille pour les collations")
    with django_capture_on_commit_callbacks(execute=True):
        workflow.publish_tool(
            tool=tool, actor=library.lead, scope=ToolScope.PUBLIC, comment="Enfin"
        )
    tool.refresh_from_db()
    assert tool.status == S.PUBLISHED and tool.scope == ToolScope.PUBLIC
    assert tool.published_version_id == tool.current_version_id
    assert tool.published_at is not None
    assert "collat" in tool.search_text.split()
    row = ToolTransition.objects.get(tool=tool)
    assert (row.scope, row.comment) == (ToolScope.PUBLIC, "Enfin")
    assert _told("library.published") == {"author@mcq.example", "co-author@mcq.example"}
    notice = Notification.objects.filter(kind="library.published").first()
    assert notice.context["scope"] == "public"
    anonymous = viewer_for(None, library.network)
    assert list(readable_tools(anonymous)) == [tool]


@pytest.mark.parametrize("scope", ["", "everyone", "provincial"])
def test_publishing_refuses_an_unknown_scope(library, scope):
    tool = _tool(library, S.VALIDATED)
    with pytest.raises(ValidationError) as caught:
        workflow.publish_tool(tool=tool, actor=library.lead, scope=scope)
    assert "scope" in caught.value.error_dict
    tool.refresh_from_db()
    assert tool.status == S.VALIDATED


def test_reopening_keeps_the_published_version_for_readers(library):
    tool = _tool(library, S.PUBLISHED, scope=ToolScope.NETWORK)
    published = tool.published_version_id
    workflow.reopen_tool(tool=tool, actor=library.facilitator)
    tool.refresh_from_db()
    assert tool.status == S.IN_PROGRESS
    assert tool.published_version_id == published
    member = viewer_for(library.network_member, library.network)
    assert tool in readable_tools(member)


@pytest.mark.parametrize("before", [S.IN_PROGRESS, S.VALIDATED, S.PUBLISHED])
def test_restoring_goes_back_to_the_status_before_archiving(library, before):
    tool = _tool(library, before)
    workflow.archive_tool(tool=tool, actor=library.facilitator)
    assert tool not in readable_tools(viewer_for(library.lead, library.network))
    workflow.restore_tool(tool=tool, actor=library.facilitator, comment="Utile")
    tool.refresh_from_db()
    assert tool.status == before
    last = ToolTransition.objects.filter(tool=tool).last()
    assert (last.from_status, last.to_status, last.comment) == (
        S.ARCHIVED,
        before,
        "Utile",
    )


def test_a_step_comment_is_checked(library):
    tool = _tool(library)
    for comment, code in (("x" * 2001, "max_length"), ("a\x00b", "null")):
        with pytest.raises(ValidationError) as caught:
            workflow.validate_tool(
                tool=tool, actor=library.facilitator, comment=comment
            )
        assert caught.value.error_dict["comment"][0].code == code
    tool.refresh_from_db()
    assert tool.status == S.IN_PROGRESS


def test_a_second_decision_on_the_same_step_is_told_it_came_late(library):
    tool = _tool(library)
    stale = _tool(library)
    stale.pk = tool.pk
    workflow.validate_tool(tool=tool, actor=library.facilitator)
    with pytest.raises(ValidationError):
        workflow.validate_tool(tool=stale, actor=library.lead)
    assert ToolTransition.objects.filter(tool=tool).count() == 1


def test_inactive_project_leads_are_not_told(
    library, django_capture_on_commit_callbacks
):
    gone = make_member(library.network, "gone@mcq.example", role="project_lead")
    gone.is_active = False
    gone.save()
    tool = _tool(library)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.validate_tool(tool=tool, actor=library.facilitator)
    assert "gone@mcq.example" not in _told("library.validated")
