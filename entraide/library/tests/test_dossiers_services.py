"""Dossier services: creating, editing, and items whose positions stay dense."""

import pytest
from django.core.exceptions import ValidationError

from entraide.library.models import Dossier, DossierItem, ToolStatus
from entraide.library.services import dossiers as services
from entraide.library.tests.factories import make_tool
from entraide.practices.tests.access_browse import published_sheet


@pytest.fixture
def dossier(library):
    return services.create_dossier(
        network=library.network,
        actor=library.lead,
        title="Dossier de références : alimentation",
        introduction="Des outils pour **bien manger**.",
        scope="public",
        is_published=True,
    )


def positions(dossier):
    return list(
        DossierItem.objects.filter(dossier=dossier)
        .order_by("position")
        .values_list("title", "position")
    )


def links(dossier, *titles):
    return [
        services.add_item(
            dossier=dossier,
            actor=None,
            kind="link",
            url=f"https://example.org/{t}",
            title=t,
        )
        for t in titles
    ]


def test_create_checks_its_fields(library):
    with pytest.raises(ValidationError) as error:
        services.create_dossier(
            network=library.network,
            actor=library.lead,
            title="",
            scope="partout",
            is_published=False,
        )
    assert {"title", "scope"} <= set(error.value.message_dict)
    assert not Dossier.objects.exists()


def test_update_changes_only_dossier_fields(dossier, library):
    updated = services.update_dossier(
        dossier=dossier,
        actor=library.lead,
        title="Nouveau titre",
        is_published=False,
        network=library.other_network,
    )
    assert updated.title == "Nouveau titre"
    assert not updated.is_published
    assert updated.network == library.network


def test_items_are_added_last_with_dense_positions(dossier):
    links(dossier, "a", "b", "c")
    assert positions(dossier) == [("a", 0), ("b", 1), ("c", 2)]


def test_moving_up_and_down_swaps_neighbours_and_stops_at_the_ends(dossier):
    a, b, c = links(dossier, "a", "b", "c")
    services.move_item(item=c, actor=None, direction="up")
    assert positions(dossier) == [("a", 0), ("c", 1), ("b", 2)]
    services.move_item(item=a, actor=None, direction="up")
    services.move_item(item=b, actor=None, direction="down")
    assert positions(dossier) == [("a", 0), ("c", 1), ("b", 2)]
    services.move_item(item=a, actor=None, direction="down")
    assert positions(dossier) == [("c", 0), ("a", 1), ("b", 2)]
    with pytest.raises(ValidationError):
        services.move_item(item=a, actor=None, direction="sideways")


def test_removing_keeps_positions_dense(dossier):
    a, b, c = links(dossier, "a", "b", "c")
    services.remove_item(item=b, actor=None)
    assert positions(dossier) == [("a", 0), ("c", 1)]
    services.remove_item(item=b, actor=None)
    assert positions(dossier) == [("a", 0), ("c", 1)]


def test_a_tool_or_sheet_of_another_network_is_refused(dossier, library):
    tool = make_tool(library.other_network, status=ToolStatus.PUBLISHED)
    sheet = published_sheet(library.other_network, "Ailleurs")
    with pytest.raises(ValidationError) as error:
        services.add_item(dossier=dossier, actor=None, kind="tool", tool=tool)
    assert "tool" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.add_item(dossier=dossier, actor=None, kind="practice", practice=sheet)
    assert "practice" in error.value.message_dict
    assert not DossierItem.objects.exists()


def test_a_link_needs_a_valid_address_and_a_title(dossier):
    with pytest.raises(ValidationError) as error:
        services.add_item(dossier=dossier, actor=None, kind="link", url="", title="")
    assert {"url", "title"} <= set(error.value.message_dict)
    with pytest.raises(ValidationError) as error:
        services.add_item(
            dossier=dossier,
            actor=None,
            kind="link",
            url="javascript:alert(1)",
            title="x",
        )
    assert "url" in error.value.message_dict


def test_items_of_each_kind(dossier, library):
    tool = make_tool(library.network, status=ToolStatus.PUBLISHED)
    sheet = published_sheet(library.network, "Pratique")
    services.add_item(dossier=dossier, actor=None, kind="tool", tool=tool, note="Lire")
    services.add_item(dossier=dossier, actor=None, kind="practice", practice=sheet)
    kinds = list(dossier.items.order_by("position").values_list("kind", flat=True))
    assert kinds == ["tool", "practice"]
