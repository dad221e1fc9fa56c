"""The collaboration section of the tool page and its forms' own pages: what each
person sees, refused input coming back with what was typed, links both ways with
constant queries."""

from html import unescape

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from entraide.library.models import (
    CommentKind,
    SuggestionStatus,
    ToolComment,
    ToolStatus,
    ToolUse,
)
from entraide.library.permissions import viewer_for
from entraide.library.services import collaboration as services
from entraide.library.tests.factories import make_tool
from entraide.library.views.collaboration import detail_context
from entraide.meetings.models import AgendaItem, AgendaStatus, Session
from entraide.practices.models import SheetState
from entraide.practices.tests.access_workflow import make_sheet


def _tool(library, status=ToolStatus.IN_PROGRESS, **fields):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=status,
        **fields,
    )
    tool.co_authors.add(library.co_author)
    return tool


def _url(name, tool, **extra):
    return reverse(name, kwargs={"network": tool.network.slug, "pk": tool.pk, **extra})


def text(response) -> str:
    return unescape(response.content.decode())


def section(user, tool):
    """The part of the tool page this part renders, as ``user`` sees it."""
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get(tool.get_absolute_url())
    request.user = user or AnonymousUser()
    viewer = viewer_for(user, tool.network)
    context = detail_context(request, tool, viewer)
    return render_to_string("library/_collaboration.html", context, request=request)


def test_collaborators_see_the_thread_the_steps_and_the_history(library):
    tool = _tool(library)
    services.add_comment(
        tool=tool,
        actor=library.member,
        body="Ajouter les **allergènes** <script>alert(1)</script>",
        kind=CommentKind.SUGGESTION,
    )
    raw = section(library.facilitator, tool)
    assert "<strong>allergènes</strong>" in raw
    assert "<script>" not in raw
    html = unescape(raw)
    assert "sur la version 1" in html
    assert "À considérer" in html
    assert "Valider l'outil" in html and "Archiver l'outil" in html
    assert "Historique" in html
    assert 'name="outcome" value="accepted"' in html
    member = unescape(section(library.member, tool))
    assert "Commenter ou suggérer une modification" in member
    assert 'name="outcome"' not in member
    assert "Valider l'outil" not in member


def test_readers_of_a_public_tool_see_its_uses_without_names_nor_thread(library):
    tool = _tool(library, ToolStatus.PUBLISHED, scope="public")
    services.report_use(tool=tool, actor=library.member, comment="Au dîner")
    services.add_comment(tool=tool, actor=library.member, body="Secret de travail")
    html = unescape(section(None, tool))
    assert "1 personne a signalé l'avoir utilisé." in html
    assert "Au dîner" in html
    assert "Élise Gagnon" not in html
    assert "Secret de travail" not in html and "Historique" not in html
    member = unescape(section(library.network_member, tool))
    assert "Élise Gagnon" in member
    assert "Je l'ai utilisé dans mon milieu" in member
    assert "Secret de travail" not in member


def test_a_refused_comment_comes_back_with_what_was_typed(client, library):
    tool = _tool(library)
    client.force_login(library.member)
    typed = "Un message « accentué » " + "é" * 5000
    response = client.post(
        _url("library:comment", tool), {"kind": "suggestion", "body": typed}
    )
    assert response.status_code == 200
    html = text(response)
    assert "Le message compte au plus 5 000 caractères." in html
    assert "accentué" in html
    assert not ToolComment.objects.exists()
    response = client.post(_url("library:comment", tool), {"kind": "x", "body": ""})
    html = text(response)
    assert "Écrivez votre message." in html
    assert "Choisissez un commentaire ou une suggestion." in html


def test_a_comment_posted_goes_back_to_the_tool(client, library):
    tool = _tool(library)
    client.force_login(library.member)
    response = client.post(
        _url("library:comment", tool), {"kind": "comment", "body": "Bravo"}
    )
    note = ToolComment.objects.get()
    assert response.status_code == 302
    assert response.url == f"{tool.get_absolute_url()}#commentaire-{note.pk}"


