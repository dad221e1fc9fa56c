"""Passwords, login throttling, enumeration and sessions."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client
from django.urls import reverse

from entraide.accounts.models import User
from entraide.core.testing import make_person

pytestmark = pytest.mark.django_db

PASSWORD = "motdepasse-solide-2026"
LOGIN = reverse("account_login")


def signup_data(email, password="une phrase de passe bien longue", **extra):
    return {
        "first_name": "Noémie",
        "last_name": "Tremblay",
        "email": email,
        "job_role": "educator",
        "password1": password,
        "password2": password,
        **extra,
    }


def page_text(response, *typed) -> str:
    """The page's main content without CSRF tokens and what the visitor typed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", main)
    for value in typed:
        main = main.replace(value, "<typed>")
    return main


def test_signup_refuses_short_and_common_passwords(client):
    response = client.post(
        reverse("account_signup"), signup_data("a@exemple.ca", "court")
    )
    assert response.status_code == 200
    assert "au minimum 8 caractères" in response.content.decode()
    response = client.post(
        reverse("account_signup"), signup_data("a@exemple.ca", "password123")
    )
    assert "trop courant" in response.content.decode()
    assert not User.objects.exists()


def test_signup_accepts_a_long_passphrase(client, django_capture_on_commit_callbacks):
    passphrase = "Les enfants jouent dehors sous la pluie de novembre! " * 4
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_signup"), signup_data("long@exemple.ca", passphrase)
        )
    assert response.status_code == 302
    user = User.objects.get(email="long@exemple.ca")
    assert user.check_password(passphrase)
    assert user.password.startswith("argon2")


def test_password_fields_do_not_block_pasting(client):
    content = client.get(reverse("account_signup")).content.decode().lower()
    assert 'type="password"' in content
    for blocker in ("onpaste", "oncopy", "ondrop", 'maxlength="128"'):
        assert blocker not in content


def test_login_is_throttled_after_repeated_failures(client, settings):
    settings.AXES_ENABLED = True
    make_person("cible@exemple.ca")
    statuses = [
        client.post(
            LOGIN, {"login": "cible@exemple.ca", "password": "mauvais"}
        ).status_code
        for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = client.post(LOGIN, {"login": "cible@exemple.ca", "password": PASSWORD})
    assert locked.status_code == 429
    assert "Trop de tentatives" in locked.content.decode()
    assert SESSION_KEY not in client.session


def test_login_answers_the_same_for_known_and_unknown_emails(client):
    make_person("connue@exemple.ca")
    known = client.post(LOGIN, {"login": "connue@exemple.ca", "password": "mauvais1"})
    unknown = client.post(
        LOGIN, {"login": "inconnue@exemple.ca", "password": "mauvais1"}
    )
    assert known.status_code == unknown.status_code == 200
    assert page_text(known, "connue@exemple.ca") == page_text(
        unknown, "inconnue@exemple.ca"
    )
    assert "Le courriel ou le mot de passe est incorrect" in known.content.decode()


def test_password_reset_answers_the_same_for_known_and_unknown_emails(client):
    make_person("connue@exemple.ca")
    url = reverse("account_reset_password")
    known = client.post(url, {"email": "connue@exemple.ca"}, follow=True)
    unknown = client.post(url, {"email": "inconnue@exemple.ca"}, follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert page_text(known) == page_text(unknown)


def test_signup_answers_the_same_for_known_and_unknown_emails(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    make_person("connue@exemple.ca")
    url = reverse("account_signup")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(url, signup_data("connue@exemple.ca"), follow=True)
    client.cookies.clear()
    with django_capture_on_commit_callbacks(execute=True):
        unknown = client.post(url, signup_data("nouvelle@exemple.ca"), follow=True)
    assert known.redirect_chain == unknown.redirect_chain
    assert known.status_code == unknown.status_code == 200
    assert page_text(known, "connue@exemple.ca") == page_text(
        unknown, "nouvelle@exemple.ca"
    )
    # Only the mailbox's owner learns the difference.
    assert User.objects.filter(email="connue@exemple.ca").count() == 1
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert "déjà un compte" in subjects["connue@exemple.ca"]
    assert "Confirmez" in subjects["nouvelle@exemple.ca"]


def test_session_id_changes_at_login(client):
    make_person("marie@exemple.ca")
    session = client.session
    session["avant"] = True
    session.save()
    before = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = before
    response = client.post(LOGIN, {"login": "marie@exemple.ca", "password": PASSWORD})
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not SessionStore().exists(before)
    assert SESSION_KEY in client.session


def test_logout_kills_the_session(client):
    make_person("marie@exemple.ca")
    client.post(LOGIN, {"login": "marie@exemple.ca", "password": PASSWORD})
    old_cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("accounts:profile")).status_code == 200

    client.post(reverse("account_logout"))

    assert not SessionStore().exists(old_cookie)
    replay = Client()
    replay.cookies[settings.SESSION_COOKIE_NAME] = old_cookie
    response = replay.get(reverse("accounts:profile"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
