"""The quiz pages: answer, submit, review, try again, with each refusal, as a signed-in official.

The secret markers of tests/factories/quizzes.py (correct options' feedback, explanations) must
appear in no response a learner can get before submitting.
"""

from __future__ import annotations

import html

import pytest
from django.contrib.messages import get_messages
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from courses.models import CompletionRule
from elus2.learning.models import Enrolment
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.quizzes.models import AttemptStatus, FeedbackTiming, QuizAttempt, QuizMode
from tests.factories.courses import lesson_create
from tests.factories.learning import client_for, learner_create
from tests.factories.quizzes import (
    EXPLANATION_MARKER,
    FEEDBACK_MARKER,
    WRONG_FEEDBACK_MARKER,
    answers_right,
    answers_wrong,
    post_data,
    quiz_course_build,
    quiz_settings_set,
)

pytestmark = pytest.mark.django_db

SECRETS = (FEEDBACK_MARKER, EXPLANATION_MARKER, WRONG_FEEDBACK_MARKER)


@pytest.fixture
def built():
    return quiz_course_build()


@pytest.fixture
def lesson(built):
    return built.lesson


@pytest.fixture
def learner():
    return learner_create()


@pytest.fixture
def client(learner):
    return client_for(learner)


def quiz_url(lesson):
    return reverse("quizzes:quiz", args=[lesson.pk])


def submit_url(attempt):
    return reverse("quizzes:attempt_submit", args=[attempt.pk])


def review_url(attempt):
    return reverse("quizzes:review", args=[attempt.pk])


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def assert_no_secret(response):
    body = response.content.decode()
    for secret in SECRETS:
        assert secret not in body, f"{secret} leaked in {response.request['PATH_INFO']}"


def open_quiz(client, lesson) -> QuizAttempt:
    response = client.get(quiz_url(lesson))
    assert response.status_code == 200
    return QuizAttempt.objects.get(lesson=lesson, status=AttemptStatus.OPEN)


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


# --- Access ---------------------------------------------------------------------------------------


def test_every_quiz_url_needs_login(lesson, learner):
    attempt = open_quiz(client_for(learner), lesson)
    anonymous = Client()
    for response in (
        anonymous.get(quiz_url(lesson)),
        anonymous.post(reverse("quizzes:attempt_start", args=[lesson.pk])),
        anonymous.post(submit_url(attempt)),
        anonymous.get(review_url(attempt)),
    ):
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_another_learner_s_attempt_is_a_404(lesson, client, learner):
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions)))
    intruder = client_for(learner_create())
    assert intruder.get(review_url(attempt)).status_code == 404
    assert intruder.post(submit_url(attempt), {}).status_code == 404
    client.post(reverse("quizzes:attempt_start", args=[lesson.pk]))
    mine = open_quiz(client, lesson)  # a second, open attempt
    answers = post_data(mine.questions, answers_right(mine.questions))
    assert intruder.post(submit_url(mine), answers).status_code == 404
    assert intruder.get(review_url(mine)).status_code == 404
    mine.refresh_from_db()
    assert mine.is_open and mine.answers == {}


def test_a_lesson_without_quiz_has_no_quiz_page(built, client):
    assert client.get(quiz_url(built.lessons[0])).status_code == 404
    assert client.get(reverse("quizzes:quiz", args=[999999])).status_code == 404


def test_the_quiz_of_a_closed_course_is_refused_without_enrolment(client, learner):
    closed = quiz_course_build(enrolment_open=False)
    response = client.get(quiz_url(closed.lesson))
    assert response.status_code == 403
    assert "réservée aux personnes invitées" in text_of(response)
    assert not QuizAttempt.objects.exists()


def test_the_quiz_of_a_locked_lesson_says_which_lesson_comes_first(client, learner):
    ordered = quiz_course_build(lessons_unlock_in_order=True)
    enrolment_create(user=learner, course=ordered.course)
    response = client.get(quiz_url(ordered.lesson))
    assert response.status_code == 200
    assert ordered.lessons[0].title in text_of(response)
    assert not QuizAttempt.objects.exists()


