"""Learner history survives content edits: moving, renaming and unpublishing keep the records, and
the Wagtail admin refuses to delete a lesson that has any (wagtail_hooks.py)."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from courses.models import LessonPage
from elus2.learning.models import Enrolment, LessonProgress
from elus2.learning.services import (
    enrolment_create,
    enrolment_figures_refresh,
    lesson_progress_complete,
    lesson_view_record,
)
from tests.factories.learning import (
    client_for,
    figures_of,
    figures_recount,
    learner_create,
    learning_course_build,
)
from tests.services import tasks_run_here

pytestmark = pytest.mark.django_db

MARKED = "marked_done"
REFUSAL = "des élus ont déjà suivi ces leçons et leur historique doit être conservé"


@pytest.fixture
def built():
    return learning_course_build(modules=2, lessons_per_module=3, fast=True)


@pytest.fixture
def learner():
    return learner_create()


@pytest.fixture
def history(built, learner):
    """The learner has done the first two lessons."""
    for lesson in built.lessons[:2]:
        lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    return Enrolment.objects.get(user=learner, course=built.course)


def records(enrolment):
    return (
        list(Enrolment.objects.filter(pk=enrolment.pk).values_list("pk", "user_id", "course_id")),
        list(
            LessonProgress.objects.filter(enrolment=enrolment)
            .order_by("pk")
            .values_list("pk", "lesson_id", "completed_at")
        ),
    )


def outline_state_of(response, url: str) -> str | None:
    found = re.search(
        rf'outline__lesson--(\w+)">\s*<a href="{re.escape(url)}"', response.content.decode()
    )
    return found.group(1) if found else None


# --- Content edits --------------------------------------------------------------------------------


def test_moving_a_lesson_to_another_module_keeps_its_records(built, learner, history):
    before = records(history)
    lesson = built.lessons[1]
    lesson.move(built.modules[1], pos="last-child")
    moved = LessonPage.objects.get(pk=lesson.pk)
    assert moved.get_parent().pk == built.modules[1].pk
    assert records(history) == before
    # The outline follows the move and still shows it done.
    response = client_for(learner).get(built.lessons[0].url)
    assert outline_state_of(response, moved.url) == "done"
    assert re.findall(r"(\d+/\d+) leçons", html.unescape(response.content.decode())) == [
        "1/2",
        "1/4",
    ]


def test_renaming_a_lesson_keeps_its_records(built, learner, history):
    before = records(history)
    lesson = LessonPage.objects.get(pk=built.lessons[0].pk)
    lesson.title = "Un tout autre titre"
    lesson.slug = "un-tout-autre-titre"
    lesson.save_revision().publish()
    renamed = LessonPage.objects.get(pk=lesson.pk)
    assert renamed.url.endswith("/un-tout-autre-titre/")
    assert records(history) == before
    response = client_for(learner).get(built.lessons[2].url)
    assert outline_state_of(response, renamed.url) == "done"
    assert "Un tout autre titre" in html.unescape(response.content.decode())


def test_unpublishing_a_lesson_keeps_its_records(built, learner, history):
    before = records(history)
    built.lessons[0].unpublish()
    assert not LessonPage.objects.get(pk=built.lessons[0].pk).live
    assert records(history) == before
    # The next completion counts the live lessons only, and matches a recount.
    lesson_progress_complete(user=learner, lesson=built.lessons[2], source=MARKED)
    figures = figures_of(history)
    assert figures == figures_recount(history)
    assert (figures.lessons_total, figures.lessons_completed) == (5, 2)


def test_resume_skips_a_lesson_unpublished_since(
    built, learner, history, django_capture_on_commit_callbacks
):
    assert history.next_lesson_id == built.lessons[2].pk
    with tasks_run_here(), django_capture_on_commit_callbacks(execute=True):
        built.lessons[2].unpublish()  # the figures' refresh runs after the commit
    client = client_for(learner)
    page = html.unescape(client.get(reverse("learning:my_learning")).content.decode())
    resume = re.search(r'<a class="button" href="([^"]+)">Reprendre', page)
    assert resume is not None
    assert client.get(resume.group(1)).status_code == 200
    assert resume.group(1) == built.lessons[3].url


# --- Deleting in the Wagtail admin ----------------------------------------------------------------


@pytest.fixture
def admin_client():
    return client_for(learner_create(is_staff=True, is_superuser=True))


def delete_in_admin(admin_client, page):
    return admin_client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def test_the_admin_refuses_to_delete_a_lesson_with_records(built, history, admin_client):
    lesson = built.lessons[0]
    response = delete_in_admin(admin_client, lesson)
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[built.modules[0].pk])
    assert Page.objects.filter(pk=lesson.pk).exists()
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(messages) == 1
    assert f"Impossible de supprimer « {lesson.title} »" in messages[0]
    assert REFUSAL in messages[0]
    assert "Dépubliez la page à la place." in messages[0]
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1


def test_the_admin_refuses_even_for_a_lesson_only_opened(built, learner, admin_client):
    lesson = built.lessons[4]
    enrolment = enrolment_create(user=learner, course=built.course)
    lesson_view_record(user=learner, lesson=lesson, enrolment=enrolment)
    delete_in_admin(admin_client, lesson)
    assert Page.objects.filter(pk=lesson.pk).exists()


def test_the_admin_refuses_to_delete_a_module_holding_a_lesson_with_records(
    built, history, admin_client
):
    module = built.modules[0]
    response = delete_in_admin(admin_client, module)
    assert response.status_code == 302
    assert Page.objects.filter(pk=module.pk).exists()
    assert LessonPage.objects.child_of(module).count() == 3
    assert REFUSAL in str(next(iter(get_messages(response.wsgi_request))))


def test_the_admin_deletes_a_lesson_without_records(built, history, admin_client):
    lesson = built.lessons[5]  # nobody has opened it, though the course has an enrolment
    response = delete_in_admin(admin_client, lesson)
    assert response.status_code == 302
    assert not Page.objects.filter(pk=lesson.pk).exists()
    assert not any(REFUSAL in str(m) for m in get_messages(response.wsgi_request))
    assert LessonProgress.objects.filter(enrolment=history).count() == 2


def test_the_figures_refresh_after_publishing_costs_the_same_for_3_and_30_learners(
    built, django_capture_on_commit_callbacks
):
    """The refresh after a publish reads the progress rows of a batch of enrolments at once, not
    one learner at a time."""

    def learners_with_history(count):
        for _ in range(count):
            learner = learner_create()
            for lesson in built.lessons[:2]:
                lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)

    def refresh_queries() -> int:
        with CaptureQueriesContext(connection) as refresh:
            assert enrolment_figures_refresh(course=built.course) == Enrolment.objects.count()
        return len(refresh.captured_queries)

    learners_with_history(3)
    few = refresh_queries()
    learners_with_history(27)
    assert refresh_queries() == few
    with tasks_run_here(), django_capture_on_commit_callbacks(execute=True):
        built.lessons[0].unpublish()  # the figures follow the course as it now is
    for enrolment in Enrolment.objects.all():
        assert figures_of(enrolment) == figures_recount(enrolment)
