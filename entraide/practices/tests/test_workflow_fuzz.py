"""The comment and reason forms fuzzed: a page or a redirect, never a 5xx, and a
refused text comes back as typed."""

from django.test import Client
from django.urls import reverse
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.practices.models import SheetState
from entraide.practices.tests.access_workflow import make_sheet

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 \n", max_size=60),
    st.just("x" * 6_000),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=ODD_TEXT,
    name=st.sampled_from(["request_changes", "decline", "retain"]),
)
def test_the_comment_forms_never_fail(inventory, text, name):
    sheet = make_sheet(inventory.network, inventory.author, state=SheetState.SUBMITTED)
    client = Client()
    client.force_login(inventory.rep)
    url = reverse(f"practices:{name}", kwargs={"network": "mcq", "pk": sheet.pk})
    field = "reason" if name == "decline" else "comment"
    response = client.post(url, {field: text})
    assert response.status_code in (200, 302)
    sheet.refresh_from_db()
    if response.status_code == 200:
        assert sheet.state == SheetState.SUBMITTED
        if text.strip() and "\x00" not in text:
            assert escape(text.strip()[:40]) in response.content.decode()
    else:
        assert sheet.state != SheetState.SUBMITTED
