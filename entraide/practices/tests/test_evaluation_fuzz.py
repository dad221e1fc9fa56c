"""The score form fuzzed: any input gives a page or a redirect, never a 5xx, and a
refused draft keeps the comment typed."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.practices.models import Evaluation, Score
from entraide.practices.services import evaluation as services
from entraide.practices.tests.access_evaluation import sheet_at

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 ", max_size=60),
    st.just("x" * 6_000),
)
SCORE = st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str), st.just(""))


@pytest.fixture
def draft(inventory):
    sheet = sheet_at(
        "sent_to_scientific",
        network=inventory.network,
        author=inventory.author,
        rep=inventory.rep,
    )
    services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    return sheet


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    scores=st.lists(SCORE, min_size=4, max_size=4),
    comment=ODD_TEXT,
    submit=st.booleans(),
)
def test_score_form_never_fails(inventory, draft, scores, comment, submit):
    evaluation = Evaluation.objects.get(sheet=draft, evaluator=inventory.evaluator)
    if evaluation.submitted_at:
        return
    criteria = list(inventory.grid.criteria.all())
    data = {
        f"criterion_{c.pk}": value for c, value in zip(criteria, scores, strict=True)
    }
    data["comment"] = comment
    data["submit" if submit else "save"] = "1"
    client = Client()
    client.force_login(inventory.evaluator)
    url = reverse(
        "practices:evaluate", kwargs={"network": inventory.network.slug, "pk": draft.pk}
    )
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    assert all(
        1 <= value <= 5
        for value in Score.objects.filter(evaluation=evaluation).values_list(
            "value", flat=True
        )
    )
    if response.status_code == 200 and "\x00" not in comment and len(comment) <= 5000:
        assert response.context["form"]["comment"].value() == comment