def test_a_quiz_sent_after_its_lesson_got_locked_says_so_and_keeps_the_answers(client, learner):
    ordered = quiz_course_build(lessons_unlock_in_order=True)
    enrolment_create(user=learner, course=ordered.course)
    lesson_progress_complete(
        user=learner, lesson=ordered.lessons[0], source=CompletionRule.MARKED_DONE
    )
    assert client.get(quiz_url(ordered.lesson)).status_code == 200
    attempt = QuizAttempt.objects.get(lesson=ordered.lesson)
    new = lesson_create(ordered.lesson.get_parent().specific, title="Leçon ajoutée")
    new.move(ordered.lesson, pos="left")  # a trainer puts a lesson before the quiz
    answers = answers_right(attempt.questions)
    response = client.post(submit_url(attempt), post_data(attempt.questions, answers))
    assert response.status_code == 200
    assert "Leçon ajoutée" in text_of(response)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN
    assert attempt.answers == answers


# --- Nothing leaks before submission -----------------------------------------------------------------


def test_no_response_before_submission_says_which_options_are_right(built, lesson, client, learner):
    enrolment_create(user=learner, course=built.course)
    lesson_page = client.get(lesson.url)
    assert lesson_page.status_code == 200
    assert_no_secret(lesson_page)

    quiz_page = client.get(quiz_url(lesson))
    assert quiz_page.status_code == 200
    assert_no_secret(quiz_page)
    body = quiz_page.content.decode()
    assert 'name="csrfmiddlewaretoken"' in body
    attempt = QuizAttempt.objects.get(lesson=lesson)
    for question in attempt.questions:
        assert f'name="q-{question["id"]}' in body
    assert "correct" not in body.lower().replace("incorrect", "")

    assert_no_secret(client.get(quiz_url(lesson)))  # reloaded
    missing = client.post(submit_url(attempt), {})  # field errors
    assert missing.status_code == 200
    assert_no_secret(missing)
    tampered = client.post(submit_url(attempt), {"q-intruder": "x"})
    assert tampered.status_code == 400
    assert_no_secret(tampered)
    saved = client.post(submit_url(attempt), {"action": "save"}, follow=True)
    assert_no_secret(saved)
    assert_no_secret(client.get(review_url(attempt), follow=True))  # open: back to the quiz
    assert_no_secret(client.get(lesson.url))


# --- Submitting -------------------------------------------------------------------------------------


def test_the_quiz_page_shows_every_question_type_in_the_lesson_s_look(lesson, client):
    response = client.get(quiz_url(lesson))
    body = text_of(response)
    attempt = QuizAttempt.objects.get(lesson=lesson)
    assert f"Quiz : {lesson.title}" in body
    assert "Il faut 70 % de bonnes réponses pour réussir ce quiz." in body
    for question in attempt.questions:
        assert question["text"] in body
    assert 'type="checkbox"' in body and 'type="radio"' in body and "<select" in body
    assert "Vrai" in body and "Faux" in body
    assert "Mairie de Testville" in body  # the best reply's situation
    assert 'class="quiz__questions"' in body and "css/quizzes.css" in body


def test_right_answers_pass_complete_the_lesson_and_show_the_review(built, lesson, client, learner):
    enrolment_create(user=learner, course=built.course)
    attempt = open_quiz(client, lesson)
    response = client.post(
        submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions))
    )
    assert response.status_code == 302 and response.url == review_url(attempt)
    assert "Quiz réussi : la leçon est terminée. Bravo !" in messages_of(response)
    assert Enrolment.objects.get(user=learner).percent == 50
    review = client.get(response.url)
    body = text_of(review)
    assert "100 %" in body and "Quiz réussi" in body
    assert FEEDBACK_MARKER in body and EXPLANATION_MARKER in body and WRONG_FEEDBACK_MARKER in body
    assert "Leçon terminée" in text_of(client.get(lesson.url))


