"""Settings of the processes the end-to-end tests start (a Celery worker, an official's request).

The test settings, plus: the test database (DATABASE_URL, given by the test), mail written as one
file per message in ELUS2_TEST_MAIL_DIR, sending slowed down by ELUS2_TEST_SEND_DELAY seconds
(so a test can kill the worker mid-send), the lease the test chooses, and a window open all week.
"""

import os

from elus2.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.reminders.slow_mail.SlowFileEmailBackend"
EMAIL_FILE_PATH = os.environ.get("ELUS2_TEST_MAIL_DIR", "")
ELUS2_REMINDER_WINDOW = "00:00-24:00"
ELUS2_REMINDER_DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ELUS2_REMINDER_HOLDBACK_PERCENT = 0
ELUS2_REMINDER_LEASE_SECONDS = int(os.environ.get("ELUS2_TEST_LEASE_SECONDS", "600"))

# Only the broker at another address (the broker-down test: a closed port), with the bounded waits
# settings/base.py gives a Redis broker; the cache stays where REDIS_URL puts it.
if os.environ.get("ELUS2_TEST_BROKER_URL"):
    CELERY_BROKER_URL = os.environ["ELUS2_TEST_BROKER_URL"]
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "socket_connect_timeout": 1,
        "socket_timeout": 2,
        "visibility_timeout": 3600,
        "max_retries": 1,
    }
