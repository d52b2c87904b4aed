"""The learner page cache serves a reopened lesson without rendering it, and never serves a page
that no longer matches: progress, quiz results, content, the header, messages, another browser's
CSRF token, another person, staff, view restrictions."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from elus2.learning.models import Enrolment
from elus2.learning.services import enrolment_create
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from tests.factories.learning import (
    client_for,
    learner_create,
    learning_course_build,
    queries_without_cache,
)
from tests.factories.quizzes import answers_right, quiz_course_build

# Page versions move after a commit: these tests commit (and the cache is on for them only).
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.ELUS2_LEARNER_PAGE_CACHE = True


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
    # The user, and the activity touch of a lesson not touched lately; then the user alone.
    assert len(_sql(queries.captured_queries)) == 2
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url)["X-Page-Cache"] == "hit"
    assert len(_sql(queries.captured_queries)) == 1


def test_completing_the_lesson_shows_at_once(course, learner):
    client = client_for(learner)
    url = course.lessons[0].url
    assert _open(client, url)["X-Page-Cache"] == "hit"
    client.post(reverse("learning:lesson_complete", args=[course.lessons[0].pk]))
    client.get(course.lessons[1].url)  # consumes the "Bravo" message
    page = client.get(url)
    assert "X-Page-Cache" not in page
    assert "Leçon terminée" in _text(page)


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
    assert "Votre meilleur score : 100 %" in _text(client.get(url))


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
    assert content_generation() == before + 1
    assert "X-Page-Cache" not in client.get(url)
