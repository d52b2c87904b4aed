"""Publishing a lesson refreshes the figures of its course's enrolments in the worker, after the
commit, in batches, idempotently: the approver's request locks no enrolment (issue 15, 8)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from elus2.learning.models import Enrolment
from elus2.learning.services import enrolment_figures_refresh, lesson_progress_complete
from elus2.learning.tasks import enrolment_figures_refresh_task
from tests.factories.learning import (
    figures_of,
    figures_recount,
    learner_create,
    learning_course_build,
)
from tests.services import tasks_run_here

pytestmark = pytest.mark.django_db

MARKED = "marked_done"


@pytest.fixture
def built():
    return learning_course_build(modules=1, lessons_per_module=4, fast=True)


@pytest.fixture
def enrolments(built):
    """Five learners who finished the first two lessons."""
    for _ in range(5):
        learner = learner_create()
        for lesson in built.lessons[:2]:
            lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    return list(Enrolment.objects.order_by("pk"))


def stored_figures():
    return {enrolment.pk: figures_of(enrolment) for enrolment in Enrolment.objects.all()}


def test_publishing_leaves_enrolments_alone_until_the_task_runs_after_commit(
    built, enrolments, django_capture_on_commit_callbacks
):
    before = stored_figures()
    with (
        django_capture_on_commit_callbacks(execute=False) as callbacks,
        CaptureQueriesContext(connection) as publish,
    ):
        built.lessons[0].unpublish()
    # The approver's request neither locks nor rewrites the enrolments…
    assert stored_figures() == before
    assert not any(
        "learning_enrolment" in query["sql"] and "FOR UPDATE" in query["sql"]
        for query in publish.captured_queries
    )
    # …the commit enqueues the refresh, and the worker brings every figure in line.
    with tasks_run_here():
        for callback in callbacks:
            callback()
    for enrolment in Enrolment.objects.all():
        assert figures_of(enrolment) == figures_recount(enrolment)
        assert (enrolment.lessons_total, enrolment.lessons_completed) == (3, 1)


def test_the_refresh_goes_in_batches_and_can_run_twice(built, enrolments):
    built.lessons[3].unpublish()  # in a test the commit never comes: the figures are stale
    with CaptureQueriesContext(connection) as refresh:
        assert enrolment_figures_refresh(course=built.course, batch_size=2) == 5
    batches = [
        query["sql"]
        for query in refresh.captured_queries
        if query["sql"].startswith('SELECT "learning_enrolment"') and "LIMIT 2" in query["sql"]
    ]
    assert len(batches) == 3  # 2 + 2 + 1 enrolments, each batch in its own transaction
    after = stored_figures()
    for enrolment in Enrolment.objects.all():
        assert figures_of(enrolment) == figures_recount(enrolment)
        assert (enrolment.lessons_total, enrolment.lessons_completed) == (3, 2)
    # A redelivered task, or a second publish: the same figures, nothing else.
    assert enrolment_figures_refresh_task.apply(args=[built.course.pk]).get() == 5
    assert stored_figures() == after


def test_a_course_deleted_before_the_task_runs_is_nothing_to_do():
    assert enrolment_figures_refresh_task.apply(args=[987654]).get() == 0
