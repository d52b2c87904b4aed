"""The quiz page and the submission make the same number of queries for 4 questions and 40."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.learning.services import enrolment_create
from elus2.quizzes.models import QuizAttempt
from tests.factories.learning import client_for, learner_create, queries_without_cache
from tests.factories.quizzes import answers_right, full_quiz_items, post_data, quiz_course_build

pytestmark = pytest.mark.django_db


def items(count: int):
    """`count` questions, cycling through the five types."""
    return [full_quiz_items()[index % 5] for index in range(count)]


def measure(count: int) -> dict[str, list[str]]:
    built = quiz_course_build(items=items(count))
    learner = learner_create()
    enrolment_create(user=learner, course=built.course)
    client = client_for(learner)
    url = reverse("quizzes:quiz", args=[built.lesson.pk])
    client.get(url)  # warm the content caches (outline, site) as a running site has them
    QuizAttempt.objects.all().delete()
    counts = {}
    with CaptureQueriesContext(connection) as start:
        assert client.get(url).status_code == 200
    counts["start"] = queries_without_cache(start.captured_queries)
    with CaptureQueriesContext(connection) as again:
        assert client.get(url).status_code == 200
    counts["reload"] = queries_without_cache(again.captured_queries)
    attempt = QuizAttempt.objects.get()
    assert len(attempt.questions) == count
    data = post_data(attempt.questions, answers_right(attempt.questions))
    with CaptureQueriesContext(connection) as submit:
        response = client.post(reverse("quizzes:attempt_submit", args=[attempt.pk]), data)
        assert response.status_code == 302
    counts["submit"] = queries_without_cache(submit.captured_queries)
    with CaptureQueriesContext(connection) as review:
        assert client.get(response.url).status_code == 200
    counts["review"] = queries_without_cache(review.captured_queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_questions():
    few, many = measure(4), measure(40)
    for name in few:
        assert len(few[name]) == len(many[name]), (name, few[name], many[name])
    # Reopening the quiz and reading a result: the user, the lesson, the learner's enrolment and
    # progress (learning), the attempt, the quiz settings.
    assert len(few["reload"]) <= 6, few["reload"]
    assert len(few["review"]) <= 6, few["review"]
    # A submission that passes and completes the lesson: the user, the attempt, the lesson's rules
    # as on its page (the enrolment and its progress rows: locked or closed since the quiz was
    # opened?), the claim (open → submitted), then learning's completion: the enrolment locked,
    # its progress rows, the row completed (one upsert) and the enrolment's figures. Then the two
    # facts of the evidence ledger (lesson completed, quiz submitted): each the person's chain
    # locked, the fact, the chain's head; the person's first fact makes the chain (2 more).
    # Savepoints aside.
    statements = [sql for sql in few["submit"] if "SAVEPOINT" not in sql]
    assert len(statements) <= 9 + 3 + 3 + 2, statements