def test_steps_answer_get_with_405_and_a_bad_comment_with_their_own_page(
    client, library
):
    tool = _tool(library)
    client.force_login(library.facilitator)
    assert client.get(_url("library:validate", tool)).status_code == 405
    response = client.post(_url("library:validate", tool), {"comment": "x" * 2001})
    assert response.status_code == 200
    assert "Le commentaire compte au plus 2 000 caractères." in text(response)
    tool.refresh_from_db()
    assert tool.status == ToolStatus.IN_PROGRESS


def test_the_publish_page_offers_three_scopes_and_refuses_others(client, library):
    tool = _tool(library, ToolStatus.VALIDATED)
    client.force_login(library.lead)
    html = text(client.get(_url("library:publish", tool)))
    for words in ("Membres de la communauté", "Réseau", "Public"):
        assert words in html
    response = client.post(_url("library:publish", tool), {"scope": "provincial"})
    assert "Choisissez une diffusion de la liste." in text(response)
    tool.refresh_from_db()
    assert tool.status == ToolStatus.VALIDATED
    response = client.post(_url("library:publish", tool), {"scope": "community"})
    assert response.status_code == 302
    tool.refresh_from_db()
    assert (tool.status, tool.scope) == (ToolStatus.PUBLISHED, "community")


def test_a_suggestion_of_another_tool_is_a_404(client, library):
    tool = _tool(library)
    other = _tool(library)
    note = ToolComment.objects.create(
        tool=other,
        author=library.member,
        kind=CommentKind.SUGGESTION,
        body="Ailleurs",
        suggestion_status=SuggestionStatus.OPEN,
    )
    client.force_login(library.author)
    url = _url("library:resolve_suggestion", tool, comment=note.pk)
    assert client.post(url, {"outcome": "accepted"}).status_code == 404
    note.refresh_from_db()
    assert note.suggestion_status == SuggestionStatus.OPEN


def test_reporting_a_use_twice_keeps_one_and_it_can_be_taken_back(client, library):
    tool = _tool(library, ToolStatus.PUBLISHED)
    client.force_login(library.network_member)
    url = _url("library:report_use", tool)
    client.post(url, {"comment": "Première"})
    client.post(url, {"comment": "Seconde"})
    assert ToolUse.objects.get().comment == "Seconde"
    tool.refresh_from_db()
    assert tool.use_count == 1
    client.post(url, {"remove": "1"})
    tool.refresh_from_db()
    assert tool.use_count == 0 and not ToolUse.objects.exists()


def _published_sheet(library, title="Les collations"):
    sheet = make_sheet(
        library.network, library.author, state=SheetState.PUBLISHED, title=title
    )
    sheet.published_version = sheet.current_version
    sheet.scope = "network"
    sheet.published_at = timezone.now()
    sheet.save()
    return sheet


def test_the_links_page_saves_sheets_and_agenda_items(client, library):
    tool = _tool(library)
    sheet = _published_sheet(library)
    session = Session.objects.create(
        community=library.community,
        title="Rencontre d'automne",
        starts_at=timezone.now(),
    )
    item = AgendaItem.objects.create(
        session=session, title="Les menus", status=AgendaStatus.ACCEPTED
    )
    client.force_login(library.co_author)
    html = text(client.get(_url("library:links", tool)))
    assert "Les collations" in html and "Rencontre d'automne — Les menus" in html
    response = client.post(
        _url("library:links", tool),
        {"practices": [sheet.pk], "agenda_items": [item.pk]},
    )
    assert response.status_code == 302
    assert list(tool.practices.all()) == [sheet]
    assert list(tool.agenda_items.all()) == [item]
    response = client.post(_url("library:links", tool), {"practices": ["999999"]})
    assert response.status_code == 200
    assert "Une des fiches choisies" in text(response)
    assert list(tool.practices.all()) == [sheet]


