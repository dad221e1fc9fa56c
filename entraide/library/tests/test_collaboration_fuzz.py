"""The comment and use forms fuzzed: a page or a redirect, never a 5xx, and a
refused text comes back as typed."""

from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.library.models import ToolComment, ToolStatus, ToolUse
from entraide.library.tests.factories import make_tool

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 \n", max_size=60),
    st.just("x" * 6_000),
)
FUZZ = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def _typed_back(response, text):
    if text.strip() and "\x00" not in text:
        assert escape(text.strip()[:40]) in response.content.decode()


@FUZZ
@given(
    body=ODD_TEXT,
    kind=st.one_of(st.sampled_from(["comment", "suggestion"]), st.text(max_size=20)),
)
def test_the_comment_form_never_fails(library, body, kind):
    tool = make_tool(library.network, community=library.community)
    client = Client()
    client.force_login(library.member)
    url = reverse("library:comment", kwargs={"network": "mcq", "pk": tool.pk})
    response = client.post(url, {"kind": kind, "body": body})
    assert response.status_code in (200, 302)
    saved = ToolComment.objects.filter(tool=tool)
    if response.status_code == 200:
        assert not saved.exists()
        _typed_back(response, body)
    else:
        assert saved.get().body == body.strip()


@FUZZ
@given(comment=ODD_TEXT)
def test_the_use_form_never_fails(library, comment):
    tool = make_tool(
        library.network, community=library.community, status=ToolStatus.PUBLISHED
    )
    client = Client()
    client.force_login(library.network_member)
    url = reverse("library:report_use", kwargs={"network": "mcq", "pk": tool.pk})
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302)
    tool.refresh_from_db()
    if response.status_code == 200:
        assert tool.use_count == 0 and not ToolUse.objects.filter(tool=tool).exists()
        _typed_back(response, comment)
    else:
        assert tool.use_count == 1


@FUZZ
@given(scope=st.text(max_size=30), comment=ODD_TEXT, query=st.text(max_size=300))
def test_the_publish_and_links_forms_never_fail(library, scope, comment, query):
    tool = make_tool(
        library.network, community=library.community, status=ToolStatus.VALIDATED
    )
    client = Client()
    client.force_login(library.lead)
    kwargs = {"network": "mcq", "pk": tool.pk}
    response = client.post(
        reverse("library:publish", kwargs=kwargs), {"scope": scope, "comment": comment}
    )
    assert response.status_code in (200, 302)
    response = client.get(reverse("library:links", kwargs=kwargs), {"q": query})
    assert response.status_code == 200
    response = client.post(
        reverse("library:links", kwargs=kwargs), {"practices": [query[:10]]}
    )
    assert response.status_code in (200, 302)
