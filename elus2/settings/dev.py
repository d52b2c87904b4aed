"""Local development: DEBUG on, mail written to var/mail/ and listed at /dev/mail/."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = True
ELUS2_DEV_MAIL_VIEW = True
# The local demo lets staff accounts in without a second factor (never in production).
ELUS2_MFA_REQUIRED = env_bool("ELUS2_MFA_REQUIRED", False)
