"""Background work of the communiqué: writing its deliveries, sending each one."""

from django_tasks import task

from entraide.notifications import delivery


@task()
def write_deliveries(communique_id: int) -> int:
    from entraide.communiques.services.sending import write_deliveries

    return write_deliveries(communique_id)


@task()
def send_communique_email(delivery_id: int) -> str:
    from entraide.communiques.delivery import COMMUNIQUES

    return delivery.send(delivery_id, COMMUNIQUES)
