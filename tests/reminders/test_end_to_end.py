"""End to end, with the real Redis broker and a real Celery worker process: seeded stalled
officials, one sweep, exactly one email each; the same with every task delivered twice (and two
beats); the same with the worker killed (SIGKILL) in the middle of sending, then started again.

The worker runs on the test's own database (tests/reminders/e2e.py) and writes each email as a
file; the test counts the files."""

from __future__ import annotations

import collections
import datetime
import os
import signal
import time

import pytest
import redis
from django.utils import timezone

from elus2.celery import app
from elus2.reminders.models import Reminder, ReminderStatus
from elus2.reminders.services import reminders_enqueue_due, reminders_sweep
from elus2.reminders.tasks import reminder_send_task
from elus2.users.models import User
from tests.factories.reminders import member_at, setting_create
from tests.services import redis_url

from .e2e import mail_recipients, wait_for, worker_start, worker_stop

pytestmark = pytest.mark.redis

OFFICIALS = 4


@pytest.fixture
def broker(sqlite_database_file, wide_window) -> redis.Redis:
    url = redis_url()
    app.control.purge()  # nothing left over from an earlier run
    return redis.Redis.from_url(url)


@pytest.fixture
def officials() -> list[str]:
    """Stalled officials of one cohort (its chargée de suivi takes no digest here)."""
    now = timezone.now()
    setting = setting_create()
    User.objects.filter(pk=setting.staff.pk).update(reminders_digest=False)
    return [
        member_at(
            setting,
            invited=now - datetime.timedelta(days=30),
            last_activity=now - datetime.timedelta(days=9),
            done=1,
        ).user.email
        for _ in range(OFFICIALS)
    ]


def statuses() -> collections.Counter:
    return collections.Counter(Reminder.objects.values_list("status", flat=True))


def all_sent() -> bool:
    return statuses() == {ReminderStatus.SENT: OFFICIALS}


def assert_exactly_one_each(tmp_path, officials):
    assert collections.Counter(mail_recipients(tmp_path)) == collections.Counter(officials)
    assert all_sent()


def test_one_sweep_one_email_each(broker, officials, tmp_path):
    worker = worker_start(tmp_path)
    try:
        reminders_sweep(publish=reminder_send_task.delay)
        wait_for(all_sent, timeout=60, what="every reminder sent")
    finally:
        worker_stop(worker)
    assert_exactly_one_each(tmp_path, officials)


def test_every_task_delivered_twice_and_two_beats(broker, officials, tmp_path):
    def publish_twice(pk: int) -> None:
        reminder_send_task.delay(pk)
        reminder_send_task.delay(pk)

    worker = worker_start(tmp_path)
    try:
        reminders_sweep(publish=publish_twice)
        reminders_sweep(publish=publish_twice)  # a second beat: no new row, nothing republished
        for pk in Reminder.objects.values_list("pk", flat=True):
            reminder_send_task.delay(pk)  # and a redelivery on top
        wait_for(all_sent, timeout=60, what="every reminder sent")
        wait_for(lambda: broker.llen("celery") == 0, timeout=60, what="the queue drained")
        time.sleep(1)  # the last message taken is processed
    finally:
        worker_stop(worker)
    assert_exactly_one_each(tmp_path, officials)


def test_a_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(
    broker, officials, tmp_path
):
    lease = 3
    slow = worker_start(tmp_path, ELUS2_TEST_SEND_DELAY="30", ELUS2_TEST_LEASE_SECONDS=str(lease))
    try:
        reminders_sweep(publish=reminder_send_task.delay)
        wait_for(lambda: statuses()[ReminderStatus.SENDING] == 1, timeout=60, what="a claimed row")
        os.kill(slow.pid, signal.SIGKILL)  # in the middle of the (slow) SMTP conversation
        slow.wait(timeout=10)
    finally:
        worker_stop(slow)
    killed = Reminder.objects.get(status=ReminderStatus.SENDING)
    assert mail_recipients(tmp_path) == []
    worker = worker_start(tmp_path, ELUS2_TEST_LEASE_SECONDS=str(lease))
    try:
        # The other officials' messages were still queued: the new worker sends them.
        wait_for(
            lambda: statuses()[ReminderStatus.SENT] == OFFICIALS - 1,
            timeout=60,
            what="the other reminders sent",
        )
        # The killed one is claimed again once its lease has run out ("send pending").
        wait_for(
            lambda: reminders_enqueue_due(publish=reminder_send_task.delay) == 1,
            timeout=lease + 10,
            interval=0.5,
            what="the dead worker's row published again",
        )
        wait_for(all_sent, timeout=60, what="every reminder sent")
    finally:
        worker_stop(worker)
    assert_exactly_one_each(tmp_path, officials)
    killed.refresh_from_db()
    assert killed.attempts == 2
