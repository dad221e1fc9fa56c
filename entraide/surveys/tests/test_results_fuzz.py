"""The themes form and the results' crossing fuzzed: no 5xx, whatever is sent."""

from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.meetings.models import YearTheme

typed = st.one_of(
    st.text(max_size=60),
    st.integers(min_value=-(10**6), max_value=10**6).map(str),
    st.sampled_from(["2026", "2027", "0", "", "\u202e2026", "1e9", "２０２６"]),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(season=typed, count=typed)
def test_any_themes_post_answers_without_error(client, surveys, season, count):
    client.force_login(surveys.facilitator)
    survey = surveys.survey
    page = reverse(
        "surveys:themes",
        kwargs={
            "network": survey.network.slug,
            "pk": survey.pk,
            "question": survey.questions.get(kind="ranking").pk,
        },
    )
    data = {"season": season.replace("\x00", ""), "count": count.replace("\x00", "")}
    response = client.post(page, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors
    assert YearTheme.objects.count() <= len(
        survey.questions.get(kind="ranking").options
    )


@FUZZ
@given(crossing=typed)
def test_any_crossing_answers_without_error(client, surveys, crossing):
    client.force_login(surveys.lead)
    page = reverse(
        "surveys:results",
        kwargs={"network": surveys.network.slug, "pk": surveys.survey.pk},
    )
    response = client.get(page, {"croiser": crossing.replace("\x00", "")})
    assert response.status_code == 200
