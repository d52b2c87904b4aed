"""The catalogue, course and lesson pages make as many queries for a course of 150 lessons as for
one of 15, with a cold cache and with a warm one. Wall-clock speed is measured in bench/, not here."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.cache import _memo
from courses.models import LessonPage
from tests.factories.courses import catalogue_get, course_build
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

PAGES = ["catalogue", "course", "lesson"]  # the lesson is read signed in, the others anonymously
CACHE_STATES = ["cold", "warm"]


@pytest.fixture(autouse=True)
def _no_search_indexing(settings):
    """Building 165 pages is most of this file's time; these pages never read the search index."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }


def _urls(course) -> dict[str, str]:
    lesson = LessonPage.objects.descendant_of(course).order_by("path").last()
    return {"catalogue": catalogue_get().url, "course": course.url, "lesson": lesson.url}


def _prepare(client, learner, page: str, url: str, state: str) -> None:
    if page == "lesson":
        client.force_login(learner)
    else:
        client.logout()
    # A first request fills the per-process caches (content types, for one), which no later request
    # pays for again; "cold" then empties the shared caches that pages and fragments live in.
    assert client.get(url).status_code == 200
    if state == "cold":
        for cache in caches.all():
            cache.clear()
    # The process remembers the content generation for a second: forget it, so the count does not
    # depend on how long the previous request took on a busy machine.
    _memo.clear()


def test_page_queries_do_not_grow_with_the_course(client, django_assert_num_queries):
    learner = UserFactory()
    small = course_build(modules=3, lessons_per_module=5)
    assert LessonPage.objects.descendant_of(small).count() == 15
    counts = {}
    for page, url in _urls(small).items():
        for state in CACHE_STATES:
            _prepare(client, learner, page, url, state)
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts[page, state] = len(captured.captured_queries)

    big = course_build(modules=10, lessons_per_module=15)
    assert LessonPage.objects.descendant_of(big).count() == 150
    # The catalogue now lists two courses: its count must not move either.
    for page, url in _urls(big).items():
        for state in CACHE_STATES:
            _prepare(client, learner, page, url, state)
            with django_assert_num_queries(counts[page, state], info=f"{page}, {state} cache"):
                assert client.get(url).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_a_warm_cache_saves_queries(client, page):
    learner = UserFactory()
    url = _urls(course_build(modules=2, lessons_per_module=3))[page]
    measured = {}
    for state in CACHE_STATES:
        _prepare(client, learner, page, url, state)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        measured[state] = len(captured.captured_queries)
    assert measured["warm"] < measured["cold"], measured