def test_a_failed_attempt_shows_the_feedback_of_each_option_and_offers_a_new_try(lesson, client):
    attempt = open_quiz(client, lesson)
    response = client.post(
        submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions))
    )
    assert response.status_code == 302 and not messages_of(response)
    body = text_of(client.get(review_url(attempt)))
    assert "Pas encore réussi : il faut 70 % de bonnes réponses." in body
    assert body.count("Votre réponse") >= 4 and "Réponse incorrecte" in body
    assert FEEDBACK_MARKER in body and WRONG_FEEDBACK_MARKER in body and EXPLANATION_MARKER in body
    assert "Votre rang : 4" in body  # the ordering, reversed
    assert reverse("quizzes:attempt_start", args=[lesson.pk]) in body  # Réessayer

    retry = client.post(reverse("quizzes:attempt_start", args=[lesson.pk]))
    assert retry.status_code == 302 and retry.url == quiz_url(lesson)
    second = QuizAttempt.objects.get(lesson=lesson, status=AttemptStatus.OPEN)
    assert second.number == 2
    assert_no_secret(client.get(retry.url))


def test_once_submitted_the_quiz_url_opens_the_latest_result(lesson, client):
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions)))
    response = client.get(quiz_url(lesson))
    assert response.status_code == 302 and response.url == review_url(attempt)
    assert QuizAttempt.objects.count() == 1


def test_a_missing_answer_is_a_field_error_and_keeps_what_was_typed(lesson, client):
    attempt = open_quiz(client, lesson)
    answers = answers_right(attempt.questions)
    skipped = attempt.questions[2]["id"]
    del answers[skipped]
    chosen_option = answers[attempt.questions[0]["id"]]
    response = client.post(submit_url(attempt), post_data(attempt.questions, answers))
    assert response.status_code == 200
    body = text_of(response)
    assert "Le quiz n'a pas été envoyé : une question attend encore votre réponse." in body
    assert "Répondez à cette question." in body
    assert f'href="#q-{skipped}"' in body and f'aria-describedby="e-{skipped}"' in body
    assert f'value="{chosen_option}" checked' in body
    ordering = attempt.questions[4]
    first_step = ordering["items"][0]["id"]
    assert f'name="q-{ordering["id"]}-{first_step}"' in body
    assert body.count("selected>") == 4  # every rank given is still selected
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == answers
    # Reloading the quiz page later still shows them.
    assert f'value="{chosen_option}" checked' in text_of(client.get(quiz_url(lesson)))


def test_tampered_ids_are_refused_with_a_message_and_the_attempt_stays_open(lesson, client):
    attempt = open_quiz(client, lesson)
    data = post_data(attempt.questions, answers_right(attempt.questions))
    data[f"q-{attempt.questions[0]['id']}"] = "forged-option"
    response = client.post(submit_url(attempt), data)
    assert response.status_code == 400
    assert "ne correspondent pas aux questions de votre quiz" in text_of(response)
    data = post_data(attempt.questions, answers_right(attempt.questions), **{"q-forged": "1"})
    assert client.post(submit_url(attempt), data).status_code == 400
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.score is None


def test_a_replayed_submission_is_graded_once(built, lesson, client, learner):
    enrolment_create(user=learner, course=built.course)
    attempt = open_quiz(client, lesson)
    wrong = post_data(attempt.questions, answers_wrong(attempt.questions))
    right = post_data(attempt.questions, answers_right(attempt.questions))
    first = client.post(submit_url(attempt), wrong)
    second = client.post(submit_url(attempt), right)  # a second tab, with other answers
    assert first.url == second.url == review_url(attempt)
    assert "Ce quiz a déjà été envoyé : voici votre résultat." in messages_of(second)
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)
    assert QuizAttempt.objects.count() == 1
    assert Enrolment.objects.get(user=learner).percent == 0


def test_save_without_submitting_keeps_the_answers(lesson, client):
    attempt = open_quiz(client, lesson)
    data = post_data(attempt.questions, answers_right(attempt.questions), action="save")
    response = client.post(submit_url(attempt), data)
    assert response.status_code == 302 and response.url == quiz_url(lesson)
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == answers_right(attempt.questions)


# --- Attempts allowed and feedback timing ----------------------------------------------------------


