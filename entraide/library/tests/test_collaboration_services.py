"""Comments and suggestions, « Je l'ai utilisé » and links: what each service
checks, what it writes and who is told."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.library.models import (
    CommentKind,
    SuggestionStatus,
    Tool,
    ToolComment,
    ToolStatus,
    ToolUse,
)
from entraide.library.permissions import viewer_for
from entraide.library.services import collaboration as services
from entraide.library.tests.factories import make_tool
from entraide.meetings.models import AgendaItem, AgendaStatus, Session
from entraide.notifications.models import Notification
from entraide.practices.models import SheetState
from entraide.practices.tests.access_workflow import make_sheet


@pytest.fixture
def tool(library):
    tool = make_tool(
        library.network, community=library.community, created_by=library.author
    )
    tool.co_authors.add(library.co_author)
    return tool


def _told(kind):
    return set(
        Notification.objects.filter(kind=kind).values_list(
            "recipient__email", flat=True
        )
    )


def test_a_comment_tells_the_authors_and_facilitators_but_not_its_writer(
    library, tool, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        note = services.add_comment(
            tool=tool, actor=library.member, body="  Très **utile**  "
        )
    assert (note.kind, note.body, note.version_id) == (
        CommentKind.COMMENT,
        "Très **utile**",
        tool.current_version_id,
    )
    assert note.suggestion_status == ""
    assert _told("library.commented") == {
        "author@mcq.example",
        "co-author@mcq.example",
        "facilitator@mcq.example",
    }
    notice = Notification.objects.filter(kind="library.commented").first()
    assert notice.context["person"] == "Élise Gagnon"


def test_a_co_author_commenting_is_not_told_of_their_own_comment(
    library, tool, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(tool=tool, actor=library.co_author, body="Relu")
    assert _told("library.commented") == {
        "author@mcq.example",
        "facilitator@mcq.example",
    }


def test_a_suggestion_is_open_until_resolved_and_the_suggester_is_told(
    library, tool, django_capture_on_commit_callbacks
):
    note = services.add_comment(
        tool=tool,
        actor=library.member,
        body="Ajouter les allergènes",
        kind=CommentKind.SUGGESTION,
    )
    assert note.suggestion_status == SuggestionStatus.OPEN
    with django_capture_on_commit_callbacks(execute=True):
        services.resolve_suggestion(
            comment=note, actor=library.co_author, outcome=SuggestionStatus.ACCEPTED
        )
    note.refresh_from_db()
    assert note.suggestion_status == SuggestionStatus.ACCEPTED
    assert note.resolved_by == library.co_author and note.resolved_at is not None
    assert _told("library.suggestion_resolved") == {"member@mcq.example"}
    notice = Notification.objects.get(kind="library.suggestion_resolved")
    assert notice.context["outcome"] == "accepted"
    with pytest.raises(ValidationError) as caught:
        services.resolve_suggestion(
            comment=note, actor=library.author, outcome=SuggestionStatus.DECLINED
        )
    assert "déjà" in caught.value.messages[0]
    note.refresh_from_db()
    assert note.suggestion_status == SuggestionStatus.ACCEPTED


@pytest.mark.parametrize("outcome", ["", "open", "maybe"])
def test_a_suggestion_outcome_must_be_accepted_or_declined(library, tool, outcome):
    note = services.add_comment(
        tool=tool, actor=library.member, body="Idée", kind=CommentKind.SUGGESTION
    )
    with pytest.raises(ValidationError):
        services.resolve_suggestion(comment=note, actor=library.author, outcome=outcome)


def test_a_plain_comment_cannot_be_resolved(library, tool):
    note = services.add_comment(tool=tool, actor=library.member, body="Merci")
    with pytest.raises(ValidationError):
        services.resolve_suggestion(
            comment=note, actor=library.author, outcome=SuggestionStatus.ACCEPTED
        )


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("", "comment"),
        ("   ", "comment"),
        ("x" * 5001, "comment"),
        ("a\x00", "comment"),
        ("Bien", "other"),
    ],
)
def test_bad_comments_are_refused(library, tool, body, kind):
    with pytest.raises(ValidationError):
        services.add_comment(tool=tool, actor=library.member, body=body, kind=kind)
    assert not ToolComment.objects.exists()


def test_an_archived_tool_takes_no_comment(library, tool):
    Tool.objects.filter(pk=tool.pk).update(status=ToolStatus.ARCHIVED)
    with pytest.raises(ValidationError):
        services.add_comment(tool=tool, actor=library.member, body="Encore?")
    assert not ToolComment.objects.exists()


def test_a_use_is_counted_once_per_person_and_a_second_report_updates_it(library):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=ToolStatus.PUBLISHED,
    )
    services.report_use(tool=tool, actor=library.network_member, comment="Au dîner")
    services.report_use(tool=tool, actor=library.network_member, comment="Et au goûter")
    services.report_use(tool=tool, actor=library.member)
    tool.refresh_from_db()
    assert tool.use_count == 2
    use = ToolUse.objects.get(user=library.network_member)
    assert use.comment == "Et au goûter"
    assert services.remove_use(tool=tool, actor=library.network_member)
    assert not services.remove_use(tool=tool, actor=library.network_member)
    tool.refresh_from_db()
    assert tool.use_count == 1
    with pytest.raises(ValidationError):
        services.report_use(tool=tool, actor=library.member, comment="x" * 501)
    assert ToolUse.objects.get(user=library.member).comment == ""


@pytest.fixture
def agenda(library):
    def item(community, title):
        session = Session.objects.create(
            community=community,
            title=f"Rencontre {title}",
            starts_at=timezone.now(),
        )
        return AgendaItem.objects.create(
            session=session, title=title, status=AgendaStatus.ACCEPTED
        )

    return {
        "ours": item(library.community, "Les menus d'automne"),
        "theirs": item(library.other_community, "Autre sujet"),
    }


def test_links_take_readable_sheets_and_agenda_items_of_the_tools_community(
    library, tool, agenda
):
    published = make_sheet(library.network, library.author, state=SheetState.PUBLISHED)
    published.published_version = published.current_version
    published.scope = "network"
    published.save()
    draft = make_sheet(library.network, library.network_member)
    viewer = viewer_for(library.co_author, library.network)
    services.set_links(
        tool=tool,
        viewer=viewer,
        practices=[published.pk],
        agenda_items=[agenda["ours"].pk],
    )
    assert list(tool.practices.all()) == [published]
    assert list(tool.agenda_items.all()) == [agenda["ours"]]
    for practices, items, field in (
        ([draft.pk], [], "practices"),
        ([], [agenda["theirs"].pk], "agenda_items"),
    ):
        with pytest.raises(ValidationError) as caught:
            services.set_links(
                tool=tool, viewer=viewer, practices=practices, agenda_items=items
            )
        assert field in caught.value.error_dict
    assert list(tool.practices.all()) == [published]
    assert list(tool.agenda_items.all()) == [agenda["ours"]]
    services.set_links(tool=tool, viewer=viewer)
    assert not tool.practices.exists() and not tool.agenda_items.exists()


def test_links_to_sheets_the_person_cannot_read_are_kept(library, tool):
    hidden = make_sheet(library.network, library.author, state=SheetState.PUBLISHED)
    hidden.published_version = hidden.current_version
    hidden.scope = "network"
    hidden.save()
    tool.practices.add(hidden)
    # A co-author who is not a network member cannot read the network's sheets.
    CommunityMembership.objects.filter(user=library.co_author).delete()
    library.co_author.memberships.all().delete()
    outsider = viewer_for(library.co_author, library.network)
    services.set_links(tool=tool, viewer=outsider)
    assert list(tool.practices.all()) == [hidden]
