"""What an official sees and posts: enrolment, « Mon parcours », the lesson page with its outline
and actions, ordered courses, the heartbeat endpoint, and who may do what."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from courses.models import CompletionRule
from elus2.learning.models import Enrolment, EnrolmentStatus, LessonProgress
from elus2.learning.services import enrolment_create, lesson_progress_complete
from tests.factories.learning import (
    client_for,
    figures_of,
    figures_recount,
    learner_create,
    learning_course_build,
)

pytestmark = pytest.mark.django_db

MARKED, VIEWED, QUIZ = CompletionRule.MARKED_DONE, CompletionRule.VIEWED, CompletionRule.QUIZ_PASSED
CLOSED_MESSAGE = "Cette formation est réservée aux personnes invitées par leur promotion."
DONE_BUTTON = "J'ai terminé cette leçon"


def text(response) -> str:
    return html.unescape(response.content.decode())


def outline_states(response) -> dict[str, str]:
    """Lesson URL → state class, from the learner outline."""
    return dict(
        (url, state)
        for state, url in re.findall(
            r'outline__lesson--(\w+)">\s*<a href="([^"]+)"', response.content.decode()
        )
    )


def module_counts(response) -> list[str]:
    return re.findall(r"(\d+/\d+) leçons", text(response))


def link(response, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', response.content.decode())
    return found.group(1) if found else None


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.fixture
def built():
    return learning_course_build(
        modules=2, lessons_per_module=3, minutes=[3, 4, 5, 6, 7, 3], fast=True
    )


@pytest.fixture
def learner():
    return learner_create()


@pytest.fixture
def client(learner):
    return client_for(learner)


# --- Enrolment ------------------------------------------------------------------------------------


def test_enrol_on_an_open_course_is_idempotent_and_opens_the_first_lesson(built, learner, client):
    url = reverse("learning:enrol", args=[built.course.pk])
    first = client.post(url)
    assert first.status_code == 302
    assert first.url == built.lessons[0].url
    assert client.post(url).status_code == 302
    assert Enrolment.objects.filter(user=learner, course=built.course).count() == 1
    enrolment = Enrolment.objects.get(user=learner)
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_enrol_on_a_closed_course_is_a_403_in_french(learner, client):
    closed = learning_course_build(modules=1, lessons_per_module=1, enrolment_open=False, fast=True)
    response = client.post(reverse("learning:enrol", args=[closed.course.pk]))
    assert response.status_code == 403
    assert CLOSED_MESSAGE in text(response)
    assert not Enrolment.objects.filter(user=learner).exists()


def test_an_invitation_enrols_in_a_closed_course_and_opens_its_lessons(learner, client):
    closed = learning_course_build(modules=1, lessons_per_module=2, enrolment_open=False, fast=True)
    enrolment_create(user=learner, course=closed.course, invited=True)
    response = client.get(closed.lessons[0].url)
    assert response.status_code == 200
    assert DONE_BUTTON in text(response)


def test_a_signed_in_visitor_not_enrolled_sees_the_enrol_button_on_a_lesson(built, client):
    response = client.get(built.lessons[1].url)
    assert response.status_code == 200
    body = text(response)
    assert "S'inscrire" in body
    assert f'action="{reverse("learning:enrol", args=[built.course.pk])}"' in body
    assert DONE_BUTTON not in body
    assert not LessonProgress.objects.exists()  # reading without enrolling records nothing


def test_the_course_page_offers_enrolment_to_a_signed_in_official(built, client):
    response = client.get(built.course.url)
    assert response.status_code == 200
    assert f'action="{reverse("learning:enrol", args=[built.course.pk])}"' in text(response)


# --- Mon parcours ---------------------------------------------------------------------------------


def test_my_learning_needs_login():
    assert_login_redirect(Client().get(reverse("learning:my_learning")))


def test_my_learning_without_courses_says_so(client):
    response = client.get(reverse("learning:my_learning"))
    assert response.status_code == 200
    assert "Vous ne suivez aucune formation pour l'instant." in text(response)


def test_my_learning_lists_courses_in_progress_then_completed_and_only_mine(built, learner, client):
    done = learning_course_build(modules=1, lessons_per_module=2, title="Déjà finie", fast=True)
    for lesson in done.lessons:
        lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    for lesson in built.lessons[:2]:
        lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    someone_else = learner_create()
    theirs = learning_course_build(
        modules=1, lessons_per_module=1, title="Pas la mienne", fast=True
    )
    enrolment_create(user=someone_else, course=theirs.course)

    response = client.get(reverse("learning:my_learning"))
    assert response.status_code == 200
    body = text(response)
    in_progress, _, completed = body.partition("<h2>Terminées</h2>")
    assert built.course.title in in_progress and built.course.title not in completed
    assert "Déjà finie" in completed and "Déjà finie" not in in_progress
    assert "Pas la mienne" not in body
    assert "33 % · 2 leçons sur 6" in in_progress
    assert 'value="33"' in in_progress
    assert "Environ 21 minutes restantes" in in_progress
    resume = re.search(r'<a class="button" href="([^"]+)">Reprendre', in_progress)
    assert resume and resume.group(1) == built.lessons[2].url
    assert "Terminée le" in completed

    opened = client.get(resume.group(1))
    assert opened.status_code == 200
    assert f"<h1>{built.lessons[2].title}</h1>" in text(opened)


# --- Lesson page ----------------------------------------------------------------------------------


def test_the_outline_shows_each_lesson_state_and_each_module_progress(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    lesson_progress_complete(user=learner, lesson=built.lessons[0], source=MARKED)
    assert client.get(built.lessons[1].url).status_code == 200  # viewed, not done
    response = client.get(built.lessons[3].url)
    assert response.status_code == 200
    states = outline_states(response)
    assert states == {
        built.lessons[0].url: "done",
        built.lessons[1].url: "in_progress",
        built.lessons[2].url: "not_started",
        built.lessons[3].url: "in_progress",  # the one open now
        built.lessons[4].url: "not_started",
        built.lessons[5].url: "not_started",
    }
    body = text(response)
    assert body.count(">terminée</span>") == 1
    assert body.count(">en cours</span>") == 2
    assert body.count(">à faire</span>") == 3
    assert module_counts(response) == ["1/3", "0/3"]
    assert "17 % terminé" in body
    assert link(response, "prev") == built.lessons[2].url
    assert link(response, "next") == built.lessons[4].url


def test_the_first_and_last_lessons_have_one_neighbour(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    first = client.get(built.lessons[0].url)
    last = client.get(built.lessons[-1].url)
    assert (link(first, "prev"), link(first, "next")) == (None, built.lessons[1].url)
    assert (link(last, "prev"), link(last, "next")) == (built.lessons[-2].url, None)


def test_another_officials_progress_never_shows_on_my_lesson_page(built, learner, client):
    other = learner_create()
    for lesson in built.lessons[:3]:
        lesson_progress_complete(user=other, lesson=lesson, source=MARKED)
    enrolment_create(user=learner, course=built.course)
    response = client.get(built.lessons[4].url)
    assert set(outline_states(response).values()) <= {"not_started", "in_progress"}
    assert module_counts(response) == ["0/3", "0/3"]


def test_the_done_button_shows_only_where_the_rule_is_marked_done(learner, client):
    built = learning_course_build(
        modules=1, lessons_per_module=3, rules=[MARKED, VIEWED, QUIZ], fast=True
    )
    enrolment_create(user=learner, course=built.course)
    marked, viewed, quiz = (text(client.get(lesson.url)) for lesson in built.lessons)
    assert DONE_BUTTON in marked
    assert f'action="{reverse("learning:lesson_complete", args=[built.lessons[0].pk])}"' in marked
    assert DONE_BUTTON not in viewed and "Leçon terminée" in viewed
    assert DONE_BUTTON not in quiz
    assert "Cette leçon est terminée quand vous réussissez son quiz." in quiz


def test_done_post_is_idempotent_and_goes_to_the_following_lesson(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    url = reverse("learning:lesson_complete", args=[built.lessons[1].pk])
    first = client.post(url)
    assert first.status_code == 302 and first.url == built.lessons[2].url
    assert [str(m) for m in get_messages(first.wsgi_request)] == ["Leçon terminée. Bravo !"]
    percent = Enrolment.objects.get(user=learner).percent
    second = client.post(url)
    assert second.status_code == 302 and second.url == built.lessons[2].url
    assert LessonProgress.objects.filter(lesson=built.lessons[1]).count() == 1
    enrolment = Enrolment.objects.get(user=learner)
    assert enrolment.percent == percent == 17
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_done_on_the_last_lesson_goes_to_the_next_lesson_still_to_do(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    response = client.post(reverse("learning:lesson_complete", args=[built.lessons[-1].pk]))
    assert response.url == built.lessons[0].url
    for lesson in built.lessons[:-1]:
        client.post(reverse("learning:lesson_complete", args=[lesson.pk]))
    again = client.post(reverse("learning:lesson_complete", args=[built.lessons[-1].pk]))
    assert again.url == reverse("learning:my_learning")
    assert Enrolment.objects.get(user=learner).status == EnrolmentStatus.COMPLETED


def test_the_done_page_shows_the_lesson_done_and_the_bar_moved(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    client.post(reverse("learning:lesson_complete", args=[built.lessons[0].pk]))
    response = client.get(built.lessons[0].url)
    body = text(response)
    assert "Leçon terminée" in body and DONE_BUTTON not in body
    assert 'value="17"' in body


def test_a_viewed_lesson_completes_on_the_first_get(learner, client):
    built = learning_course_build(
        modules=1, lessons_per_module=3, rules=[VIEWED, VIEWED, MARKED], fast=True
    )
    enrolment_create(user=learner, course=built.course)
    response = client.get(built.lessons[0].url)
    assert response.status_code == 200
    progress = LessonProgress.objects.get(lesson=built.lessons[0])
    assert progress.completed_at is not None
    assert outline_states(response)[built.lessons[0].url] == "done"
    assert "33 % terminé" in text(response)
    client.get(built.lessons[0].url)
    assert LessonProgress.objects.get(lesson=built.lessons[0]).completed_at == progress.completed_at
    enrolment = Enrolment.objects.get(user=learner)
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_done_post_on_a_quiz_lesson_is_refused_in_french(learner, client):
    built = learning_course_build(modules=1, lessons_per_module=2, rules=[MARKED, QUIZ], fast=True)
    enrolment_create(user=learner, course=built.course)
    quiz_lesson = built.lessons[1]
    response = client.post(reverse("learning:lesson_complete", args=[quiz_lesson.pk]), follow=True)
    assert response.redirect_chain[-1][0] == quiz_lesson.url
    assert "Cette leçon se termine autrement : répondez au quiz" in text(response)
    assert not LessonProgress.objects.filter(
        lesson=quiz_lesson, completed_at__isnull=False
    ).exists()
    assert Enrolment.objects.get(user=learner).percent == 0

    lesson_progress_complete(user=learner, lesson=quiz_lesson, source=QUIZ)
    assert LessonProgress.objects.get(lesson=quiz_lesson).completed_at is not None
    assert Enrolment.objects.get(user=learner).percent == 50


# --- Ordered courses ------------------------------------------------------------------------------


@pytest.fixture
def ordered():
    return learning_course_build(
        modules=1, lessons_per_module=4, lessons_unlock_in_order=True, fast=True
    )


def test_a_locked_lesson_says_why_and_links_to_the_lesson_to_do(ordered, learner, client):
    enrolment_create(user=learner, course=ordered.course)
    response = client.get(ordered.lessons[2].url)
    assert response.status_code == 200
    body = text(response)
    assert "les leçons s'ouvrent dans l'ordre" in body
    assert f'href="{ordered.lessons[0].url}">{ordered.lessons[0].title}</a>' in body
    assert DONE_BUTTON not in body
    assert "Le texte de la leçon" not in body
    assert not LessonProgress.objects.filter(lesson=ordered.lessons[2]).exists()
    # The lesson it links to opens: no loop.
    first = client.get(ordered.lessons[0].url)
    assert first.status_code == 200
    assert DONE_BUTTON in text(first)


def test_a_locked_lesson_opens_once_the_earlier_ones_are_done(ordered, learner, client):
    enrolment_create(user=learner, course=ordered.course)
    client.post(reverse("learning:lesson_complete", args=[ordered.lessons[0].pk]))
    still_locked = text(client.get(ordered.lessons[2].url))
    assert f'href="{ordered.lessons[1].url}">{ordered.lessons[1].title}</a>' in still_locked
    assert DONE_BUTTON not in still_locked
    client.post(reverse("learning:lesson_complete", args=[ordered.lessons[1].pk]))
    response = client.get(ordered.lessons[2].url)
    assert response.status_code == 200
    body = text(response)
    assert "s'ouvrent dans l'ordre" not in body
    assert DONE_BUTTON in body
    assert LessonProgress.objects.get(lesson=ordered.lessons[2]).first_viewed_at is not None


def test_a_locked_lesson_cannot_be_completed_by_posting(ordered, learner, client):
    enrolment_create(user=learner, course=ordered.course)
    client.post(reverse("learning:lesson_complete", args=[ordered.lessons[2].pk]))
    assert not LessonProgress.objects.filter(
        lesson=ordered.lessons[2], completed_at__isnull=False
    ).exists()


# --- Honest active time ---------------------------------------------------------------------------


def test_the_heartbeat_script_is_there_only_for_an_enrolled_learner(built, learner, client):
    heartbeat_url = reverse("learning:lesson_heartbeat", args=[built.lessons[0].pk])
    before = text(client.get(built.lessons[0].url))
    assert "heartbeat.js" not in before and heartbeat_url not in before
    enrolment_create(user=learner, course=built.course)
    after = text(client.get(built.lessons[0].url))
    assert "js/heartbeat.js" in after
    assert f'data-url="{heartbeat_url}"' in after


def test_the_heartbeat_endpoint_credits_30_seconds_once_per_beat(built, learner, client):
    enrolment = enrolment_create(user=learner, course=built.course)
    url = reverse("learning:lesson_heartbeat", args=[built.lessons[0].pk])
    assert client.post(url).status_code == 204
    assert client.post(url).status_code == 204  # within 25 s: nothing more
    assert LessonProgress.objects.get(lesson=built.lessons[0]).active_seconds == 30
    enrolment.refresh_from_db()
    assert enrolment.active_seconds == 30


def test_the_heartbeat_works_with_the_csrf_cookie_the_page_sets(built, learner):
    """heartbeat.js sends the csrftoken cookie back in X-CSRFToken."""
    enrolment_create(user=learner, course=built.course)
    client = Client(enforce_csrf_checks=True)
    client.force_login(learner)
    client.get(built.lessons[0].url)
    token = client.cookies["csrftoken"].value
    url = reverse("learning:lesson_heartbeat", args=[built.lessons[0].pk])
    assert client.post(url).status_code == 403
    assert client.post(url, headers={"X-CSRFToken": token}).status_code == 204
    assert LessonProgress.objects.get(lesson=built.lessons[0]).active_seconds == 30


def test_a_heartbeat_from_someone_not_enrolled_counts_nothing(built, learner, client):
    url = reverse("learning:lesson_heartbeat", args=[built.lessons[0].pk])
    assert client.post(url).status_code == 204
    assert not Enrolment.objects.exists()
    assert not LessonProgress.objects.exists()


# --- Access ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["enrol", "lesson_complete", "lesson_heartbeat"])
def test_anonymous_posts_go_to_login(built, name):
    target = built.course.pk if name == "enrol" else built.lessons[0].pk
    assert_login_redirect(Client().post(reverse(f"learning:{name}", args=[target])))
    assert not Enrolment.objects.exists()


def test_an_anonymous_lesson_visit_goes_to_login(built):
    assert_login_redirect(Client().get(built.lessons[0].url))


@pytest.mark.parametrize("name", ["enrol", "lesson_complete", "lesson_heartbeat"])
def test_the_post_endpoints_refuse_get(built, client, name):
    target = built.course.pk if name == "enrol" else built.lessons[0].pk
    assert client.get(reverse(f"learning:{name}", args=[target])).status_code == 405
    assert not Enrolment.objects.exists()


@pytest.mark.parametrize("name", ["lesson_complete", "lesson_heartbeat"])
def test_an_unknown_lesson_is_404(built, client, name):
    assert client.post(reverse(f"learning:{name}", args=[999_999])).status_code == 404
    # A page that is not a lesson is not a lesson either.
    assert client.post(reverse(f"learning:{name}", args=[built.modules[0].pk])).status_code == 404


def test_an_unpublished_lesson_cannot_be_completed(built, learner, client):
    enrolment_create(user=learner, course=built.course)
    built.lessons[0].unpublish()
    response = client.post(reverse("learning:lesson_complete", args=[built.lessons[0].pk]))
    assert response.status_code == 404
    assert not LessonProgress.objects.exists()


def test_completing_in_an_open_course_enrols_me(built, learner, client):
    response = client.post(reverse("learning:lesson_complete", args=[built.lessons[2].pk]))
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(user=learner, course=built.course)
    assert enrolment.lessons_completed == 1
    assert figures_of(enrolment) == figures_recount(enrolment)


def test_completing_in_a_closed_course_is_a_403_page_in_french(learner, client):
    closed = learning_course_build(modules=1, lessons_per_module=2, enrolment_open=False, fast=True)
    response = client.post(reverse("learning:lesson_complete", args=[closed.lessons[0].pk]))
    assert response.status_code == 403
    assert CLOSED_MESSAGE in text(response)
    assert not Enrolment.objects.exists()
    assert not LessonProgress.objects.exists()


def test_a_lesson_of_a_closed_course_is_a_403_page_in_french_without_an_invitation(learner, client):
    closed = learning_course_build(modules=1, lessons_per_module=1, enrolment_open=False, fast=True)
    response = client.get(closed.lessons[0].url)
    assert response.status_code == 403
    body = text(response)
    assert "Accès réservé" in body
    assert f"La formation « {closed.course.title} » est réservée" in body
    assert "Le texte de la leçon" not in body
