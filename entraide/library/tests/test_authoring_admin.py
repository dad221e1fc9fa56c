"""The Django admin of tools is fenced to the networks its staff administer."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from entraide.core.testing import make_member
from entraide.library.tests.factories import make_tool

pytestmark = pytest.mark.django_db


def test_admin_lists_only_tools_of_administered_networks(client, library):
    make_tool(library.network, "Outil de chez nous")
    foreign = make_tool(library.other_network, "Outil d'ailleurs")
    staff = make_member(
        library.network, "staff@mcq.example", role="admin", is_staff=True
    )
    staff.user_permissions.add(
        *Permission.objects.filter(content_type__app_label="library")
    )
    client.force_login(staff)
    page = client.get(reverse("admin:library_tool_changelist")).content.decode()
    assert "Outil de chez nous" in page
    assert "Outil d&#x27;ailleurs" not in page and "Outil d'ailleurs" not in page
    response = client.get(reverse("admin:library_tool_change", args=[foreign.pk]))
    assert response.status_code == 404
