"""Demo tools and dossiers: about eighty tools at every status, idempotent,
nothing sent."""

import pytest
from django.core import mail

from entraide.core.demo.communities import load_communities
from entraide.core.demo.library import load_demo_library, tiny_pdf, tiny_png
from entraide.core.demo.loader import load_demo
from entraide.core.demo.practices import load_demo_practices
from entraide.library.models import (
    CommentKind,
    Dossier,
    DossierItem,
    SuggestionStatus,
    Tool,
    ToolComment,
    ToolScope,
    ToolStatus,
    ToolTransition,
    ToolUse,
    ToolVersion,
)
from entraide.library.search import tool_search_text
from entraide.notifications.models import Notification
from entraide.practices.search import search_filter

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(Tool.objects.values_list("pk", "status", "search_text")),
        ToolVersion.objects.count(),
        ToolTransition.objects.count(),
        ToolComment.objects.count(),
        ToolUse.objects.count(),
        sorted(DossierItem.objects.values_list("pk", "position")),
    )


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    summaries = load_demo()
    load_communities()
    slugs = [s.slug for s in summaries]
    load_demo_practices(slugs)
    return slugs


def test_demo_tools_cover_every_status_once(demo):
    notifications = Notification.objects.count()
    total = load_demo_library(demo)
    first = snapshot()
    assert load_demo_library(demo) == total
    assert snapshot() == first
    assert 75 <= total <= 90
    assert set(Tool.objects.values_list("status", flat=True)) == set(ToolStatus.values)
    published = Tool.objects.filter(status=ToolStatus.PUBLISHED)
    assert published.count() > total / 2
    assert set(published.values_list("scope", flat=True)) == set(ToolScope.values)
    assert not published.filter(published_version__isnull=True).exists()
    # Reopened: readers keep the published version while a new one is built.
    assert Tool.objects.filter(
        status=ToolStatus.IN_PROGRESS, published_version__isnull=False
    ).exists()
    assert Tool.objects.filter(network__slug="pancanadien").count() >= 8
    assert ToolVersion.objects.filter(number__gt=1).exclude(change_note="").exists()
    assert ToolComment.objects.filter(
        kind=CommentKind.SUGGESTION, suggestion_status=SuggestionStatus.OPEN
    ).exists()
    assert ToolUse.objects.exclude(comment="").exists()
    for tool in Tool.objects.prefetch_related("themes").select_related(
        "published_version", "current_version"
    ):
        assert tool.search_text == tool_search_text(tool)
        assert tool.use_count == tool.uses.count()
    assert Tool.objects.filter(practices__isnull=False).exists()
    assert Notification.objects.count() == notifications
    assert not mail.outbox


def test_demo_files_are_real_and_kept_across_versions(demo):
    load_demo_library(demo)
    with_files = ToolVersion.objects.exclude(file="")
    assert with_files.filter(file_type="application/pdf").exists()
    assert with_files.filter(file_type="image/png").exists()
    for version in with_files:
        with version.file.open("rb") as handle:
            head = handle.read(8)
        assert head.startswith(b"%PDF") or head.startswith(b"\x89PNG")
        assert version.file_size == version.file.size


def test_tiny_files_are_well_formed():
    pdf = tiny_pdf("Gabarit (menu)")
    assert pdf.startswith(b"%PDF-1.4") and pdf.endswith(b"%%EOF\n")
    offset = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[offset:].startswith(b"xref")
    assert tiny_png().startswith(b"\x89PNG\r\n\x1a\n")


def test_demo_dossiers_and_search(demo):
    load_demo_library(demo)
    assert Dossier.objects.filter(title="Dossier de références : alimentation").exists()
    assert Dossier.objects.filter(title="Accueillir un nouvel enfant").exists()
    assert Dossier.objects.filter(is_published=False).exists()
    food = Dossier.objects.get(title="Dossier de références : alimentation")
    kinds = set(food.items.values_list("kind", flat=True))
    assert kinds == {"tool", "practice", "link"}
    positions = list(food.items.order_by("position").values_list("position", flat=True))
    assert positions == list(range(len(positions)))
    menus = Tool.objects.filter(search_filter("menu"), status=ToolStatus.PUBLISHED)
    assert menus.exists()
