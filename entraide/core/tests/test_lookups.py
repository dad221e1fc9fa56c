"""A list of ids with a number beyond any integer column matches nothing, no error."""

import pytest

from entraide.accounts.models import User
from entraide.core.testing import make_person


@pytest.mark.django_db
def test_pk_in_with_a_huge_number_ignores_it():
    person = make_person("a@example.org")
    assert list(User.objects.filter(pk__in=[person.pk, 2**63])) == [person]
    assert list(User.objects.filter(pk__in=[2**63, -(2**70)])) == []
