"""Local development: DEBUG on, mail written to var/mail/ and listed at /dev/mail/."""

from .base import *  # noqa: F403

DEBUG = True
ELUS2_DEV_MAIL_VIEW = True
