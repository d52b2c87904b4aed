"""End to end, with the real Redis broker and a real Celery worker process: staff import a list
on the page, the request answers without sending, and the worker sends exactly one invitation to
each new member; importing the same list again sends nothing more (tests/reminders/e2e.py)."""

from __future__ import annotations

import collections
import time

import pytest
import redis
from django.urls import reverse

from elus2.celery import app
from elus2.cohorts.models import Invitation
from elus2.outbox.models import OutboxStatus
from tests.factories.cohorts import CohortFactory, staff_create
from tests.factories.learning import client_for, learning_course_build
from tests.reminders.e2e import mail_recipients, wait_for, worker_start, worker_stop
from tests.services import redis_url

pytestmark = pytest.mark.redis

MEMBERS = 5
LIST = "\n".join(f"invite{n}@example.org, Prénom{n}, Nom{n}" for n in range(MEMBERS))


@pytest.fixture
def broker(sqlite_database_file) -> redis.Redis:
    url = redis_url()
    app.control.purge()  # nothing left over from an earlier run
    return redis.Redis.from_url(url)


def all_sent() -> bool:
    statuses = collections.Counter(Invitation.objects.values_list("status", flat=True))
    return statuses == {OutboxStatus.SENT: MEMBERS}


def test_an_import_is_sent_by_the_worker_once_each(broker, tmp_path):
    course = learning_course_build(modules=1, lessons_per_module=1, fast=True).course
    cohort = CohortFactory(courses=[course])
    client = client_for(staff_create(cohorts=[cohort]))
    url = reverse("cohorts:invite", args=[cohort.pk])
    assert client.post(url, {"text": LIST}).status_code == 200
    assert mail_recipients(tmp_path) == []  # the request sent nothing
    assert Invitation.objects.filter(status=OutboxStatus.PENDING).count() == MEMBERS
    worker = worker_start(tmp_path)
    try:
        wait_for(all_sent, timeout=60, what="every invitation sent")
        assert client.post(url, {"text": LIST}).status_code == 200  # the same list again
        wait_for(lambda: broker.llen("celery") == 0, timeout=30, what="the queue drained")
        time.sleep(1)  # the last message taken is processed
    finally:
        worker_stop(worker)
    assert sorted(mail_recipients(tmp_path)) == [f"invite{n}@example.org" for n in range(MEMBERS)]
    assert all_sent()
