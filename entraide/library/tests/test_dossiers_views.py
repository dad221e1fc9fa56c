"""Dossier pages: who reads which dossier, which items they see, and the lead's
changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entraide.library.models import Dossier, DossierItem, ToolStatus
from entraide.library.services import dossiers as services
from entraide.library.tests.factories import make_tool
from entraide.practices.tests.access_browse import published_sheet


def url(name, dossier=None, network="mcq", **extra):
    kwargs = {"network": network, **extra}
    if dossier is not None:
        kwargs["pk"] = dossier.pk
    return reverse(f"library:{name}", kwargs=kwargs)


def make_dossier(library, title="Dossier", *, scope="public", published=True):
    return services.create_dossier(
        network=library.network,
        actor=library.lead,
        title=title,
        introduction="Une *introduction*.\n\n<script>alert(1)</script>",
        scope=scope,
        is_published=published,
    )


def tool(library, title, **fields):
    fields.setdefault("status", ToolStatus.PUBLISHED)
    fields.setdefault("community", library.community)
    return make_tool(library.network, title, **fields)


def entry_title(entry) -> str:
    item = entry["item"]
    if item.tool:
        return item.tool.published_version.title
    if item.practice:
        return item.practice.published_version.title
    return item.title


@pytest.fixture
def dossiers(library):
    return {
        "public": make_dossier(library, "Public"),
        "network": make_dossier(library, "Réseau", scope="network"),
        "draft": make_dossier(library, "Brouillon", published=False),
    }


TRUTH = [
    (None, {"Public"}),
    ("outsider", {"Public"}),
    ("member", {"Public", "Réseau"}),
    ("lead", {"Public", "Réseau", "Brouillon"}),
]


@pytest.mark.parametrize(("who", "expected"), TRUTH)
def test_who_reads_which_dossier(client, library, dossiers, who, expected):
    if who:
        client.force_login(getattr(library, who))
    listed = client.get(url("dossiers")).context["dossiers"]
    assert {d.title for d in listed} == expected
    for dossier in dossiers.values():
        status = client.get(url("dossier", dossier)).status_code
        assert status == (200 if dossier.title in expected else 404)


def test_introduction_is_markdown_without_scripts(client, library, dossiers):
    content = client.get(url("dossier", dossiers["public"])).content.decode()
    assert "<em>introduction</em>" in content
    assert "<script>alert" not in content


def test_items_a_reader_may_not_read_are_left_out(client, library, dossiers):
    dossier = dossiers["public"]
    items = {
        "public tool": tool(library, "Outil public", scope="public"),
        "network tool": tool(library, "Outil réseau", scope="network"),
        "community tool": tool(library, "Outil communauté", scope="community"),
        "archived tool": tool(
            library, "Outil archivé", scope="public", status=ToolStatus.ARCHIVED
        ),
    }
    archived = items["archived tool"]
    archived.published_version = archived.current_version
    archived.save()
    for target in items.values():
        services.add_item(dossier=dossier, actor=None, kind="tool", tool=target)
    for scope in ("public", "network"):
        sheet = published_sheet(library.network, f"Fiche {scope}", scope=scope)
        services.add_item(dossier=dossier, actor=None, kind="practice", practice=sheet)
    services.add_item(
        dossier=dossier,
        actor=None,
        kind="link",
        url="https://www.naitreetgrandir.com/fr/",
        title="Naître et grandir",
        note="Des fiches pour les familles.",
    )

    def shown(who):
        client.logout()
        if who:
            client.force_login(getattr(library, who))
        page = client.get(url("dossier", dossier))
        return [entry_title(e) for e in page.context["entries"]], page.content.decode()

    anonymous, content = shown(None)
    assert anonymous == ["Outil public", "Fiche public", "Naître et grandir"]
    assert "Outil réseau" not in content
    assert 'rel="noopener noreferrer external"' in content
    assert "naitreetgrandir.com" in content
    assert "Des fiches pour les familles." in content
    network_member, _ = shown("network_member")
    assert network_member == [
        "Outil public",
        "Outil réseau",
        "Fiche public",
        "Fiche network",
        "Naître et grandir",
    ]
    member, _ = shown("member")
    assert "Outil communauté" in member
    assert "Outil archivé" not in member
    lead, content = shown("lead")
    assert "Outil archivé" in lead
    assert "Caché des lectrices et lecteurs" in content


def test_dossier_page_queries_stay_the_same_with_more_items(
    client, library, dossiers, django_assert_max_num_queries
):
    dossier = dossiers["public"]

    def add(count):
        for number in range(count):
            services.add_item(
                dossier=dossier,
                actor=None,
                kind="tool",
                tool=tool(library, f"Outil {number}", scope="public"),
            )
            sheet = published_sheet(library.network, f"Fiche {number}")
            services.add_item(
                dossier=dossier, actor=None, kind="practice", practice=sheet
            )

    client.force_login(library.member)
    add(2)
    with CaptureQueriesContext(connection) as small:
        client.get(url("dossier", dossier))
    add(18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url("dossier", dossier))
    assert len(response.context["entries"]) == 40


def test_dossier_list_queries_stay_the_same(
    client, library, django_assert_max_num_queries
):
    for number in range(3):
        make_dossier(library, f"D{number}")
    client.force_login(library.lead)
    with CaptureQueriesContext(connection) as small:
        client.get(url("dossiers"))
    for number in range(30):
        make_dossier(library, f"E{number}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url("dossiers"))
    assert len(response.context["dossiers"]) == 20


def test_lead_creates_and_edits_a_dossier(client, library):
    client.force_login(library.lead)
    response = client.post(
        url("dossier_create"),
        {"title": "  Accueillir   un nouvel enfant ", "scope": "network"},
    )
    dossier = Dossier.objects.get()
    assert response.status_code == 302
    assert response["Location"] == dossier.get_absolute_url()
    assert dossier.title == "Accueillir un nouvel enfant"
    assert not dossier.is_published
    assert dossier.created_by == library.lead
    response = client.post(
        url("dossier_edit", dossier),
        {"title": "Accueil", "scope": "public", "is_published": "on"},
    )
    dossier.refresh_from_db()
    assert (dossier.title, dossier.scope, dossier.is_published) == (
        "Accueil",
        "public",
        True,
    )


def test_a_wrong_dossier_form_keeps_what_was_typed(client, library):
    client.force_login(library.lead)
    response = client.post(
        url("dossier_create"),
        {"title": "", "introduction": "Mon texte à garder", "scope": "ailleurs"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Donnez un titre au dossier." in content
    assert "Choisissez le réseau ou le public." in content
    assert "Mon texte à garder" in content
    assert not Dossier.objects.exists()


def test_lead_adds_moves_and_removes_items(client, library):
    dossier = make_dossier(library)
    target = tool(library, "Gabarit de menu")
    sheet = published_sheet(library.network, "Collation du matin")
    client.force_login(library.lead)
    add = url("dossier_item_add", dossier)
    assert client.post(add, {"kind": "tool", "tool": target.pk}).status_code == 302
    client.post(add, {"kind": "practice", "practice": sheet.pk, "note": "À lire"})
    client.post(
        add, {"kind": "link", "url": "https://example.org/a", "title": "Exemple"}
    )
    items = list(dossier.items.order_by("position"))
    assert [i.kind for i in items] == ["tool", "practice", "link"]
    last = items[-1]
    response = client.post(
        url("dossier_item_move", dossier, item=last.pk), {"direction": "up"}
    )
    assert response.status_code == 302
    assert list(dossier.items.order_by("position").values_list("kind", flat=True)) == [
        "tool",
        "link",
        "practice",
    ]
    client.post(url("dossier_item_remove", dossier, item=items[0].pk))
    assert list(dossier.items.order_by("position").values_list("kind", "position")) == [
        ("link", 0),
        ("practice", 1),
    ]


def test_a_wrong_item_is_explained_on_its_field(client, library):
    dossier = make_dossier(library)
    foreign = make_tool(library.other_network, "Ailleurs", status="published")
    client.force_login(library.lead)
    add = url("dossier_item_add", dossier)
    response = client.post(add, {"kind": "tool", "tool": foreign.pk})
    assert "Choisissez un outil publié du réseau." in response.content.decode()
    response = client.post(
        add, {"kind": "link", "url": "pas une adresse", "note": "Ma note gardée"}
    )
    content = response.content.decode()
    assert "Indiquez une adresse web complète" in content
    assert "Donnez un titre au lien." in content
    assert "Ma note gardée" in content
    assert not DossierItem.objects.exists()


def test_an_item_of_another_dossier_is_a_404(client, library):
    first, second = make_dossier(library, "A"), make_dossier(library, "B")
    item = services.add_item(
        dossier=second, actor=None, kind="link", url="https://example.org", title="x"
    )
    client.force_login(library.lead)
    assert (
        client.post(url("dossier_item_remove", first, item=item.pk)).status_code == 404
    )
    assert DossierItem.objects.filter(pk=item.pk).exists()


def test_members_may_not_change_a_dossier(client, library, dossiers):
    client.force_login(library.member)
    assert client.get(url("dossier_create")).status_code == 403
    assert client.get(url("dossier_edit", dossiers["public"])).status_code == 403
    assert client.get(url("dossier_edit", dossiers["draft"])).status_code == 404
    response = client.post(
        url("dossier_item_add", dossiers["public"]),
        {"kind": "link", "url": "https://example.org", "title": "x"},
    )
    assert response.status_code == 403
    assert not DossierItem.objects.exists()
    client.force_login(library.outsider)
    assert client.get(url("dossier_create")).status_code == 404
