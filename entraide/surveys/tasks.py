"""Background work of the surveys: writing a mailing's invitations."""

from django_tasks import task

from entraide.surveys.services import mailing


@task()
def prepare_mailing(mailing_id: int) -> int:
    return mailing.prepare(mailing_id)
