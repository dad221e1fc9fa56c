"""Demo discussions: idempotent, skip communities without members, send nothing."""

import pytest
from django.core import mail

from entraide.communities.models import Community
from entraide.core.demo.discussions import load_demo_discussions
from entraide.discussions.models import HelpfulMark, Reply, Thread
from entraide.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_demo_threads_are_loaded_once(place):
    Community.objects.create(network=place.network, slug="vide", name="Vide")
    first = load_demo_discussions(["mcq"])
    counts = (Thread.objects.count(), Reply.objects.count())
    assert first == Thread.objects.count() > 0
    assert HelpfulMark.objects.exists()
    load_demo_discussions(["mcq"])
    assert (Thread.objects.count(), Reply.objects.count()) == counts
    assert not Thread.objects.filter(community__slug="vide").exists()
    assert not Notification.objects.exists() and not mail.outbox


def test_demo_without_communities_does_nothing(db):
    assert load_demo_discussions(["mcq"]) == 0
