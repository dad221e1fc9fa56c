"""The tools list survives any query string (hypothesis)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.library.forms.browse import ToolFilterForm
from entraide.library.selectors import viewer_in
from entraide.library.selectors_browse import tool_communities
from entraide.library.tests.factories import make_tool

FIELDS = (
    "q",
    "kind",
    "theme",
    "audience",
    "age",
    "language",
    "community",
    "licence",
    "sort",
)
nasty = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["\x00", "\u202e", "é" * 5000, "-1", "999999999999999999999", "1.5", '"']
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
def test_the_list_never_fails(client, library, params):
    make_tool(library.network, status="published", scope="public")
    response = client.get(
        reverse("library:list", kwargs={"network": library.network.slug}), params
    )
    assert response.status_code == 200


def test_typed_query_comes_back_with_its_error(rf, library):
    request = rf.get("/")
    request.user = library.member
    viewer = viewer_in(request, library.network.slug)
    form = ToolFilterForm(
        {"q": "é" * 300, "kind": "x"},
        network=library.network,
        communities=tool_communities(viewer),
    )
    filters = form.filters()
    assert "q" in form.errors and filters.get("q") is None
    assert "kind" in form.errors and filters.get("kind") is None
    assert form["q"].value() == "é" * 300
