"""Test fixtures shared by every app: real SMTP server, Chromium, axe, people."""

import os
import shutil
import tempfile

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("ENTRAIDE_DISABLE_RATE_LIMITS", "1")
os.environ.setdefault("AXES_ENABLED", "false")
os.environ.setdefault("ENTRAIDE_DATA_DIR", tempfile.mkdtemp(prefix="entraide-data-"))

from entraide.core.testing import FAST_HASHERS, SMTPFixture  # noqa: E402


@pytest.fixture(scope="session")
def smtp_session():
    server = SMTPFixture()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def smtp(smtp_session, settings):
    """A real SMTP server on loopback; messages it received are in ``smtp.messages``."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_session.port
    smtp_session.clear()
    return smtp_session


@pytest.fixture(autouse=True)
def _no_stray_mail(settings, request):
    """Tests that did not ask for the SMTP server must not reach a real one."""
    if "smtp" not in request.fixturenames and "live_smtp" not in request.fixturenames:
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    }
    # pytest-django reads the settings before this file sets the environment above,
    # so the test defaults are applied here too: allauth's rate limits and axes off
    # unless a test turns them on.
    settings.ACCOUNT_RATE_LIMITS = False
    settings.AXES_ENABLED = False
    settings.PASSWORD_HASHERS = FAST_HASHERS
    # Browser stories travel in time on the server; a dated CSRF cookie would look
    # expired to the browser's real clock once that date has passed.
    settings.CSRF_COOKIE_AGE = None


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium") or "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fr-CA", "timezone_id": "America/Toronto"}
