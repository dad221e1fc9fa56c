"""The report's range form fuzzed: whatever is typed, no 5xx and it comes back."""

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

typed = st.one_of(
    st.text(max_size=300),
    st.dates().map(str),
    st.sampled_from(["2026-02-30", "0000-01-01", "9999-12-31", "\x00", "\u202e2026"]),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(start=typed, end=typed)
def test_any_range_answers_without_error(client, plans, start, end):
    client.force_login(plans.lead)
    kwargs = {"network": plans.network.slug, "plan": plans.plan.pk}
    query = {"start": start.replace("\x00", ""), "end": end.replace("\x00", "")}
    response = client.get(reverse("plans:report", kwargs=kwargs), query)
    assert response.status_code == 200
    for name in ("plans:report_csv", "plans:report_pdf"):
        if "report" in response.context and name == "plans:report_pdf":
            continue
        assert client.get(reverse(name, kwargs=kwargs), query).status_code in (
            200,
            302,
        )
