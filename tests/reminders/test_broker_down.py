"""Broker down: an official's action neither fails nor hangs because Redis is unreachable, the
sweep leaves what it could not publish pending, and once Redis is back the reminders go out.

The official's request and the sweep run in a separate process whose REDIS_URL points at a closed
port, so every part of the stack sees the dead Redis (broker, cache, sessions), not a patched
setting."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

from django.utils import timezone

from elus2.reminders.models import Reminder, ReminderStatus, Rule
from elus2.reminders.services import reminders_enqueue_due
from elus2.users.models import User
from tests.factories.reminders import member_at, setting_create
from tests.services import redis_url

from .e2e import ROOT, mail_recipients, process_env, wait_for, worker_start, worker_stop

DEAD_REDIS = "redis://127.0.0.1:6390/0"

OFFICIAL_AND_SWEEP = """
import json, os, time
import django
django.setup()
from django.test.utils import setup_test_environment
setup_test_environment()
from django.contrib.auth import get_user_model
from django.test import Client
from elus2.reminders.services import reminders_sweep
from elus2.reminders.tasks import reminder_send_task

client = Client()
client.force_login(get_user_model().objects.get(pk=int(os.environ["TEST_USER"])))
started = time.monotonic()
response = client.post(os.environ["TEST_PATH"])
action_seconds = time.monotonic() - started
started = time.monotonic()
result = reminders_sweep(publish=reminder_send_task.delay)
print("RESULT", json.dumps({
    "status": response.status_code,
    "location": response.get("Location", ""),
    "action_seconds": action_seconds,
    "sweep_seconds": time.monotonic() - started,
    "candidates": result.candidates,
}))
"""


def _official_and_sweep(tmp_path, **env: str) -> dict:
    """Complete a lesson as an official, then run the sweep, in a process with this environment."""
    now = timezone.now()
    setting = setting_create()
    User.objects.filter(pk=setting.staff.pk).update(reminders_digest=False)
    acting = member_at(setting, invited=now - datetime.timedelta(days=30))
    stalled = [
        member_at(
            setting,
            invited=now - datetime.timedelta(days=30),
            last_activity=now - datetime.timedelta(days=9),
            done=1,
        )
        for _ in range(3)
    ]
    lesson = setting.built.lessons[0]
    result = subprocess.run(
        [sys.executable, "-c", OFFICIAL_AND_SWEEP],
        cwd=ROOT,
        env=process_env(
            tmp_path,
            TEST_USER=str(acting.user_id),
            TEST_PATH=f"/parcours/lecons/{lesson.pk}/terminer/",
            **env,
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("RESULT "))
    outcome = json.loads(line.removeprefix("RESULT "))
    acting.refresh_from_db()
    return {
        **outcome,
        "stderr": result.stderr,
        "acting": acting,
        "stalled": stalled,
    }


def test_with_the_broker_down_the_official_is_served_and_nothing_is_lost(
    sqlite_database_file, wide_window, tmp_path
):
    outcome = _official_and_sweep(tmp_path, ELUS2_TEST_BROKER_URL=DEAD_REDIS)
    # The official's lesson is completed, and the answer came well within 2 s.
    assert outcome["status"] == 302, outcome["stderr"][-3000:]
    assert outcome["action_seconds"] < 2, outcome
    assert outcome["acting"].lessons_completed == 1
    # The sweep recorded every reminder, could publish none, and gave up within bounded time.
    assert outcome["candidates"] == 3
    assert outcome["sweep_seconds"] < 15, outcome
    assert "broker unreachable" in outcome["stderr"]
    stalled = outcome["stalled"]
    rows = Reminder.objects.filter(rule=Rule.STALLED)
    assert sorted(rows.values_list("user_id", flat=True)) == sorted(e.user_id for e in stalled)
    assert set(rows.values_list("status", "enqueued_at")) == {(ReminderStatus.PENDING, None)}

    # Redis is back: the next "send pending" run publishes them and a real worker sends them.
    url = redis_url()
    from elus2.celery import app
    from elus2.reminders.tasks import reminder_send_task

    app.control.purge()
    worker = worker_start(tmp_path, REDIS_URL=url)
    try:
        assert reminders_enqueue_due(publish=reminder_send_task.delay) == 3
        wait_for(lambda: len(mail_recipients(tmp_path)) >= 3, timeout=60, what="three reminders")
    finally:
        worker_stop(worker)
    assert sorted(mail_recipients(tmp_path)) == sorted(e.user.email for e in stalled)
    assert set(rows.values_list("status", flat=True)) == {ReminderStatus.SENT}


def test_with_all_of_redis_down_the_official_is_served(sqlite_database_file, wide_window, tmp_path):
    outcome = _official_and_sweep(tmp_path, REDIS_URL=DEAD_REDIS)
    assert outcome["status"] == 302
    assert outcome["action_seconds"] < 2
