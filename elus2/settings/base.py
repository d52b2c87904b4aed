"""Settings shared by every environment.

This is the only module that reads the environment (see .env.example for the list and defaults).
dev.py, test.py and production.py only adjust what differs.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if not value:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={value!r} : valeur attendue true ou false.")


def env_int(name: str, default: int) -> int:
    value = env(name)
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} : un nombre entier est attendu.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


# --- Paths and environment --------------------------------------------------------------------

VAR_DIR = Path(env("ELUS2_VAR_DIR") or BASE_DIR / "var")
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The port `make run` serves on (Procfile). Unless ELUS2_SITE_URL says otherwise, the site's
# address follows it, so every link the site builds points at the server that is running.
ELUS2_PORT = env_int("ELUS2_PORT", 8000)
# Absolute address of the site, used in emails and by the Wagtail admin.
SITE_URL = env("ELUS2_SITE_URL", f"http://127.0.0.1:{ELUS2_PORT}").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Public sign-up is closed: officials come by invitation.
ELUS2_SIGNUP_OPEN = env_bool("ELUS2_SIGNUP_OPEN", False)

# --- Database ---------------------------------------------------------------------------------

DATABASE_URL = env("DATABASE_URL")
SQLITE_PATH = VAR_DIR / "db.sqlite3"


def parse_database_url(url: str) -> dict:
    """One clear error for a malformed DATABASE_URL instead of a traceback deep in Django."""
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError):
        scheme = urlsplit(url).scheme or "?"
        raise ImproperlyConfigured(
            f"DATABASE_URL invalide (schéma « {scheme} » inconnu) : "
            "attendu postgres://utilisateur@hôte:port/base ou sqlite:///chemin."
        ) from None
    if config["ENGINE"] == "django.db.backends.postgresql":
        config.setdefault("OPTIONS", {})["connect_timeout"] = 5
    return config


DATABASES = {"default": parse_database_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis, cache and Celery ------------------------------------------------------------------

REDIS_URL = env("REDIS_URL")
if REDIS_URL and urlsplit(REDIS_URL).scheme not in {"redis", "rediss"}:
    raise ImproperlyConfigured(
        f"REDIS_URL invalide : attendu redis://hôte:port/numéro, pas {REDIS_URL!r}."
    )

CELERY_QUEUE_DIR = VAR_DIR / "celery"
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_RESULT_BACKEND = REDIS_URL
    # Bounded waits: a request that enqueues a task never hangs on a dead broker.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 1,
        "socket_timeout": 2,
        "visibility_timeout": 3600,
        "max_retries": 1,
    }
    CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = 1
    CELERY_REDIS_SOCKET_TIMEOUT = 2
else:
    # Embedded broker: kombu's filesystem transport, no server needed.
    CELERY_BROKER_URL = "filesystem://"
    CELERY_RESULT_BACKEND = f"file://{CELERY_QUEUE_DIR / 'results'}"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(CELERY_QUEUE_DIR / "queue"),
        "data_folder_out": str(CELERY_QUEUE_DIR / "queue"),
        "control_folder": str(CELERY_QUEUE_DIR / "control"),
        "processed_folder": str(CELERY_QUEUE_DIR / "processed"),
        "store_processed": False,
    }
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_MAX_RETRIES = 3
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 120
CELERY_TASK_SOFT_TIME_LIMIT = 100
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Paris"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Two caches (the table of every layer is in elus2/cache.py):
# - "default": sessions and allauth's rate limits, counters that must never be culled;
# - "pages" (and "template_fragments", the same store): whatever is rendered or derived from
#   content, keyed by versions kept in the database, so losing an entry only costs a miss.
if REDIS_URL:
    _REDIS_CACHE = {
        # Redis's cache, but a dead Redis is a miss, not an error (elus2/cache.py).
        "BACKEND": "elus2.cache.ResilientRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    CACHES = {
        "default": _REDIS_CACHE,
        "pages": {**_REDIS_CACHE, "KEY_PREFIX": "pages"},
        "template_fragments": {**_REDIS_CACHE, "KEY_PREFIX": "pages"},
    }
else:
    _PAGES_CACHE = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "elus2_pages_cache",
        "OPTIONS": {"MAX_ENTRIES": env_int("ELUS2_PAGES_CACHE_MAX_ENTRIES", 20000)},
    }
    CACHES = {
        # Beyond MAX_ENTRIES expired rows are removed; live ones never are (elus2/cache.py).
        "default": {
            "BACKEND": "elus2.cache.NoCullDatabaseCache",
            "LOCATION": "elus2_cache",
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        },
        "pages": _PAGES_CACHE,
        "template_fragments": _PAGES_CACHE,
    }

# Sessions are read from the cache and written through to the database: one query less per
# signed-in request, and no session lost when the cache is emptied.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Applications -----------------------------------------------------------------------------

INSTALLED_APPS = [
    "elus2.users",
    "elus2.evidence",
    "elus2.learning",
    "elus2.outbox",
    "elus2.cohorts",
    "elus2.quizzes",
    "elus2.reminders",
    "elus2.reporting",
    "elus2.ops",
    "courses",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "elus2.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "elus2.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "elus2.users.mfa_wall.MfaWallMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "elus2.middleware.AdminQueryErrorsMiddleware",
    # Innermost: it needs the language and the user, and serves cached pages to anonymous visitors.
    "courses.cache.AnonymousPageCacheMiddleware",
]
# Bench only: adds X-Queries (SQL queries of the request) so make bench can report it.
ELUS2_QUERY_COUNT_HEADER = env_bool("ELUS2_QUERY_COUNT_HEADER", False)
if ELUS2_QUERY_COUNT_HEADER:
    MIDDLEWARE.insert(0, "elus2.middleware.QueryCountHeaderMiddleware")

ROOT_URLCONF = "elus2.urls"
WSGI_APPLICATION = "elus2.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Users and allauth ------------------------------------------------------------------------

AUTH_USER_MODEL = "users.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/parcours/"  # « Mon parcours »
ACCOUNT_ADAPTER = "elus2.users.adapters.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_BY_CODE_TIMEOUT = 900
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[élus 2.0] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = urlsplit(SITE_URL).scheme or "https"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "élus 2.0"
# Trainers, approvers, staff and admins reach nothing but the MFA enrolment and logout pages
# until they have a second factor. Only the local demo (dev.py) may turn this off.
ELUS2_MFA_REQUIRED = env_bool("ELUS2_MFA_REQUIRED", True)
ACCOUNT_FORMS = {"confirm_login_code": "elus2.users.login_code.ConfirmLoginCodeForm"}
# allauth's limits, kept in the shared cache (Redis, or the database cache: never per process).
# "login_code_failed" is ours: wrong login codes per address and per IP; the 6th is a 429.
ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS = 3
# Per address ("key") and per client IP. A class of 30 officials in one town hall shares one
# public address: asking for a code allows 60 a minute from it.
ACCOUNT_RATE_LIMITS = {
    "login_code_failed": "5/900s/key,20/900s/ip",
    "request_login_code": "60/m/ip,3/m/key",
}
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For:
# the limits above count per client, read that many entries from the right. 0 (no proxy) reads
# the connection's address and ignores the header, which anyone can forge. Production requires
# the setting (production.py): behind a proxy, 0 would put every visitor in one bucket.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("ELUS2_TRUSTED_PROXY_COUNT", 0)
if ALLAUTH_TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("ELUS2_TRUSTED_PROXY_COUNT : un nombre positif ou nul est attendu.")

# --- Wagtail ----------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "élus 2.0"
WAGTAILADMIN_LOGIN_URL = "admin_login"  # → allauth login, or a 403 for signed-in non-staff
# Private pages and passwords go through allauth too (its limits, its second factor).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_I18N_ENABLED = False
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "ods", "pptx", "odp", "txt", "csv"]
# No SVG anywhere: an SVG can carry script. Upload sizes are bounded.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("ELUS2_IMAGE_MAX_UPLOAD_MB", 10) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
ELUS2_DOCUMENT_MAX_UPLOAD_MB = env_int("ELUS2_DOCUMENT_MAX_UPLOAD_MB", 20)
WAGTAILDOCS_DOCUMENT_FORM_BASE = "courses.forms.DocumentForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# No third-party request from the admin (avatars are not fetched from Gravatar).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Videos: YouTube and Dailymotion through their oEmbed endpoints, PeerTube from the listed instances.
ELUS2_PEERTUBE_HOSTS = set(
    env_list("ELUS2_PEERTUBE_HOSTS", "framatube.org,peertube.fr,tube.numerique.gouv.fr")
)
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.dailymotion],
    },
    {"class": "courses.embeds.PeerTubeFinder"},
]
# Wagtail 8 autosaves drafts every 500 ms; on the "add page" form an autosave that lands just
# before "Soumettre" creates the page twice and the second save fails on the slug (500). Trainers
# save and submit explicitly; Wagtail still warns before leaving a form with unsaved changes.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# No request from the admin to Wagtail's servers (the CSP blocks it, and the machines have no
# internet): upgrades are planned from the pinned requirements.
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Security headers -------------------------------------------------------------------------
# The Content-Security-Policy (django-csp): scripts only from our own files, never inline (one
# reviewed exception, Wagtail's admin: see elus2/middleware.py);
# videos only from the embed providers above; no page may frame ours except our own admin preview.
_VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
    *(f"https://{host}" for host in sorted(ELUS2_PEERTUBE_HOSTS)),
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # Wagtail's admin sets style attributes; styles cannot run code.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *_VIDEO_FRAMES],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's preview view overrides this with SAMEORIGIN; the CSP above says the same.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Privacy ----------------------------------------------------------------------------------
# Learner data is anonymised this many months after the end of the person's last cohort.
ELUS2_RETENTION_MONTHS = env_int("ELUS2_RETENTION_MONTHS", 24)

# Facts of the evidence ledger are kept this many years (funders' practice for supporting evidence:
# 6 years; 10 if co-financed by the EU), even after the official erased their account.
ELUS2_EVIDENCE_RETENTION_YEARS = env_int("ELUS2_EVIDENCE_RETENTION_YEARS", 6)

# The training provider as its certificates name it (the Ministry of Labour's model of the
# « certificat de réalisation »): name, SIRET and declaration number, postal address.
ELUS2_PROVIDER_NAME = env("ELUS2_PROVIDER_NAME", "élus 2.0")
ELUS2_PROVIDER_SIRET = env("ELUS2_PROVIDER_SIRET", "")
ELUS2_PROVIDER_NDA = env("ELUS2_PROVIDER_NDA", "")
ELUS2_PROVIDER_ADDRESS = env("ELUS2_PROVIDER_ADDRESS", "")
ELUS2_PROVIDER_SIGNATORY = env("ELUS2_PROVIDER_SIGNATORY", "")

# --- Languages and time -----------------------------------------------------------------------

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("Français")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "elus2" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Email ------------------------------------------------------------------------------------

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "élus 2.0 <formation@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "elus2.mail.FileEmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10

# --- Logging ----------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Emails, codes and tokens are masked as each record is made (elus2/logscrub.py).
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    # Wagtail logs every page action, django_tasks every background step, WeasyPrint (and the
    # fontTools it subsets fonts with) every step of every PDF: quiet by default.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Demo accounts with a known password: never in production (production.py turns it off).
ELUS2_DEMO_ALLOWED = True

# Signed-in officials' lesson pages are served from the cache until what they show changes
# (elus2/learning/page_cache.py). On everywhere, tests included (one test turns it off).
ELUS2_LEARNER_PAGE_CACHE = True

# Honest active time: what lesson heartbeats may add at most (minutes).
ELUS2_ACTIVE_LESSON_CAP_MINUTES = env_int("ELUS2_ACTIVE_LESSON_CAP_MINUTES", 30)
ELUS2_ACTIVE_DAILY_CAP_MINUTES = env_int("ELUS2_ACTIVE_DAILY_CAP_MINUTES", 240)

# --- Reminders --------------------------------------------------------------------------------
# Reminder emails go out only inside this window (Europe/Paris, "HH:MM-HH:MM") on these days.
ELUS2_REMINDER_WINDOW = env("ELUS2_REMINDER_WINDOW", "09:00-12:00")
ELUS2_REMINDER_DAYS = env_list("ELUS2_REMINDER_DAYS", "mon,tue,wed,thu,fri")
# Share of eligible learners (per learner and cohort, by hash) who get no reminder, to measure.
ELUS2_REMINDER_HOLDBACK_PERCENT = env_int("ELUS2_REMINDER_HOLDBACK_PERCENT", 10)
# Life of the one-click sign-in link in a reminder.
ELUS2_REMINDER_LINK_HOURS = env_int("ELUS2_REMINDER_LINK_HOURS", 72)
# Sending attempts (transient SMTP errors, crashed workers) before a reminder is marked failed.
ELUS2_REMINDER_MAX_ATTEMPTS = env_int("ELUS2_REMINDER_MAX_ATTEMPTS", 5)
# A claimed reminder not sent within this time is claimed again (longer than the send task's limit).
ELUS2_REMINDER_LEASE_SECONDS = env_int("ELUS2_REMINDER_LEASE_SECONDS", 600)
# Memberships read per sweep batch (memory and queries grow with batches, not learners).
ELUS2_REMINDER_BATCH_SIZE = env_int("ELUS2_REMINDER_BATCH_SIZE", 2000)
