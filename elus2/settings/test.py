"""The test suite: fast hashing, mail kept in memory, tasks enqueued nowhere unless a test says so."""

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = VAR_DIR / "test-media"
ELUS2_DEV_MAIL_VIEW = True
# Tests that need the MFA wall turn it on (tests/users/test_mfa_wall.py).
ELUS2_MFA_REQUIRED = False