def test_a_members_only_tool_never_shows_on_a_practice_page_to_a_non_member(
    client, library
):
    sheet = _published_sheet(library)
    members_only = _tool(library, ToolStatus.PUBLISHED, scope="community", **{})
    members_only.current_version.title = "Outil des membres"
    members_only.current_version.save()
    for_all = make_tool(
        library.network,
        "Outil pour tout le réseau",
        status=ToolStatus.PUBLISHED,
        scope="network",
    )
    members_only.practices.add(sheet)
    for_all.practices.add(sheet)
    page = reverse(
        "practices:practice", kwargs={"network": library.network.slug, "pk": sheet.pk}
    )
    client.force_login(library.network_member)
    html = text(client.get(page))
    assert "Outil pour tout le réseau" in html
    assert "Outil des membres" not in html
    client.force_login(library.member)
    html = text(client.get(page))
    assert "Outil des membres" in html


def test_a_tool_being_revised_shows_its_published_title_to_readers(client, library):
    sheet = _published_sheet(library)
    tool = make_tool(
        library.network,
        "Titre publié",
        community=library.community,
        status=ToolStatus.PUBLISHED,
        scope="network",
    )
    tool.practices.add(sheet)
    working = tool.versions.create(number=2, title="Titre de travail")
    tool.current_version = working
    tool.status = ToolStatus.IN_PROGRESS
    tool.save()
    page = reverse(
        "practices:practice", kwargs={"network": library.network.slug, "pk": sheet.pk}
    )
    client.force_login(library.network_member)
    html = text(client.get(page))
    assert "Titre publié" in html and "Titre de travail" not in html
    client.force_login(library.member)
    assert "Titre de travail" in text(client.get(page))


def _agenda(library, n):
    session = Session.objects.create(
        community=library.community, title="Rencontre", starts_at=timezone.now()
    )
    for i in range(n):
        item = AgendaItem.objects.create(
            session=session,
            title=f"Point {i}",
            position=i,
            status=AgendaStatus.ACCEPTED,
        )
        for j in range(2):
            tool = make_tool(
                library.network,
                f"Outil {i}-{j}",
                community=library.community,
                status=ToolStatus.PUBLISHED,
                scope="community",
            )
            tool.agenda_items.add(item)
    return session


def _agenda_html(client, session):
    url = reverse(
        "meetings:detail",
        kwargs={
            "network": session.community.network.slug,
            "community": session.community.slug,
            "pk": session.pk,
        },
    )
    response = client.get(url)
    assert response.status_code == 200
    return text(response)


@pytest.mark.parametrize("n", [1, 10])
def test_tools_of_agenda_items_cost_the_same_queries_for_1_or_10_items(
    client, library, django_assert_max_num_queries, n
):
    session = _agenda(library, n)
    client.force_login(library.member)
    with django_assert_max_num_queries(60):
        html = _agenda_html(client, session)
    assert f"Outil {n - 1}-1" in html


def test_the_agenda_hides_tools_the_person_may_not_read(client, library):
    session = _agenda(library, 1)
    elsewhere = make_tool(
        library.network,
        "Outil d'une autre communauté",
        community=library.other_community,
        status=ToolStatus.PUBLISHED,
        scope="community",
    )
    elsewhere.agenda_items.add(session.agenda_items.get())
    client.force_login(library.member)
    html = _agenda_html(client, session)
    assert "Outil 0-0" in html
    assert "autre communauté" not in html


@pytest.mark.parametrize("n", [1, 10])
def test_the_practice_page_costs_the_same_queries_for_1_or_10_linked_tools(
    client, library, django_assert_max_num_queries, n
):
    sheet = _published_sheet(library)
    for i in range(n):
        make_tool(
            library.network, f"Outil {i}", status=ToolStatus.PUBLISHED, scope="network"
        ).practices.add(sheet)
    page = reverse(
        "practices:practice", kwargs={"network": library.network.slug, "pk": sheet.pk}
    )
    client.force_login(library.network_member)
    with django_assert_max_num_queries(40):
        html = text(client.get(page))
    assert f"Outil {n - 1}" in html


@pytest.mark.parametrize("n", [1, 10])
def test_the_links_page_costs_the_same_queries_for_1_or_10_sheets(
    client, library, django_assert_max_num_queries, n
):
    tool = _tool(library)
    for i in range(n):
        tool.practices.add(_published_sheet(library, f"Fiche {i}"))
    client.force_login(library.author)
    with django_assert_max_num_queries(30):
        html = text(client.get(_url("library:links", tool)))
    assert f"Fiche {n - 1}" in html
