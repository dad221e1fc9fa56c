"""The agenda item form fuzzed: any input gives a page or a redirect, never a 5xx."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.meetings.models import AgendaItem

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 ", max_size=60),
    st.just("x" * 6_000),
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=ODD_TEXT,
    description=ODD_TEXT,
    duration=st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str)),
    presenter=st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str)),
    presenter_name=ODD_TEXT,
    propose=st.booleans(),
)
def test_agenda_item_form_never_fails(
    place, title, description, duration, presenter, presenter_name, propose
):
    if not hasattr(place, "fuzz_session"):
        place.fuzz_session = place.session()
    session = place.fuzz_session
    client = Client()
    client.force_login(place.educator if propose else place.facilitator)
    name = "meetings:agenda_propose" if propose else "meetings:agenda_add"
    before = AgendaItem.objects.count()
    response = client.post(
        reverse(name, kwargs=place.kwargs(pk=session.pk)),
        {
            "title": title,
            "description": description,
            "duration_minutes": duration,
            "presenter": presenter,
            "presenter_name": presenter_name,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert AgendaItem.objects.count() == before
        if title.strip() and "\x00" not in title and len(title) <= 200:
            assert response.context["form"]["title"].value() == title
