"""The draft's forms under odd input, and the archive's query count."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.communiques.models import CommuniqueStatus
from entraide.communiques.services import assembly

pytestmark = pytest.mark.django_db

ODD = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300
) | st.sampled_from(["\x00", "\u202eabc", "é" * 6000, "=1+1"])


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(subject=ODD, intro=ODD, title=ODD, text=ODD)
def test_odd_input_never_breaks_the_draft(
    client, lead, draft, subject, intro, title, text
):
    client.force_login(lead)
    kwargs = {"network": draft.network.slug, "pk": draft.pk}
    answer = client.post(
        reverse("communiques:edit", kwargs=kwargs), {"subject": subject, "intro": intro}
    )
    assert answer.status_code in (200, 302)
    if answer.status_code == 200:
        # Refused: the typed text comes back with the error.
        assert answer.context["form"].data["subject"] == subject
        assert answer.context["form"].errors
    added = client.post(
        reverse("communiques:item_add", kwargs=kwargs), {"title": title, "text": text}
    )
    assert added.status_code in (200, 302)


def _archive(network, count):
    for index in range(count):
        communique = assembly.assemble(
            network=network, month=datetime.date(2020 + index // 12, index % 12 + 1, 1)
        )
        communique.status = CommuniqueStatus.SENT
        communique.save()


@pytest.mark.parametrize("count", [2, 20])
def test_archive_queries_do_not_grow(
    client, network, lead, count, django_assert_max_num_queries
):
    _archive(network, count)
    client.force_login(lead)
    with django_assert_max_num_queries(14):
        answer = client.get(reverse("communiques:list", args=[network.slug]))
    assert answer.status_code == 200