def test_no_new_try_once_the_attempts_allowed_are_used(lesson, client):
    quiz_settings_set(lesson, attempts_allowed=1)
    attempt = open_quiz(client, lesson)
    assert "Tentative 1 sur 1" in text_of(client.get(quiz_url(lesson)))
    client.post(submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions)))
    body = text_of(client.get(review_url(attempt)))
    assert "Vous avez utilisé toutes les tentatives autorisées." in body
    assert reverse("quizzes:attempt_start", args=[lesson.pk]) not in body
    refused = client.post(reverse("quizzes:attempt_start", args=[lesson.pk]))
    assert refused.url == review_url(attempt)
    assert "Vous avez utilisé la tentative autorisée pour ce quiz." in messages_of(refused)
    assert QuizAttempt.objects.count() == 1


def test_feedback_never_shown(lesson, client):
    quiz_settings_set(lesson, feedback_timing=FeedbackTiming.NEVER)
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions)))
    review = client.get(review_url(attempt))
    assert "100 %" in text_of(review) and "Le corrigé de ce quiz n'est pas affiché." in text_of(
        review
    )
    assert_no_secret(review)


def test_feedback_shown_only_once_passed(lesson, client):
    quiz_settings_set(lesson, feedback_timing=FeedbackTiming.ONCE_PASSED)
    failed = open_quiz(client, lesson)
    client.post(submit_url(failed), post_data(failed.questions, answers_wrong(failed.questions)))
    review = client.get(review_url(failed))
    assert "s'affichent une fois le quiz réussi" in text_of(review)
    assert_no_secret(review)
    client.post(reverse("quizzes:attempt_start", args=[lesson.pk]))
    passed = open_quiz(client, lesson)
    client.post(submit_url(passed), post_data(passed.questions, answers_right(passed.questions)))
    assert FEEDBACK_MARKER in text_of(client.get(review_url(passed)))


# --- Self-assessment ------------------------------------------------------------------------------


def test_self_assessment_shows_the_official_s_change_before_and_after(
    built, lesson, client, learner
):
    enrolment_create(user=learner, course=built.course)
    quiz_settings_set(lesson, mode=QuizMode.SELF_ASSESSMENT, attempts_allowed=2)
    before = open_quiz(client, lesson)
    assert "Il n'y a pas de seuil de réussite" in text_of(client.get(quiz_url(lesson)))
    answers = answers_wrong(before.questions)
    answers[before.questions[0]["id"]] = answers_right(before.questions)[before.questions[0]["id"]]
    response = client.post(submit_url(before), post_data(before.questions, answers))
    assert "Merci : vos réponses sont enregistrées." in messages_of(response)
    first_review = text_of(client.get(review_url(before)))
    assert "20 %" in first_review and "avant / après" not in first_review
    assert "Quiz réussi" not in first_review and "Pas encore réussi" not in first_review

    client.post(reverse("quizzes:attempt_start", args=[lesson.pk]))
    after = open_quiz(client, lesson)
    client.post(submit_url(after), post_data(after.questions, answers_right(after.questions)))
    body = text_of(client.get(review_url(after)))
    assert "Votre évolution : avant / après" in body
    assert "Avant : 20 % — après : 100 %." in body
    assert "Vous avez progressé de 80 points." in body
    assert body.count("<td>Faux</td>") == 4  # four questions wrong before, all right after
    assert Enrolment.objects.get(user=learner).percent == 0  # self-assessment completes nothing


# --- The lesson page's quiz panel (for the lead to place on lesson_page.html) ------------------------


def render_panel(user, lesson) -> str:
    request = RequestFactory().get(lesson.url)
    request.user = user
    template = Template("{% load quizzes_tags %}{% quiz_panel page %}")
    return html.unescape(template.render(Context({"request": request, "page": lesson})))


def test_the_quiz_panel_links_to_the_quiz_then_to_the_result(lesson, learner, client):
    assert "Faire le quiz" in render_panel(learner, lesson)
    attempt = open_quiz(client, lesson)
    assert "Reprendre le quiz" in render_panel(learner, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions)))
    panel = render_panel(learner, lesson)
    assert "Votre meilleur score : 100 %." in panel and review_url(attempt) in panel
    assert FEEDBACK_MARKER not in panel


