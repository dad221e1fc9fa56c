"""The published practices list survives any query string (hypothesis)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.practices.forms.browse import PracticeFilterForm

FIELDS = ("q", "theme", "zone", "age", "subregion", "setting", "evidence", "sort")
nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["\x00", "\u202e", "é" * 5000, "-1", "999999999999999999999", "1.5"]
    ),
    st.integers().map(str),
)


@pytest.mark.django_db
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(params=st.dictionaries(st.sampled_from([*FIELDS, "page"]), nasty, max_size=5))
def test_filter_form_never_fails(client, inventory, params):
    response = client.get(
        reverse("practices:list", kwargs={"network": inventory.network.slug}), params
    )
    assert response.status_code == 200


@pytest.mark.django_db
def test_typed_query_comes_back_with_its_error(inventory):
    form = PracticeFilterForm({"q": "é" * 300, "age": "x"}, network=inventory.network)
    filters = form.filters()
    assert "q" in form.errors and filters.get("q") is None
    assert form["q"].value() == "é" * 300
