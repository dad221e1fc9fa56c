"""Background sending of notification emails, exactly once per delivery row."""

from django_tasks import task

from entraide.notifications import delivery


@task()
def send_notification_email(delivery_id: int) -> str:
    return delivery.send(delivery_id)
