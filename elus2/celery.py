"""The Celery app and the beat schedule.

The broker is Redis when REDIS_URL is set, otherwise kombu's filesystem transport under var/celery/
(settings/base.py), so `make run` needs no server. Reliability defaults live in settings/base.py.
"""

from __future__ import annotations

import os
from pathlib import Path

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "elus2.settings.dev")

app = Celery("elus2")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_configure.connect
def _prepare_embedded_broker(sender, **kwargs) -> None:
    """The filesystem transport and result backend need their folders before the first message."""
    from django.conf import settings

    if not settings.CELERY_BROKER_URL.startswith("filesystem://"):
        return
    options = settings.CELERY_BROKER_TRANSPORT_OPTIONS
    for key in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        Path(options[key]).mkdir(parents=True, exist_ok=True)
    Path(settings.CELERY_RESULT_BACKEND.removeprefix("file://")).mkdir(parents=True, exist_ok=True)


# One line per entry: what runs, and when.
app.conf.beat_schedule = {
    # Liveness of the worker/beat pair; harmless and cheap.
    "heartbeat-every-5-min": {"task": "elus2.ping", "schedule": 300.0},
    # Retention (issue 8): learners anonymised N months after their last cohort ends; idempotent.
    "retention-daily-0330": {
        "task": "cohorts.retention_apply",
        "schedule": crontab(hour=3, minute=30),
    },
    # Sign-in links used or expired more than 30 days ago are deleted; idempotent.
    "sign-in-links-purge-daily-0345": {
        "task": "users.sign_in_links_purge",
        "schedule": crontab(hour=3, minute=45),
    },
    # Evidence ledger: each official's active time of the finished days; idempotent (once a day).
    "active-time-evidence-daily-0015": {
        "task": "learning.active_time_evidence",
        "schedule": crontab(hour=0, minute=15),
    },
    # Evidence ledger: facts past their retention period are removed, oldest first; idempotent.
    "evidence-purge-daily-0400": {"task": "evidence.purge", "schedule": crontab(hour=4, minute=0)},
    # Reminders (issue 7): fill the outbox (idempotent: unique rows) and publish what is due.
    "reminders-sweep-every-15-min": {"task": "reminders.sweep", "schedule": 900.0},
    # Reminders: publish due rows not on their way (broker was down, a worker died mid-send).
    "reminders-send-pending-every-5-min": {"task": "reminders.send_pending", "schedule": 300.0},
    # Invitations (issue 15): publish those not on their way (broker down at the import…).
    "invitations-send-pending-every-5-min": {
        "task": "cohorts.invitations_send_pending",
        "schedule": 300.0,
    },
}


@app.task(name="elus2.ping", ignore_result=False, time_limit=10, soft_time_limit=5)
def ping(value: str = "pong") -> str:
    """Round-trip probe for the broker: returns what it was given."""
    return value
