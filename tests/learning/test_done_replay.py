"""« J'ai terminé » sent again on a lesson already done (a double click, a replayed POST) is
answered from one read: no transaction, no lock, no write.

Transactional, with no test-wide transaction around the request, as on the site: inside a caller's
transaction (a passed quiz) the completion skips that read and answers under the enrolment lock.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.learning.models import LessonProgress
from tests.factories.learning import (
    client_for,
    learner_create,
    learning_course_build,
    queries_without_cache,
)

pytestmark = pytest.mark.django_db(transaction=True)

WRITES = ("SAVEPOINT", "BEGIN", "UPDATE", "INSERT", "DELETE")


def test_a_replayed_done_post_reads_once_and_writes_nothing():
    built = learning_course_build(modules=1, lessons_per_module=2, fast=True)
    learner = learner_create()
    client = client_for(learner)
    url = reverse("learning:lesson_complete", args=[built.lessons[0].pk])
    assert client.post(url).status_code == 302
    done = LessonProgress.objects.get(enrolment__user=learner, lesson=built.lessons[0])
    with CaptureQueriesContext(connection) as replay:
        assert client.post(url).status_code == 302
    sql = queries_without_cache(replay.captured_queries)
    progress_reads = [query for query in sql if '"learning_lessonprogress"' in query]
    assert len(progress_reads) == 1, sql
    assert not [query for query in sql if query.startswith(WRITES) or "FOR UPDATE" in query], sql
    assert LessonProgress.objects.get(pk=done.pk).completed_at == done.completed_at
