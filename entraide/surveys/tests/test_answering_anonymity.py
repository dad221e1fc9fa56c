"""An anonymous answer is tied to nobody, anywhere in the database.

Every table is read before and after the answer; the rows the answer created must
hold neither the person's id, nor their email, nor their name. The one exception
is ``Participation`` (that they took part), which names no response. The session
table is left out: it holds the login; the draft is checked gone from it.
"""

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.urls import reverse

from entraide.surveys.models import Participation, Question, Response
from entraide.surveys.services.answering import draft_key

pytestmark = pytest.mark.django_db


def snapshot() -> dict:
    rows = {}
    for model in apps.get_models():
        if model in (Session, Participation):
            continue
        rows[model] = {
            row["pk"]: row
            for row in model.objects.values(
                "pk", *[f.attname for f in model._meta.concrete_fields]
            )
        }
    return rows


def test_anonymous_answer_leaves_no_trace_of_the_person(client, surveys):
    s = surveys
    s.survey.status = "open"
    s.survey.save()
    person = s.educator
    client.force_login(person)
    attends = Question.objects.get(survey=s.survey, kind="single")
    reflect = Question.objects.get(survey=s.survey, kind="long_text")
    ranking = Question.objects.get(survey=s.survey, kind="ranking")
    link = reverse("surveys:answer", kwargs={"network": "mcq", "pk": s.survey.pk})
    before = snapshot()
    client.post(link, {f"q{attends.pk}": "Oui", f"q{reflect.pk}": "Beaucoup"})
    assert not Response.objects.exists(), "nothing reaches the database until sent"
    assert client.session[draft_key(s.survey)]
    ranks = {f"q{ranking.pk}_r{i}": str(i + 1) for i in range(5)}
    client.post(f"{link}?section=2", {**ranks, "action": "send"})
    after = snapshot()

    response = Response.objects.get()
    assert response.respondent_id is None
    assert response.updated_at is None and response.submitted_at is None
    assert response.submitted_on is not None
    assert response.answers.count() == 3
    assert draft_key(s.survey) not in client.session
    assert Participation.objects.filter(user=person, survey=s.survey).count() == 1
    assert [f.name for f in Participation._meta.concrete_fields] == [
        "id",
        "survey",
        "user",
    ]

    tell_tales = {
        str(person.pk),
        person.email.lower(),
        person.first_name.lower(),
        person.last_name.lower(),
    }
    created = 0
    for model, rows in after.items():
        for pk, row in rows.items():
            if pk in before.get(model, {}) and before[model][pk] == row:
                continue
            created += 1
            for column, value in row.items():
                if column == "pk":
                    continue
                field = model._meta.get_field(column)
                if field.is_relation:
                    if field.related_model._meta.label == "accounts.User":
                        assert value is None, f"{model.__name__}.{column}"
                    continue
                text = str(value).lower()
                for tale in tell_tales - {str(person.pk)}:
                    assert tale not in text, f"{model.__name__}.{column} holds {tale}"
    assert created == 4  # the response and its three answers
