"""Ten requests at once: one attempt started, none beyond the limit, one submission graded.

Real threads, each with its own Client and database connection, released together by a barrier.
Runs on SQLite by default and on PostgreSQL when DATABASE_URL points at it (CI); never skipped.
"""

from __future__ import annotations

import threading

import pytest
from django.urls import reverse

from elus2.learning.models import Enrolment, LessonProgress
from elus2.learning.services import enrolment_create
from elus2.quizzes import services
from elus2.quizzes.models import AttemptStatus, QuizAttempt
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from tests.concurrency import together
from tests.factories.learning import client_for, learner_create
from tests.factories.quizzes import (
    answers_right,
    answers_wrong,
    post_data,
    quiz_course_build,
    quiz_settings_set,
)

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 10


@pytest.fixture(autouse=True)
def _threads_share_a_database_file(sqlite_database_file):
    """Threads need a database file on SQLite (see tests/conftest.py)."""


@pytest.fixture
def built():
    # The flush of a transactional test removed the migrations' pages: the builder rebuilds them.
    return quiz_course_build()


def use_attempts(user, lesson, count):
    for _ in range(count):
        attempt = quiz_attempt_start(user=user, lesson=lesson)
        quiz_attempt_submit(
            user=user, attempt_id=attempt.pk, answers=answers_wrong(attempt.questions)
        )


def test_ten_first_visits_at_once_start_one_attempt(built):
    learner = learner_create()
    url = reverse("quizzes:quiz", args=[built.lesson.pk])
    responses = together([client_for(learner) for _ in range(THREADS)], lambda c: c.get(url))
    assert [response.status_code for response in responses] == [200] * THREADS
    attempts = QuizAttempt.objects.filter(user=learner)
    assert attempts.count() == 1 and attempts.get().number == 1


def test_ten_starts_beyond_the_attempts_allowed_create_none(built):
    learner = learner_create()
    quiz_settings_set(built.lesson, attempts_allowed=2)
    use_attempts(learner, built.lesson, 2)
    url = reverse("quizzes:attempt_start", args=[built.lesson.pk])
    responses = together([client_for(learner) for _ in range(THREADS)], lambda c: c.post(url))
    assert [response.status_code for response in responses] == [302] * THREADS
    assert all("/quiz/tentatives/" in response.url for response in responses)  # the last result
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert not QuizAttempt.objects.filter(status=AttemptStatus.OPEN).exists()


def test_ten_starts_with_one_attempt_left_create_exactly_one(built):
    learner = learner_create()
    quiz_settings_set(built.lesson, attempts_allowed=2)
    use_attempts(learner, built.lesson, 1)
    url = reverse("quizzes:attempt_start", args=[built.lesson.pk])
    responses = together([client_for(learner) for _ in range(THREADS)], lambda c: c.post(url))
    quiz_url = reverse("quizzes:quiz", args=[built.lesson.pk])
    assert [(r.status_code, r.url) for r in responses] == [(302, quiz_url)] * THREADS
    assert sorted(QuizAttempt.objects.filter(user=learner).values_list("number", "status")) == [
        (1, AttemptStatus.SUBMITTED),
        (2, AttemptStatus.OPEN),
    ]


def test_ten_submissions_of_one_attempt_grade_it_once(built, monkeypatch):
    learner = learner_create()
    enrolment_create(user=learner, course=built.course)
    attempt = quiz_attempt_start(user=learner, lesson=built.lesson)
    # What follows the claim (open → submitted) runs once: the completion of the lesson. The score
    # itself is a pure function of the answers; a request that loses the claim stores nothing.
    graded = []
    lock = threading.Lock()
    real_complete = services.lesson_progress_complete

    def counting_complete(*args, **kwargs):
        with lock:
            graded.append(1)
        return real_complete(*args, **kwargs)

    monkeypatch.setattr(services, "lesson_progress_complete", counting_complete)
    url = reverse("quizzes:attempt_submit", args=[attempt.pk])
    data = post_data(attempt.questions, answers_right(attempt.questions))
    responses = together([client_for(learner) for _ in range(THREADS)], lambda c: c.post(url, data))
    assert [response.status_code for response in responses] == [302] * THREADS
    assert len(graded) == 1
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (AttemptStatus.SUBMITTED, 100, True)
    assert (
        LessonProgress.objects.filter(lesson=built.lesson, completed_at__isnull=False).count() == 1
    )
    assert Enrolment.objects.get(user=learner).percent == 50
