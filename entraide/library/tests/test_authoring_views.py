"""The authoring pages: new tool, edit and its conflicts, the tool page, files,
versions and their differences, my tools and a community's tools."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entraide.library.models import Tool, ToolStatus, ToolVersion
from entraide.library.tests.factories import PDF_BYTES, make_tool
from entraide.library.views.authoring import word_differences

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def url(name, tool=None, **kwargs):
    if tool is not None:
        kwargs = {"pk": tool.pk, **kwargs}
    return reverse(f"library:{name}", kwargs={"network": "mcq", **kwargs})


FORM = {
    "title": "Grille d'observation du dîner",
    "kind": "observation_grid",
    "language": "fr",
    "licence": "cc_by_sa",
    "body": "Observer **chaque** enfant.",
}


def test_member_creates_a_tool_with_a_file(client, library):
    client.force_login(library.author)
    data = {
        **FORM,
        "community": str(library.community.pk),
        "themes": [library.themes[0].pk],
        "audience_job_roles": ["educator", "food_service_lead"],
        "file": SimpleUploadedFile("grille.pdf", PDF_BYTES),
    }
    response = client.post(url("create"), data)
    tool = Tool.objects.get()
    assert response.status_code == 302
    assert response["Location"] == tool.get_absolute_url()
    assert tool.audience_job_roles == ["educator", "food_service_lead"]
    assert tool.current_version.file_name == "grille.pdf"
    page = client.get(tool.get_absolute_url()).content.decode()
    assert "Grille d&#x27;observation du dîner" in page
    assert "<strong>chaque</strong>" in page
    assert "grille.pdf" in page
    assert "Éducatrice ou éducateur" in page
    assert "creativecommons.org/licenses/by-sa/4.0" in page
    assert "En coconstruction" in page


def test_community_is_preselected_from_the_address(client, library):
    client.force_login(library.author)
    page = client.get(url("create") + "?communaute=alimentation").content.decode()
    assert f'<option value="{library.community.pk}" selected>' in page
    assert "Aucune, outil du réseau" not in page
    client.force_login(library.lead)
    page = client.get(url("create")).content.decode()
    assert "Aucune, outil du réseau" in page


def test_member_cannot_pick_another_community(client, library):
    client.force_login(library.author)
    data = {**FORM, "community": str(library.other_community.pk)}
    response = client.post(url("create"), data)
    assert response.status_code == 200
    assert not Tool.objects.exists()
    page = response.content.decode()
    assert "Choisissez une de vos communautés." in page
    assert "Observer **chaque** enfant." in page


def test_refused_file_keeps_what_was_typed(client, library, media):
    client.force_login(library.author)
    data = {
        **FORM,
        "community": str(library.community.pk),
        "file": SimpleUploadedFile("faux.pdf", b"<html>pas un pdf</html>"),
    }
    response = client.post(url("create"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "n&#x27;est pas accepté" in page
    assert "Observer **chaque** enfant." in page
    assert not Tool.objects.exists()
    assert not any(media.rglob("*.*"))


def test_edit_makes_a_version_and_a_conflict_shows_both_texts(client, library):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        body="Premier texte",
    )
    tool.co_authors.add(library.co_author)
    data = {**FORM, "lock_version": "0", "body": "Texte de Julie"}
    client.force_login(library.author)
    assert client.post(url("edit", tool), data).status_code == 302
    client.force_login(library.co_author)
    response = client.post(
        url("edit", tool), {**data, "body": "Texte de Marc", "change_note": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Quelqu&#x27;un d&#x27;autre a enregistré cet outil" in page
    assert "Texte de Julie" in page
    assert "Texte de Marc" in page
    tool.refresh_from_db()
    assert tool.current_version.body == "Texte de Julie"
    # Having seen the other text, the second person may now save over it.
    assert f'name="lock_version" value="{tool.lock_version}"' in page
    again = client.post(
        url("edit", tool),
        {**data, "body": "Texte de Marc", "lock_version": str(tool.lock_version)},
    )
    assert again.status_code == 302
    assert tool.versions.count() == 3


def test_reader_sees_the_published_version_collaborator_the_working_one(
    client, library
):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=ToolStatus.PUBLISHED,
        scope="network",
        body="Version publiée",
    )
    working = ToolVersion.objects.create(
        tool=tool, number=2, title="Gabarit de menu", body="Version de travail"
    )
    Tool.objects.filter(pk=tool.pk).update(
        current_version=working, status=ToolStatus.IN_PROGRESS
    )
    client.force_login(library.network_member)
    page = client.get(tool.get_absolute_url()).content.decode()
    assert "Version publiée" in page
    assert "Version de travail" not in page
    assert "Modifier" not in page
    client.force_login(library.co_author)
    page = client.get(tool.get_absolute_url()).content.decode()
    assert "Version de travail" in page
    assert "version de travail (2), plus récente" in page


def test_download_is_an_attachment_and_counted(client, library):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        with_file=True,
    )
    client.force_login(library.member)
    response = client.get(url("file", tool))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert 'filename="gabarit.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF_BYTES
    client.get(url("version_file", tool, number=1))
    tool.refresh_from_db()
    assert tool.download_count == 2


@pytest.mark.parametrize("who", ["network_member", "outsider", "partner"])
def test_members_only_tool_file_is_404_outside(client, library, who):
    tool = make_tool(
        library.network,
        community=library.other_community,
        created_by=library.lead,
        status=ToolStatus.PUBLISHED,
        scope="community",
        with_file=True,
    )
    client.force_login(getattr(library, who))
    assert client.get(url("file", tool)).status_code == 404
    assert client.get(url("version_file", tool, number=1)).status_code == 404
    assert client.get(tool.get_absolute_url()).status_code == 404
    tool.refresh_from_db()
    assert tool.download_count == 0


def test_reader_downloads_only_the_published_version(client, library):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        status=ToolStatus.PUBLISHED,
        scope="network",
        with_file=True,
    )
    newer = ToolVersion.objects.create(
        tool=tool,
        number=2,
        title="v2",
        file=tool.current_version.file.name,
        file_name="gabarit.pdf",
    )
    Tool.objects.filter(pk=tool.pk).update(current_version=newer)
    client.force_login(library.network_member)
    assert client.get(url("version_file", tool, number=1)).status_code == 200
    assert client.get(url("version_file", tool, number=2)).status_code == 404


def test_public_tool_is_read_signed_out_with_open_graph(client, library):
    tool = make_tool(
        library.network,
        status=ToolStatus.PUBLISHED,
        scope="public",
        created_by=library.lead,
        body="Pour tous",
        with_file=True,
    )
    ToolVersion.objects.filter(pk=tool.current_version_id).update(
        description="Un gabarit simple."
    )
    page = client.get(tool.get_absolute_url()).content.decode()
    assert 'property="og:title" content="Gabarit de menu"' in page
    assert 'content="Un gabarit simple."' in page
    assert client.get(url("file", tool)).status_code == 200


def test_signed_out_person_is_sent_to_sign_in_for_a_private_tool(client, library):
    tool = make_tool(library.network, community=library.community)
    response = client.get(tool.get_absolute_url())
    assert response.status_code == 302
    assert "/connexion" in response["Location"] or "login" in response["Location"]


def test_versions_and_word_differences(client, library):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        body="Le menu du lundi est simple.",
    )
    ToolVersion.objects.create(
        tool=tool,
        number=2,
        title="Gabarit de menu",
        body="Le menu du mardi est simple.",
        change_note="Mardi",
    )
    client.force_login(library.member)
    page = client.get(url("versions", tool)).content.decode()
    assert "Comparer la version 1 et la version 2" in page
    assert "Mardi" in page
    diff = client.get(url("version_diff", tool, old=1, new=2)).content.decode()
    assert '<del><span class="diff-sign">Retiré :</span> lundi</del>' in diff
    assert '<ins><span class="diff-sign">Ajouté :</span> mardi</ins>' in diff
    assert client.get(url("version_diff", tool, old=1, new=9)).status_code == 404


def test_word_differences_keep_the_unchanged_words():
    pieces = word_differences("un deux trois", "un quatre trois")
    assert pieces == [
        ("kept", "un "),
        ("removed", "deux"),
        ("added", "quatre"),
        ("kept", " trois"),
    ]


def test_co_authors_page_adds_a_community_member(client, library):
    tool = make_tool(
        library.network, community=library.community, created_by=library.author
    )
    client.force_login(library.author)
    page = client.get(url("co_authors", tool)).content.decode()
    assert "Marc Pelletier" in page
    assert "Sophie Bouchard" not in page
    response = client.post(
        url("co_authors", tool), {"co_authors": [library.co_author.pk]}
    )
    assert response.status_code == 302
    assert list(tool.co_authors.all()) == [library.co_author]
    refused = client.post(
        url("co_authors", tool), {"co_authors": [library.network_member.pk]}
    )
    assert "Choisissez des personnes dans la liste." in refused.content.decode()
    client.force_login(library.member)
    assert client.get(url("co_authors", tool)).status_code == 403


def test_my_tools_lists_and_filters(client, library):
    mine = make_tool(library.network, "À moi", community=library.community)
    make_tool(
        library.network, "Validé", community=library.community, status="validated"
    )
    make_tool(library.network, "Ailleurs", community=library.other_community)
    client.force_login(library.member)
    page = client.get(url("mine")).content.decode()
    assert "À moi" in page and "Validé" in page
    assert "Ailleurs" not in page
    assert "Nouvel outil" in page
    page = client.get(url("mine") + "?statut=validated").content.decode()
    assert "À moi" not in page and "Validé" in page
    assert mine.pk


def test_community_tools_every_status_for_members_published_for_readers(
    client, library
):
    make_tool(library.network, "En cours", community=library.community)
    make_tool(
        library.network,
        "Publié",
        community=library.community,
        status="published",
        scope="network",
    )
    page_url = url("community", slug="alimentation")
    client.force_login(library.member)
    page = client.get(page_url).content.decode()
    assert "En cours" in page and "Publié" in page
    assert "?communaute=alimentation" in page
    client.force_login(library.network_member)
    page = client.get(page_url).content.decode()
    assert "En cours" not in page and "Publié" in page
    client.force_login(library.outsider)
    assert client.get(page_url).status_code == 404


def _many_tools(library, count):
    for index in range(count):
        tool = make_tool(
            library.network,
            f"Outil {index}",
            community=library.community,
            created_by=library.author,
            themes=library.themes[:2],
        )
        tool.co_authors.add(library.co_author)


@pytest.mark.parametrize("name", ["mine", "community"])
def test_list_pages_keep_their_query_count(
    client, library, django_assert_max_num_queries, name
):
    kwargs = {"slug": "alimentation"} if name == "community" else {}
    client.force_login(library.co_author)
    _many_tools(library, 2)
    client.get(url(name, **kwargs))
    with django_assert_max_num_queries(14) as small:
        client.get(url(name, **kwargs))
    _many_tools(library, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url(name, **kwargs))
    assert response.status_code == 200


def test_tool_page_keeps_its_query_count(
    client, library, django_assert_max_num_queries
):
    tool = make_tool(
        library.network,
        community=library.community,
        created_by=library.author,
        themes=library.themes,
    )
    client.force_login(library.member)
    client.get(tool.get_absolute_url())
    with django_assert_max_num_queries(40) as small:
        client.get(tool.get_absolute_url())
    tool.co_authors.add(library.co_author, library.facilitator, library.partner)
    for number in range(2, 12):
        ToolVersion.objects.create(tool=tool, number=number, title=f"v{number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(tool.get_absolute_url()).status_code == 200
