"""The learner page cache serves a reopened lesson without rendering it, and never serves a page
that no longer matches: progress, quiz results, content, the header, messages, another browser's
CSRF token, another person, staff, view restrictions; nor one the access rules now refuse; nor
a stale one when the cache drops writes or Redis stops mid-flight. The test settings keep the
cache on (as in production) for every test; the last one here turns it off."""

from __future__ import annotations

import html
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from elus2.learning.models import Enrolment, LessonProgress
from elus2.learning.services import enrolment_create
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from elus2.users.personal_data import user_erase
from tests.factories.learning import (
    client_for,
    learner_create,
    learning_course_build,
    queries_without_cache,
)
from tests.factories.quizzes import answers_right, quiz_course_build

# Page versions live in the database and move with the transaction of the change: no commit
# needed, so these tests run in the usual rolled-back transaction.
pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return html.unescape(response.content.decode())


def _without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="\w+"', "", response.content.decode())


@pytest.fixture
def course():
    return learning_course_build(modules=1, lessons_per_module=3, fast=True)


@pytest.fixture
def learner(course):
    person = learner_create(first_name="Camille", last_name="Martin")
    enrolment_create(user=person, course=course.course)
    return person


def _page_values() -> list[str]:
    """Every learner page stored in the pages cache (the database cache in tests)."""
    return [value for value in _pages_rows().values() if isinstance(value, str)]


def _page_entries() -> set[str]:
    return set(_pages_rows())


def _pages_rows() -> dict[str, object]:
    import base64
    import pickle

    table = settings.CACHES["pages"]["LOCATION"]
    if settings.REDIS_URL:
        client = caches["pages"]._cache.get_client()
        keys = [key.decode() for key in client.keys("pages:*learning:page:*")]
        return {key: caches["pages"]._cache._serializer.loads(client.get(key)) for key in keys}
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT cache_key, value FROM "{table}"')  # noqa: S608
        rows = cursor.fetchall()
    return {
        key: pickle.loads(base64.b64decode(value))  # noqa: S301 (our own cache rows)
        for key, value in rows
        if "learning:page:" in key
    }


def _sql(captured) -> list[str]:
    """The request's own queries (the database cache's, savepoints included, are Redis's job in
    production)."""
    control = ("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE SAVEPOINT")
    return [q for q in queries_without_cache(captured) if not q.startswith(control)]


def _open(client, url):
    """First view records it; the second is rendered and stored; the third is served."""
    for _ in range(2):
        assert client.get(url).status_code == 200
    return client.get(url)


