"""Local development: DEBUG on, mail written to var/mail/ and listed at /dev/mail/."""

from .base import *  # noqa: F403
from .base import env, env_bool, env_list

DEBUG = True
ELUS2_DEV_MAIL_VIEW = True
# The local demo lets staff accounts in without a second factor (never in production).
ELUS2_MFA_REQUIRED = env_bool("ELUS2_MFA_REQUIRED", False)

# --- Reminders ----------------------------------------------------------------------------------
# The demo sends reminders whenever `make run` starts, not only 9:00–12:00 on weekdays.
ELUS2_REMINDER_WINDOW = env("ELUS2_REMINDER_WINDOW", "00:00-24:00")
ELUS2_REMINDER_DAYS = env_list("ELUS2_REMINDER_DAYS", "mon,tue,wed,thu,fri,sat,sun")
