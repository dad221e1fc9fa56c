"""Demo practice sheets: every state and sub-region, idempotent, nothing sent."""

import pytest
from django.core import mail

from entraide.core.demo.communities import load_communities
from entraide.core.demo.loader import load_demo
from entraide.core.demo.practices import STATE_PLAN, load_demo_practices
from entraide.notifications.models import Notification
from entraide.practices.models import (
    Evaluation,
    PracticeSheet,
    Scope,
    SheetState,
    SheetTransition,
    SheetVersion,
)
from entraide.practices.search import search_filter

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        sorted(PracticeSheet.objects.values_list("pk", "state", "search_text")),
        SheetVersion.objects.count(),
        SheetTransition.objects.count(),
        Evaluation.objects.count(),
    )


def test_demo_sheets_cover_every_state_and_sub_region_once():
    summaries = load_demo()
    load_communities()
    notifications = Notification.objects.count()
    slugs = [s.slug for s in summaries]
    total = load_demo_practices(slugs)
    first = snapshot()
    assert load_demo_practices(slugs) == total
    assert snapshot() == first
    mcq = PracticeSheet.objects.filter(network__slug="mcq")
    assert mcq.count() == sum(count for _state, count in STATE_PLAN) == 60
    assert set(mcq.values_list("state", flat=True)) == set(SheetState.values)
    assert mcq.values("subregion").distinct().count() == 11
    published = mcq.filter(state=SheetState.PUBLISHED)
    assert published.count() == 12
    assert published.filter(scope=Scope.PUBLIC).exists()
    assert not published.filter(published_version__isnull=True).exists()
    assert 0 < PracticeSheet.objects.filter(network__slug="pancanadien").count() < 10
    for sheet in mcq.prefetch_related("transitions"):
        steps = list(sheet.transitions.all())
        if sheet.state == SheetState.DRAFT:
            assert not steps
        else:
            assert steps[-1].to_state == sheet.state
            assert all(s.created_at.year == 2026 for s in steps)
    evaluated = mcq.filter(
        state__in=(SheetState.EVALUATED, SheetState.FORMALISED, SheetState.PUBLISHED)
    )
    assert not evaluated.filter(evaluations__isnull=True).exists()
    assert mcq.filter(search_filter("educatrice")).exists()
    assert Notification.objects.count() == notifications
    assert mail.outbox == []
