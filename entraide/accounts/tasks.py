"""Background sending of account email: confirmations, password resets.

The message is rendered in the request (see ``AccountAdapter.send_mail``) and handed
over as plain data, so a worker needs neither the request nor the person's row.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6


def build_message(message: dict) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message["subject"],
        body=message["body"],
        from_email=message["from_email"],
        to=message["to"],
        headers=message.get("headers") or {},
    )
    if message.get("html"):
        email.attach_alternative(message["html"], "text/html")
    return email


@task()
def send_account_email(message: dict, attempt: int = 1) -> str:
    """Send one rendered account email; on an SMTP failure, try again later.

    A backend that cannot defer (the immediate one used in tests) lets the error
    surface instead.
    """
    try:
        build_message(message).send()
    except (smtplib.SMTPException, OSError) as error:
        backend = send_account_email.get_backend()
        if attempt >= MAX_ATTEMPTS or not backend.supports_defer:
            raise
        delay = timedelta(seconds=min(30 * 2 ** (attempt - 1), 3600))
        logger.warning("Account email not sent (attempt %s): %s", attempt, error)
        send_account_email.using(run_after=timezone.now() + delay).enqueue(
            message, attempt + 1
        )
        return "retry"
    return "sent"
