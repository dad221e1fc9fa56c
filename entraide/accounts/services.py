"""Writes to a person's own account."""

from django.db import transaction

from entraide.accounts.models import User


@transaction.atomic
def update_profile(*, user: User, data: dict) -> User:
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean()
    user.save()
    return user
