"""Background sending of notification emails and digests, exactly once per row."""

from django_tasks import task

from entraide.notifications import delivery


@task()
def send_notification_email(delivery_id: int) -> str:
    return delivery.send(delivery_id)


@task()
def send_digest(digest_id: int) -> str:
    return delivery.send(digest_id, delivery.DIGESTS)


@task()
def send_digests(digest_ids: list[int]) -> dict[str, int]:
    """Send a batch of digests, each claimed on its own: one task per batch built."""
    outcomes: dict[str, int] = {}
    for digest_id in digest_ids:
        outcome = delivery.send(digest_id, delivery.DIGESTS)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
