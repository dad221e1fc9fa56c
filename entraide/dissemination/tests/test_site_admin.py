"""The Django admin of news posts is fenced to the networks its staff administer."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from entraide.core.testing import make_member
from entraide.dissemination.tests.conftest import news

pytestmark = pytest.mark.django_db


def test_admin_lists_only_news_of_administered_networks(client, content):
    foreign = news(content.other_network, "Nouvelle d'ailleurs", slug="ailleurs")
    staff = make_member(
        content.network, "staff@mcq.example", role="admin", is_staff=True
    )
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="dissemination")
    )
    client.force_login(staff)
    page = client.get(
        reverse("admin:dissemination_newspost_changelist")
    ).content.decode()
    assert "Nouvelle publiée" in page
    assert "ailleurs" not in page
    response = client.get(
        reverse("admin:dissemination_newspost_change", args=[foreign.pk])
    )
    assert response.status_code == 404