def test_a_reopened_lesson_is_served_without_rendering(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    rendered = [client.get(url) for _ in range(2)][-1]
    assert "X-Page-Cache" not in rendered
    with CaptureQueriesContext(connection) as queries:
        served = client.get(url)
    assert served["X-Page-Cache"] == "hit"
    assert _without_csrf(served) == _without_csrf(rendered)
    # The user, then the gate's enrolment and progress rows (the access rules and the page
    # version); last activity was written by the previous view, a moment ago.
    assert len(_sql(queries.captured_queries)) == 3, _sql(queries.captured_queries)


def test_completing_the_lesson_shows_at_once(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
    with_message = client.get(url)  # "Bravo": a page with a message is rendered, not stored
    assert "X-Page-Cache" not in with_message
    page = client.get(url)  # the one stored before the completion must not come back
    assert "X-Page-Cache" not in page
    assert "Leçon terminée" in _text(page)


def test_a_dropped_invalidation_write_leaves_no_stale_page(course, learner, monkeypatch):
    """Redis away (or its breaker open): every cache write of the completion is dropped."""
    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    for alias in ("default", "pages"):
        for write in ("set", "set_many", "add", "delete", "delete_many", "incr", "touch"):
            monkeypatch.setattr(caches[alias], write, lambda *a, **k: None)
    done = client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
    assert done.status_code == 302
    monkeypatch.undo()
    client.get(url)  # the message
    page = client.get(url)
    assert "X-Page-Cache" not in page
    assert "Leçon terminée" in _text(page)


def test_a_hit_never_skips_the_lesson_order(learner):
    """Progress removed behind the services' back (no new page version): the cached page of
    the second lesson exists under the current key, yet the gate says the lesson is locked."""
    built = learning_course_build(
        modules=1, lessons_per_module=2, fast=True, lessons_unlock_in_order=True
    )
    enrolment_create(user=learner, course=built.course)
    client = client_for(learner)
    client.post(reverse("learning:lesson_complete", args=[built.lessons[0].pk]))
    assert _open(client, built.lessons[1].url)["X-Page-Cache"] == "hit"
    LessonProgress.objects.filter(lesson=built.lessons[0]).update(completed_at=None)
    page = client.get(built.lessons[1].url)
    assert "X-Page-Cache" not in page
    assert "Leçon terminée" not in _text(page)
    assert built.lessons[0].title in _text(page)


def test_a_hit_never_skips_the_closed_course(learner):
    """Taken out of a closed course (the enrolment deleted, no page version left to bump): the
    cached page is still under its key, yet the gate refuses."""
    built = learning_course_build(modules=1, lessons_per_module=2, fast=True, enrolment_open=False)
    enrolment_create(user=learner, course=built.course, invited=True)
    client = client_for(learner)
    url = built.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    Enrolment.objects.filter(user=learner).delete()
    page = client.get(url)
    assert page.status_code == 403
    assert "X-Page-Cache" not in page


def test_the_query_string_is_not_in_the_key(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    _open(client, url)
    before = _page_entries()
    for n in range(5):
        assert client.get(f"{url}?n={n}")["X-Page-Cache"] == "hit"
    assert _page_entries() == before


def test_cached_pages_hold_no_name(course, learner):
    """Erasure leaves the person's name in no cached page: none is stored with it."""
    client = client_for(learner)
    url = course.lessons[0].url
    assert "Camille Martin" in _text(_open(client, url))
    stored = _page_values()
    assert stored and not any("Camille" in value for value in stored)
    user_erase(user=learner)
    other = learner_create(first_name="Dominique", last_name="Leroy")
    enrolment_create(user=other, course=course.course)
    assert "Camille" not in _text(_open(client_for(other), url))


def test_a_flash_message_is_never_cached_nor_hidden(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    _open(client, url)
    response = client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
    assert response.status_code == 302
    shown = client.get(response["Location"])
    assert "Bravo" in _text(shown)
    assert "X-Page-Cache" not in shown
    again = _open(client, response["Location"])
    assert "Bravo" not in _text(again)


def test_a_quiz_result_shows_at_once():
    built = quiz_course_build()
    person = learner_create()
    enrolment_create(user=person, course=built.course)
    client = client_for(person)
    url = built.lesson.url
    assert "Faire le quiz" in _text(_open(client, url))
    attempt = quiz_attempt_start(user=person, lesson=built.lesson)
    assert "Reprendre le quiz" in _text(client.get(url))
    quiz_attempt_submit(
        user=person, attempt_id=attempt.pk, answers=answers_right(attempt.questions)
    )
    assert "Votre meilleur score : 100 %" in _text(client.get(url))


def test_new_content_shows_at_once(course, learner):
    client = client_for(learner)
    lesson = course.lessons[0]
    _open(client, lesson.url)
    lesson.title = "Un titre tout neuf"
    lesson.save_revision().publish()
    assert "Un titre tout neuf" in _text(client.get(lesson.url))


def test_the_header_follows_the_profile(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    assert "Camille Martin" in _text(_open(client, url))
    learner.first_name = "Camila"
    learner.save()
    assert "Camila Martin" in _text(client.get(url))


def test_each_browser_gets_its_own_csrf_token(course, learner):
    first = Client(enforce_csrf_checks=True)
    first.force_login(learner)
    url = course.lessons[0].url
    _open(first, url)
    second = Client(enforce_csrf_checks=True)
    second.force_login(learner)
    page = second.get(url)
    assert page["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="(\w+)"', page.content.decode()).group(1)
    done = second.post(
        reverse("learning:lesson_complete", args=[course.lessons[0].pk]),
        {"csrfmiddlewaretoken": token},
    )
    assert done.status_code == 302  # accepted: the token fits this browser's cookie


def test_no_one_sees_another_persons_page(course, learner):
    _open(client_for(learner), course.lessons[0].url)
    other = learner_create(first_name="Dominique", last_name="Leroy")
    enrolment_create(user=other, course=course.course)
    page = client_for(other).get(course.lessons[0].url)
    assert "X-Page-Cache" not in page
    assert "Dominique Leroy" in _text(page) and "Camille" not in _text(page)


def test_staff_pages_are_not_cached(course):
    trainer = learner_create(is_staff=True)
    trainer.groups.add(Group.objects.get_or_create(name="Formateur")[0])
    enrolment_create(user=trainer, course=course.course)
    assert "X-Page-Cache" not in _open(client_for(trainer), course.lessons[0].url)


def test_a_view_restriction_turns_the_cache_off(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=course.lessons[0], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get_or_create(name="Formateur")[0])
    denied = client.get(url)
    assert "X-Page-Cache" not in denied
    assert denied.status_code in {302, 403}


def test_without_the_setting_nothing_is_cached(course, learner, settings):
    settings.ELUS2_LEARNER_PAGE_CACHE = False
    assert "X-Page-Cache" not in _open(client_for(learner), course.lessons[0].url)
    assert not _page_values()


def test_a_served_page_still_counts_as_activity(course, learner):
    client = client_for(learner)
    first, second = course.lessons[0].url, course.lessons[1].url
    _open(client, first)
    _open(client, second)  # its first view changes the outline: the first lesson renders again
    _open(client, first)
    Enrolment.objects.filter(user=learner).update(last_lesson=None, last_activity_at=None)
    assert client.get(second)["X-Page-Cache"] == "hit"
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.last_lesson_id == course.lessons[1].pk
    assert enrolment.last_activity_at is not None


def test_a_new_release_renders_pages_afresh(course, learner):
    """Cached HTML names the release's templates and static files: migrate, which every deploy
    runs, starts a new content generation, and with it new keys."""
    from django.core.management import call_command

    from courses.cache import content_generation, local_caches_clear

    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    before = content_generation()
    call_command("migrate", verbosity=0)
    local_caches_clear()  # this process's one-second memo of the generation
    assert content_generation() != before
    assert "X-Page-Cache" not in client.get(url)


@pytest.fixture
def pages_in_own_redis(settings, tmp_path):
    """A real redis-server on a spare port holds the pages cache; the test may stop it."""
    import shutil
    import socket
    import subprocess
    import time

    from elus2.cache import ResilientRedisCache
    from tests.services import need

    need(bool(shutil.which("redis-server")), "needs the redis-server binary: apt-get install redis")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            tmp_path,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)
    redis = {
        "BACKEND": "elus2.cache.ResilientRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        "KEY_PREFIX": "pages",
    }
    settings.CACHES = {**settings.CACHES, "pages": redis, "template_fragments": redis}
    ResilientRedisCache.paused_until = 0.0
    try:
        yield server
    finally:
        server.kill()
        server.wait()
        ResilientRedisCache.paused_until = 0.0


def test_redis_stopped_mid_flight_leaves_no_stale_page(course, learner, pages_in_own_redis):
    """Redis hangs (SIGSTOP) while the lesson is completed: writes time out and are dropped, the
    breaker opens. Redis comes back with the old page still in it, and another worker (breaker
    closed) reads it: the page it serves must be the new one."""
    import signal

    from elus2.cache import ResilientRedisCache

    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    pages_in_own_redis.send_signal(signal.SIGSTOP)
    try:
        done = client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
        assert done.status_code == 302
        assert client.get(url).status_code == 200  # the message; the store times out
        assert ResilientRedisCache.paused_until > 0
    finally:
        pages_in_own_redis.send_signal(signal.SIGCONT)
    ResilientRedisCache.paused_until = 0.0  # another worker, whose breaker is closed
    page = client.get(url)
    assert "X-Page-Cache" not in page
    assert "Leçon terminée" in _text(page)
    assert client.get(url)["X-Page-Cache"] == "hit"  # and Redis is a cache again
