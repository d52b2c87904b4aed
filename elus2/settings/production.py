"""Production: hardening only. Everything else comes from base.py and the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env, env_bool, env_int

DEBUG = False
if SECRET_KEY.startswith("dev-only") or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY doit être défini (50 caractères au moins) en production."
    )

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
ELUS2_DEV_MAIL_VIEW = False
ELUS2_DEMO_ALLOWED = False

# Rate limits count per client address: say how many proxies stand in front (0 if none).
if not env("ELUS2_TRUSTED_PROXY_COUNT"):
    raise ImproperlyConfigured(
        "ELUS2_TRUSTED_PROXY_COUNT doit être défini en production : le nombre de proxys "
        "inverses devant le site (0 si aucun), pour compter les tentatives par visiteur."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
ELUS2_MFA_REQUIRED = True

# Rate limits and sessions need a cache every process shares.
if CACHES["default"]["BACKEND"].endswith(("LocMemCache", "DummyCache")):  # noqa: F405
    raise ImproperlyConfigured(
        "En production, le cache doit être partagé (Redis ou base de données), "
        "pas local au processus : les limites de tentatives en dépendent."
    )