def test_a_passed_quiz_on_an_already_completed_lesson_changes_nothing(
    built, lesson, learner, client
):
    lesson_progress_complete(user=learner, lesson=lesson, source=CompletionRule.QUIZ_PASSED)
    attempt = open_quiz(client, lesson)
    response = client.post(
        submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions))
    )
    assert "Quiz réussi. Bravo !" in messages_of(response)
    assert Enrolment.objects.get(user=learner).percent == 50


# --- What to do after a result: one main action, at the top and below the review ------------------


def actions_of(response) -> list[list[tuple[str, str]]]:
    """Each actions block of the review page: (label, "primary" or "secondary") in order."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    blocks = []
    for block in soup.select(".quiz__actions"):
        blocks.append(
            [
                (
                    " ".join(item.get_text(" ", strip=True).replace("→", "").split()),
                    "secondary" if "button--secondary" in item["class"] else "primary",
                )
                for item in block.select("a.button, button.button")
            ]
        )
    return blocks


@pytest.fixture
def quiz_before_another():
    """A course whose quiz lesson is followed by another lesson."""
    from courses.models import LessonPage
    from tests.factories.courses import stream
    from tests.factories.learning import learning_course_build
    from tests.factories.quizzes import full_quiz_items

    built = learning_course_build(modules=1, lessons_per_module=2, fast=True)
    lesson = built.lessons[0]
    lesson.quiz = stream(LessonPage, "quiz", full_quiz_items())
    lesson.completion_rule = CompletionRule.QUIZ_PASSED
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk), built.lessons[1]


def test_after_passing_the_main_action_is_the_next_lesson(quiz_before_another, learner, client):
    lesson, following = quiz_before_another
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions)))
    review = client.get(review_url(attempt))
    blocks = actions_of(review)
    assert len(blocks) == 2  # above the review and again below it
    for block in blocks:
        assert [kind for _label, kind in block].count("primary") == 1
        assert block[0] == ("Leçon suivante", "primary")
        assert ("Réessayer", "secondary") in block
    assert f'href="{following.url}"' in review.content.decode()


def test_after_failing_the_main_action_is_a_new_try_and_the_lesson_offers_it(
    lesson, learner, client
):
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions)))
    blocks = actions_of(client.get(review_url(attempt)))
    assert len(blocks) == 2
    for block in blocks:
        assert block == [("Réessayer", "primary"), ("Retour à la leçon", "secondary")]
    panel = render_panel(learner, lesson)
    assert "Réessayer" in panel and reverse("quizzes:attempt_start", args=[lesson.pk]) in panel
    assert "Voir mon résultat" in panel
    # No attempt left: no « Réessayer » on the lesson either.
    quiz_settings_set(lesson, attempts_allowed=1)
    panel = render_panel(learner, lesson)
    assert "Réessayer" not in panel and "Voir mon résultat" in panel


def test_after_passing_the_last_lesson_the_main_action_is_the_course(lesson, learner, client):
    attempt = open_quiz(client, lesson)
    client.post(submit_url(attempt), post_data(attempt.questions, answers_right(attempt.questions)))
    blocks = actions_of(client.get(review_url(attempt)))
    assert blocks[0][0] == ("Retour au cours", "primary")
    assert "Réessayer" not in render_panel(learner, lesson)


def test_ordering_ranks_and_question_numbers_are_their_own_elements(lesson, client):
    from bs4 import BeautifulSoup

    attempt = open_quiz(client, lesson)
    page = BeautifulSoup(client.get(quiz_url(lesson)).content.decode(), "html.parser")
    numbers = [p.get_text(strip=True) for p in page.select(".quiz__question > .question__number")]
    assert numbers == [f"Question {n}" for n in range(1, len(attempt.questions) + 1)]
    client.post(submit_url(attempt), post_data(attempt.questions, answers_wrong(attempt.questions)))
    review = BeautifulSoup(client.get(review_url(attempt)).content.decode(), "html.parser")
    numbers = [
        p.get_text(strip=True) for p in review.select(".review-question > .question__number")
    ]
    assert numbers == [f"Question {n}" for n in range(1, len(attempt.questions) + 1)]
    ranks = review.select("ol.review-options .review-option__tags .tag")
    assert ranks and all(tag.get_text(strip=True).startswith("Votre rang") for tag in ranks)
