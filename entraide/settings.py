"""Entraide settings, read from environment variables.

SQLite (WAL) is the embedded default; set DATABASE_URL for PostgreSQL. Production
settings come from ENTRAIDE_ENV=production and pass ``manage.py check --deploy``.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


PRODUCTION = os.environ.get("ENTRAIDE_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise RuntimeError("SECRET_KEY must be set in production")
    SECRET_KEY = "dev-only-insecure-key-entraide-do-not-use-in-production-0123456789"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "axes",
    "csp",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "entraide.core",
    "entraide.accounts",
    "entraide.networks",
    "entraide.notifications",
    "entraide.communities",
    "entraide.discussions",
    "entraide.meetings",
    "entraide.practices",
    "entraide.library",
    "entraide.plans",
    "entraide.surveys",
    "entraide.search",
    "entraide.dissemination",
    "entraide.communiques",
    "entraide.reports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "entraide.core.middleware.PersonLanguageMiddleware",
    "entraide.core.middleware.PersonTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "entraide.urls"
WSGI_APPLICATION = "entraide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "entraide.core.context_processors.site",
            ],
        },
    }
]

DATA_DIR = Path(os.environ.get("ENTRAIDE_DATA_DIR", PROJECT_DIR / "var"))
(DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'entraide.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=20000;"
            ),
        }
    )
    # Tests use a file, not memory: the live server and the worker need to share it.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"entraide-{os.getpid()}.sqlite3")
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {
        "NAME": _VALIDATORS + "MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
SITE_ID = 1

# django-allauth: email is the login, verification is mandatory.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Entraide] "
ACCOUNT_ADAPTER = "entraide.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {
    name: f"entraide.accounts.forms.{form}"
    for name, form in {
        "signup": "SignupForm",
        "login": "LoginForm",
        "reauthenticate": "ReauthenticateForm",
        "reset_password": "ResetPasswordForm",
        "reset_password_from_key": "ResetPasswordKeyForm",
        "change_password": "ChangePasswordForm",
        "set_password": "SetPasswordForm",
        "add_email": "AddEmailForm",
    }.items()
}
# allauth merges a dict with its defaults: only False turns its limits off.
ACCOUNT_RATE_LIMITS = False if env_bool("ENTRAIDE_DISABLE_RATE_LIMITS", False) else None
if ACCOUNT_RATE_LIMITS is None:
    del ACCOUNT_RATE_LIMITS

# django-axes: lock out after repeated failures (per email + IP).
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "entraide.accounts.throttle.login_username"
AXES_LOCKOUT_TEMPLATE = "axes_lockout.html"
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429

LANGUAGE_CODE = "fr-ca"
FORMAT_MODULE_PATH = ["entraide.core.formats"]
LANGUAGES = [("fr-ca", _("Français")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Toronto"
LANGUAGE_COOKIE_NAME = "entraide_language"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = (
    "/media/"  # never routed: files are served by views after a permission check
)
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Email: SMTP everywhere (a local relay in development, a provider in production).
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "1025"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Entraide <ne-pas-repondre@entraide.localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks with the database backend (no broker).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# Search: what one search may cost, whatever the size of the network. Counts
# per kind stop at SEARCH_COUNT_MAX (« 1 000+ »); a kind matching more is also
# looked for among its SEARCH_RECENT_WINDOW newest rows; pages reach at most
# SEARCH_LISTED_MAX results.
SEARCH_COUNT_MAX = 500
SEARCH_RECENT_WINDOW = 200
SEARCH_LISTED_MAX = 500

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# django-csp 4: no inline script anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Who answers privacy questions (Law 25): shown in every page's footer.
PRIVACY_OFFICER_NAME = os.environ.get("PRIVACY_OFFICER_NAME", "")
PRIVACY_OFFICER_EMAIL = os.environ.get(
    "PRIVACY_OFFICER_EMAIL", "vie-privee@entraide.localhost"
)

# Invitations and notification email delivery.
INVITATION_VALID_DAYS = int(os.environ.get("INVITATION_VALID_DAYS", "14"))
EMAIL_DELIVERY_LEASE_SECONDS = int(
    os.environ.get("EMAIL_DELIVERY_LEASE_SECONDS", "300")
)
EMAIL_DELIVERY_MAX_ATTEMPTS = int(os.environ.get("EMAIL_DELIVERY_MAX_ATTEMPTS", "8"))
# First retry delay after a temporary SMTP failure; doubles each attempt, up to 1 h.
EMAIL_DELIVERY_RETRY_SECONDS = int(os.environ.get("EMAIL_DELIVERY_RETRY_SECONDS", "30"))
# Daily and weekly digests go at this hour of the person's own time zone.
NOTIFICATIONS_DIGEST_HOUR = int(os.environ.get("NOTIFICATIONS_DIGEST_HOUR", "7"))
# People per pass of the digest job, and digests per sending task.
NOTIFICATIONS_DIGEST_BATCH = int(os.environ.get("NOTIFICATIONS_DIGEST_BATCH", "100"))

# Session reminders, in minutes before the start (comma-separated in the env).
MEETINGS_REMINDER_MINUTES = tuple(
    int(value)
    for value in os.environ.get("MEETINGS_REMINDER_MINUTES", "1440,60").split(",")
    if value.strip()
)

# What the worker runs at start and then every --requeue-interval seconds.
WORKER_HOUSEKEEPING = [
    "entraide.notifications.delivery.requeue_stale",
    "entraide.meetings.services.reminders.send_due_reminders",
    "entraide.surveys.services.mailing.resume_mailings",
    "entraide.notifications.digests.build_due_digests",
    "entraide.communiques.services.sending.housekeeping",
]
# How many unfinished survey mailings one housekeeping pass takes up.
SURVEYS_RESUME_BATCH = 20

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
