"""The sheet form fuzzed: any input gives a page or a redirect, never a 5xx."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.practices.models import PracticeSheet, SheetVersion

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 \n", max_size=60),
    st.just("x" * 10_500),
)
ODD_ID = st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str))


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=ODD_TEXT,
    summary=ODD_TEXT,
    steps=ODD_TEXT,
    zone=ODD_ID,
    themes=st.lists(ODD_ID, max_size=3),
    age_group=ODD_TEXT,
    contact_email=ODD_TEXT,
    co_authors=st.lists(ODD_ID, max_size=3),
    lock_version=ODD_ID,
    edit=st.booleans(),
)
def test_sheet_form_never_fails(
    inventory,
    title,
    summary,
    steps,
    zone,
    themes,
    age_group,
    contact_email,
    co_authors,
    lock_version,
    edit,
):
    from entraide.practices.services import authoring

    if not hasattr(inventory, "fuzz_sheet"):
        inventory.fuzz_sheet = authoring.create_sheet(
            network=inventory.network, author=inventory.author, title="Départ"
        )
    sheet = inventory.fuzz_sheet
    client = Client()
    client.force_login(inventory.author)
    kwargs = {"network": inventory.network.slug}
    if edit:
        kwargs["pk"] = sheet.pk
    name = "practices:edit" if edit else "practices:create"
    before = (PracticeSheet.objects.count(), SheetVersion.objects.count())
    response = client.post(
        reverse(name, kwargs=kwargs),
        {
            "title": title,
            "summary": summary,
            "steps": steps,
            "zone": zone,
            "themes": themes,
            "age_group": age_group,
            "contact_email": contact_email,
            "co_authors": co_authors,
            "lock_version": lock_version,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (PracticeSheet.objects.count(), SheetVersion.objects.count()) == before
        if title.strip() and "\x00" not in title and len(title) <= 200:
            assert response.context["form"]["title"].value() == title
