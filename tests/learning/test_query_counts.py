"""The signed-in lesson page and « Mon parcours » cost the same number of queries whatever the
course size and however many courses the learner follows (the issue's "done when").

Each page is requested once to warm the caches, then measured. Queries on the database cache
table (`elus2_cache`, used when REDIS_URL is unset) are left out: in production Redis answers them.
A 150-lesson course and a learner with twenty courses take seconds to build, so each test builds
one and measures every page on it.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.learning.selectors import enrolment_list_for_user, lesson_state_get
from elus2.learning.services import enrolment_create, lesson_progress_complete
from tests.factories.learning import (
    client_for,
    learner_create,
    learning_course_build,
    queries_without_cache,
)

pytestmark = pytest.mark.django_db

LESSON_PAGE_MAX_QUERIES = 8
OPEN = 4  # the lesson each learner has open: after three done, one seen


def progress_like_everyone(user, built) -> None:
    """Three lessons done and the fifth opened, in any course."""
    enrolment_create(user=user, course=built.course)
    for lesson in built.lessons[:3]:
        lesson_progress_complete(user=user, lesson=lesson, source="marked_done")


def measure(client, url: str, *, method: str = "get") -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url)
    assert response.status_code in (200, 302), (url, response.status_code)
    return queries_without_cache(captured.captured_queries)


def warm_then_measure(client, url: str) -> list[str]:
    measure(client, url)
    return measure(client, url)


def explain(**counts: list[str]) -> str:
    return "\n".join(
        f"{name}: {len(queries)}\n  " + "\n  ".join(q[:120] for q in queries)
        for name, queries in counts.items()
    )


@pytest.fixture
def small():
    return learning_course_build(modules=3, lessons_per_module=5, fast=True)


@pytest.fixture
def big():
    return learning_course_build(modules=10, lessons_per_module=15, fast=True)


@pytest.fixture
def others():
    """Nineteen more courses, some done, for the learner with twenty enrolments."""
    return [learning_course_build(modules=1, lessons_per_module=2, fast=True) for _ in range(19)]


@pytest.fixture
def learner_of_20(small, others):
    learner = learner_create()
    progress_like_everyone(learner, small)
    for index, built in enumerate(others):
        enrolment_create(user=learner, course=built.course)
        done = built.lessons if index % 3 == 0 else built.lessons[:1]
        for lesson in done:
            lesson_progress_complete(user=learner, lesson=lesson, source="marked_done")
    return learner


def test_pages_cost_the_same_for_15_and_150_lessons(small, big):
    assert (len(small.lessons), len(big.lessons)) == (15, 150)
    learner = learner_create()
    progress_like_everyone(learner, small)
    progress_like_everyone(learner, big)
    client = client_for(learner)
    for built in (small, big):  # warm the outline and content caches
        measure(client, built.lessons[OPEN + 1].url)

    # First visit of a lesson: it records the view (progress row, last lesson).
    first = {
        name: measure(client, b.lessons[OPEN].url) for name, b in (("small", small), ("big", big))
    }
    assert len(first["small"]) == len(first["big"]), explain(**first)

    # Coming back to it: reads only, within the budget.
    again = {
        name: measure(client, b.lessons[OPEN].url) for name, b in (("small", small), ("big", big))
    }
    assert len(again["small"]) == len(again["big"]), explain(**again)
    assert len(again["small"]) <= LESSON_PAGE_MAX_QUERIES, explain(**again)

    # « J'ai terminé cette leçon », the bench's write scenario.
    done = {
        name: measure(
            client, reverse("learning:lesson_complete", args=[b.lessons[OPEN].pk]), method="post"
        )
        for name, b in (("small", small), ("big", big))
    }
    assert len(done["small"]) == len(done["big"]), explain(**done)

    # « Mon parcours » of a learner who follows only the small course, or only the big one.
    parcours = {}
    for name, built in (("small", small), ("big", big)):
        follower = learner_create()
        progress_like_everyone(follower, built)
        parcours[name] = warm_then_measure(client_for(follower), reverse("learning:my_learning"))
    assert len(parcours["small"]) == len(parcours["big"]), explain(**parcours)


def test_pages_cost_the_same_for_1_and_20_enrolments(small, learner_of_20):
    learner_of_1 = learner_create()
    progress_like_everyone(learner_of_1, small)
    one, twenty = client_for(learner_of_1), client_for(learner_of_20)

    lesson_url = small.lessons[OPEN].url
    lesson = {
        "one": warm_then_measure(one, lesson_url),
        "twenty": warm_then_measure(twenty, lesson_url),
    }
    assert len(lesson["one"]) == len(lesson["twenty"]), explain(**lesson)
    assert len(lesson["one"]) <= LESSON_PAGE_MAX_QUERIES, explain(**lesson)

    parcours_url = reverse("learning:my_learning")
    assert twenty.get(parcours_url).content.decode().count('class="course-card"') == 20
    parcours = {
        "one": warm_then_measure(one, parcours_url),
        "twenty": warm_then_measure(twenty, parcours_url),
    }
    assert len(parcours["one"]) == len(parcours["twenty"]), explain(**parcours)

    # The selector behind « Mon parcours »: one query, courses and next lessons included.
    with CaptureQueriesContext(connection) as captured:
        grouped = enrolment_list_for_user(user=learner_of_20)
        titles = [e.course.title for group in grouped.values() for e in group]
        next_lessons = [e.next_lesson.title for e in grouped["in_progress"] if e.next_lesson]
    assert len(captured.captured_queries) == 1
    assert len(titles) == 20
    assert len(next_lessons) == len(grouped["in_progress"]) == 13
    assert len(grouped["completed"]) == 7


def test_lesson_state_get_reads_the_enrolment_and_its_progress_in_two_queries(small):
    learner = learner_create()
    progress_like_everyone(learner, small)
    lesson = small.lessons[OPEN]
    lesson_state_get(user=learner, lesson=lesson)  # warms the outline cache
    with CaptureQueriesContext(connection) as captured:
        state = lesson_state_get(user=learner, lesson=lesson)
        rows = state.module_rows()
    queries = queries_without_cache(captured.captured_queries)
    assert len(queries) == 2, explain(state=queries)
    assert sum(row["done"] for row in rows) == 3
    assert sum(row["total"] for row in rows) == 15
