"""Account email: Quebec wording, the person's language, sent through the queue."""

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from entraide.accounts.tasks import send_account_email
from entraide.core.testing import SMTPFixture, make_person

pytestmark = pytest.mark.django_db

RESET = reverse("account_reset_password")


def test_password_reset_mail_reaches_the_smtp_server_in_quebec_french(
    client, smtp, django_capture_on_commit_callbacks
):
    make_person("lea@exemple.ca")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "lea@exemple.ca"})
    [message] = smtp.to("lea@exemple.ca")
    body = SMTPFixture.body(message)
    assert message["Subject"] == "[Entraide] Choisir un nouveau mot de passe"
    assert "/comptes/password/reset/key/" in body
    assert "e-mail" not in body.lower()
    assert message["Content-Language"] == "fr-ca"


def test_mail_is_rendered_in_the_recipients_language(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    make_person("sam@exemple.ca", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "sam@exemple.ca"})  # the page is in French
    [message] = mailoutbox
    assert message.extra_headers["Content-Language"] == "en"
    with translation.override("en"):
        expected = gettext("Choisir un nouveau mot de passe")
    assert message.subject == f"[Entraide] {expected}"


def test_signup_confirmation_mail_waits_for_the_commit(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    data = {
        "first_name": "Léa",
        "last_name": "Roy",
        "email": "lea@exemple.ca",
        "password1": "une phrase de passe bien longue",
        "password2": "une phrase de passe bien longue",
    }
    with django_capture_on_commit_callbacks() as callbacks:
        client.post(reverse("account_signup"), data)
        assert mailoutbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    [message] = mailoutbox
    assert message.subject == "[Entraide] Confirmez votre adresse courriel"
    assert "/comptes/confirm-email/" in message.body


def test_no_mail_when_the_transaction_rolls_back(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    make_person("lea@exemple.ca")

    class Abort(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Abort), transaction.atomic():
            client.post(RESET, {"email": "lea@exemple.ca"})
            raise Abort
    assert callbacks == []
    assert mailoutbox == []


def test_mail_goes_through_the_task_queue(
    client, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    make_person("lea@exemple.ca")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "lea@exemple.ca"})
    assert mailoutbox == []
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "entraide.accounts.tasks.send_account_email"
    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    assert [m.to for m in mailoutbox] == [["lea@exemple.ca"]]


def test_unknown_address_gets_a_mail_saying_there_is_no_account(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESET, {"email": "personne@exemple.ca"})
    [message] = mailoutbox
    assert message.subject == "[Entraide] Aucun compte à cette adresse"
    assert type(message.extra_headers["Content-Language"]) is str
    assert "/comptes/signup/" in message.body


def test_smtp_failure_is_retried_later(settings, smtp):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    smtp.refuse = True
    message = {
        "subject": "Essai",
        "body": "Bonjour",
        "from_email": "ne-pas-repondre@entraide.localhost",
        "to": ["lea@exemple.ca"],
    }
    assert send_account_email.call(message) == "retry"
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [message, 2]
    assert retry.run_after is not None
    smtp.refuse = False
    assert send_account_email.call(*retry.args_kwargs["args"]) == "sent"
    assert len(smtp.to("lea@exemple.ca")) == 1
