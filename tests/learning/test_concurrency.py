"""Twenty requests at once for the same thing leave one row and right figures.

Real threads, each with its own Client and database connection, released together by a barrier.
Runs on SQLite by default and on PostgreSQL when DATABASE_URL points at it (CI).
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.urls import reverse

from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress
from tests.concurrency import together
from tests.factories.learning import (
    client_for,
    figures_of,
    figures_recount,
    learner_create,
    learning_course_build,
)

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 20


def post_together(clients, url) -> list[int]:
    """POST `url` from every client at the same moment; returns the status codes."""
    return together(clients, lambda client: client.post(url).status_code)


@pytest.fixture(autouse=True)
def _threads_share_a_database_file(sqlite_database_file):
    """Threads need a database file on SQLite (see tests/conftest.py)."""


@pytest.fixture
def built():
    # The flush of a transactional test removed the migrations' home page and catalogue:
    # the builder rebuilds them (tests/factories/pages.py).
    return learning_course_build(modules=2, lessons_per_module=2, minutes=[3, 4, 5, 6], fast=True)


def test_twenty_simultaneous_done_posts_leave_one_row_and_the_right_percent(built):
    learner = learner_create()
    clients = [client_for(learner) for _ in range(THREADS)]
    lesson = built.lessons[1]
    statuses = post_together(clients, reverse("learning:lesson_complete", args=[lesson.pk]))
    assert statuses == [302] * THREADS
    assert Enrolment.objects.filter(user=learner).count() == 1
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1
    enrolment = Enrolment.objects.get(user=learner)
    assert (enrolment.lessons_completed, enrolment.percent, enrolment.minutes_left) == (1, 25, 14)
    assert enrolment.status == EnrolmentStatus.STARTED
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_twenty_simultaneous_enrolments_leave_one_row(built):
    learner = learner_create()
    clients = [client_for(learner) for _ in range(THREADS)]
    statuses = post_together(clients, reverse("learning:enrol", args=[built.course.pk]))
    assert statuses == [302] * THREADS
    assert Enrolment.objects.filter(user=learner, course=built.course).count() == 1
    enrolment = Enrolment.objects.get(user=learner)
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_twenty_simultaneous_done_posts_on_different_lessons_count_every_one():
    """The figures are kept under the enrolment's row lock: no lost update between lessons."""
    built = learning_course_build(modules=4, lessons_per_module=5, fast=True)
    learner = learner_create()
    Enrolment.objects.create(user=learner, course=built.course, lessons_total=20)
    clients = [client_for(learner) for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    statuses = [0] * THREADS

    def run(index):
        try:
            barrier.wait(timeout=30)
            url = reverse("learning:lesson_complete", args=[built.lessons[index].pk])
            statuses[index] = clients[index].post(url).status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert statuses == [302] * THREADS
    enrolment = Enrolment.objects.get(user=learner)
    assert (
        LessonProgress.objects.filter(enrolment=enrolment, completed_at__isnull=False).count() == 20
    )
    assert (enrolment.lessons_completed, enrolment.percent, enrolment.status) == (
        20,
        100,
        EnrolmentStatus.COMPLETED,
    )
    assert figures_of(enrolment) == figures_recount(enrolment)
