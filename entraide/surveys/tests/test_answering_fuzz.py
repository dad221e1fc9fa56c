"""Whatever is sent for each kind of question: never a 5xx."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.surveys.models import OTHER, Question

pytestmark = pytest.mark.django_db

NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "\x00",
            "\u202e3",
            "é" * 6000,
            "1e100",
            "NaN",
            "-Infinity",
            "9" * 40,
            "3,5",
            "2026-02-30",
            "0000-00-00",
            OTHER,
            "Oui",
            "0",
            "99",
            "<script>alert(1)</script>",
        ]
    ),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def field_names(survey):
    names = []
    for question in Question.objects.filter(survey=survey):
        if question.kind == "ranking":
            names += [f"q{question.pk}_r{i}" for i in range(len(question.options))]
        else:
            names += [f"q{question.pk}", f"q{question.pk}_other"]
    return names


@FUZZ
@given(values=st.lists(NASTY, min_size=20, max_size=20), section=NASTY)
def test_answer_submission_never_fails(client, surveys, values, section):
    s = surveys
    s.survey.status = "open"
    s.survey.save()
    client.force_login(s.educator)
    data = dict(zip(field_names(s.survey), values, strict=False))
    data["action"] = values[0] if values[0] in ("previous", "send") else "next"
    link = reverse("surveys:answer", kwargs={"network": "mcq", "pk": s.survey.pk})
    for page in ("1", "2", section):
        response = client.post(link + "?" + f"section={page}", data)
        assert response.status_code < 500
    assert client.get(link).status_code < 500
