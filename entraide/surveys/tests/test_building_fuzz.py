"""Whatever is typed into the survey, section and question forms: never a 5xx,
and what was typed comes back with the error."""

from html import escape

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.surveys.models import QuestionKind

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "\u202eabc",
            "é" * 5001,
            "9" * 40,
            "-1",
            "2026-02-30T25:99",
            "<script>alert(1)</script>",
            "1:0",
            "999999:0",
            "a\nb\na",
        ]
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def url(surveys, name, **kwargs):
    return reverse(
        name,
        kwargs={"network": surveys.network.slug, "pk": surveys.survey.pk, **kwargs},
    )


@FUZZ
@given(
    kind=st.one_of(st.sampled_from(QuestionKind.values), NASTY),
    text=NASTY,
    options=NASTY,
    scale_min=NASTY,
    scale_max=NASTY,
    condition=NASTY,
)
def test_question_form_never_fails(
    client, surveys, kind, text, options, scale_min, scale_max, condition
):
    client.force_login(surveys.facilitator)
    section = surveys.survey.sections.first()
    response = client.post(
        url(surveys, "surveys:question_create", section=section.pk),
        {
            "kind": kind,
            "text": text,
            "options": options,
            "scale_min": scale_min,
            "scale_max": scale_max,
            "scale_label_min": text,
            "condition": condition,
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200 and text.strip() and "\x00" not in text:
        assert escape(text.strip())[:50] in response.content.decode()


@FUZZ
@given(
    title=NASTY,
    welcome=NASTY,
    audience=NASTY,
    opens_at=NASTY,
    closes_at=NASTY,
    job=NASTY,
)
def test_survey_form_never_fails(
    client, surveys, title, welcome, audience, opens_at, closes_at, job
):
    client.force_login(surveys.facilitator)
    response = client.post(
        url(surveys, "surveys:edit"),
        {
            "title": title,
            "community": surveys.community.pk,
            "welcome": welcome,
            "audience": audience,
            "audience_job_roles": [job],
            "audience_subregions": [job],
            "is_anonymous": job,
            "opens_at": opens_at,
            "closes_at": closes_at,
        },
    )
    assert response.status_code in (200, 302)


@FUZZ
@given(title=NASTY, description=NASTY)
def test_section_and_duplicate_forms_never_fail(client, surveys, title, description):
    client.force_login(surveys.facilitator)
    response = client.post(
        url(surveys, "surveys:section_create"),
        {"title": title, "description": description},
    )
    assert response.status_code in (200, 302)
    response = client.post(url(surveys, "surveys:duplicate"), {"title": title})
    assert response.status_code in (200, 302)
