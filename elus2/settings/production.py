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

# Rate limits and sessions need a cache every process shares and that never culls them; rendered
# pages need their own cache, so that culling or evicting them touches nothing else.
_SAFE_DEFAULT_CACHES = ("elus2.cache.ResilientRedisCache", "elus2.cache.NoCullDatabaseCache")
if CACHES["default"]["BACKEND"] not in _SAFE_DEFAULT_CACHES or "pages" not in CACHES:  # noqa: F405
    raise ImproperlyConfigured(
        "En production, le cache « default » (sessions, limites de tentatives) doit être Redis ou "
        "le cache en base sans élimination (elus2.cache.NoCullDatabaseCache), et les pages ont "
        "leur propre cache « pages » : voir elus2/cache.py."
    )
