"""An official takes a module's quiz in Chromium: « Faire le quiz » from the lesson, wrong answers,
the review with each chosen option's feedback and the explanations, « Réessayer », right answers,
« Retour à la leçon » and the lesson shows done; a missing answer is a French field error that
keeps what was typed; the same journey on a 375 px phone. axe-core checks every page visited."""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urljoin

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from courses.models import CompletionRule, LessonPage
from elus2.learning.models import Enrolment, LessonProgress
from elus2.learning.services import enrolment_create
from elus2.quizzes.models import AttemptStatus, FeedbackTiming, QuizAttempt
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories.courses import option
from tests.factories.quizzes import (
    answers_wrong,
    full_quiz_items,
    post_data,
    quiz_course_build,
)
from tests.factories.users import UserFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

SINGLE = "Un habitant signale un nid-de-poule en commentaire. Que faites-vous ?"
TRUE_FALSE = "Une charte de modération doit être publiée."
MULTIPLE = "Que contient une charte de modération ?"
ORDERING = "Remettez les étapes de la réponse dans l'ordre."
STEPS = ["Lire le message", "Vérifier les faits", "Répondre publiquement"]

SINGLE_RIGHT = "Je remercie et transmets aux services techniques."
SINGLE_WRONG = "Je supprime le commentaire."
SINGLE_WRONG_FEEDBACK = "Non : supprimer fâche l'habitant et attire l'attention."
TRUE_FALSE_WRONG_FEEDBACK = "Si : une règle cachée ne protège personne."
MULTIPLE_RIGHT = ["Les propos interdits", "Les délais de réponse"]
MULTIPLE_WRONG = "Le numéro personnel du maire"
MULTIPLE_WRONG_FEEDBACK = "Non : jamais de coordonnées personnelles."

EXPLANATIONS = {
    SINGLE: "Un signalement est une aide, pas une attaque.",
    TRUE_FALSE: "On modère selon des règles connues de tous.",
    MULTIPLE: "Ce qui est accepté, ce qui sera retiré, et quand on répond.",
    ORDERING: "Comprendre avant de répondre.",
}
# What the wrong answers choose, and the feedback the review must show for it.
CHOSEN_FEEDBACK = {
    SINGLE: (SINGLE_WRONG, SINGLE_WRONG_FEEDBACK),
    TRUE_FALSE: ("Faux", TRUE_FALSE_WRONG_FEEDBACK),
    MULTIPLE: (MULTIPLE_WRONG, MULTIPLE_WRONG_FEEDBACK),
}


def quiz_items() -> list[tuple[str, dict]]:
    return [
        (
            "single_choice",
            {
                "question": SINGLE,
                "options": [
                    option(SINGLE_RIGHT, correct=True, feedback="Bien : c'est une aide."),
                    option(SINGLE_WRONG, feedback=SINGLE_WRONG_FEEDBACK),
                    option("Je ne réponds pas.", feedback="Le silence laisse croire à l'oubli."),
                ],
                "explanation": EXPLANATIONS[SINGLE],
            },
        ),
        (
            "true_false",
            {
                "statement": TRUE_FALSE,
                "answer": True,
                "feedback_true": "Oui : elle se lit avant de commenter.",
                "feedback_false": TRUE_FALSE_WRONG_FEEDBACK,
                "explanation": EXPLANATIONS[TRUE_FALSE],
            },
        ),
        (
            "multiple_choice",
            {
                "question": MULTIPLE,
                "options": [
                    option(MULTIPLE_RIGHT[0], correct=True, feedback="Oui : ce qui sera retiré."),
                    option(MULTIPLE_RIGHT[1], correct=True, feedback="Oui : quand on répond."),
                    option(MULTIPLE_WRONG, feedback=MULTIPLE_WRONG_FEEDBACK),
                ],
                "explanation": EXPLANATIONS[MULTIPLE],
            },
        ),
        (
            "ordering",
            {"question": ORDERING, "items": STEPS, "explanation": EXPLANATIONS[ORDERING]},
        ),
    ]


@dataclass
class Setup:
    official: object
    lesson: LessonPage
    course: object


@pytest.fixture
def quiz_setup(catalogue) -> Setup:
    """A published one-module course whose last lesson completes when its 4-question quiz is
    passed (70 %); feedback after each attempt, unlimited attempts. The official is enrolled."""
    built = quiz_course_build(
        items=quiz_items(),
        settings={
            "pass_mark": 70,
            "attempts_allowed": None,
            "feedback_timing": FeedbackTiming.AFTER_EACH_ATTEMPT,
        },
    )
    assert built.lesson.completion_rule == CompletionRule.QUIZ_PASSED
    official = UserFactory(first_name="Camille", last_name="Navigateur")
    enrolment_create(user=official, course=built.course, invited=True)
    return Setup(official=official, lesson=built.lesson, course=built.course)


def absolute(live_server, url: str) -> str:
    return urljoin(live_server.url, url)


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def shot(page, name: str, phone: bool) -> None:
    """A full-page screenshot to look at, when ELUS2_SCREENSHOTS names a folder."""
    if folder := os.environ.get("ELUS2_SCREENSHOTS"):
        page.screenshot(path=f"{folder}/{name}-{'375' if phone else '1280'}.png", full_page=True)


def checked(page, phone: bool) -> None:
    if phone:
        assert_no_horizontal_scroll(page)
    assert_accessible(page)


def question(page, text: str):
    """A question of the quiz form: its fieldset, named by its legend."""
    return page.get_by_role("group", name=text, exact=True)


def answer(page, *, right: bool, skip: tuple[str, ...] = ()) -> None:
    if SINGLE not in skip:
        question(page, SINGLE).get_by_label(SINGLE_RIGHT if right else SINGLE_WRONG).check()
    if TRUE_FALSE not in skip:
        question(page, TRUE_FALSE).get_by_label("Vrai" if right else "Faux", exact=True).check()
    if MULTIPLE not in skip:
        group = question(page, MULTIPLE)
        for text in MULTIPLE_RIGHT:
            box = group.get_by_label(text)
            box.check() if right else box.uncheck()
        wrong = group.get_by_label(MULTIPLE_WRONG)
        wrong.uncheck() if right else wrong.check()
    if ORDERING not in skip:
        ranks = [1, 2, 3] if right else [2, 3, 1]  # wrong: no step at its place
        group = question(page, ORDERING)
        for step, rank in zip(STEPS, ranks, strict=True):
            group.get_by_label(step, exact=True).select_option(str(rank))


def submit(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer mes réponses").click()


def review_item(page, text: str):
    return page.locator("li.review-question").filter(
        has=page.locator(".question__text", has_text=text)
    )


def outline_state(page, lesson) -> str:
    outline = page.get_by_role("navigation", name="Programme de la formation")
    row = outline.locator("li.outline__lesson").filter(
        has=page.get_by_role("link", name=lesson.title, exact=True)
    )
    return row.locator(".lesson-state").inner_text()


def open_quiz_from_lesson(page, live_server, setup: Setup, phone: bool) -> None:
    lesson = setup.lesson
    page.goto(absolute(live_server, lesson.url))
    assert page.get_by_role("heading", level=1).inner_text() == lesson.title
    assert "Cette leçon est terminée quand vous réussissez son quiz." in page.inner_text("main")
    assert outline_state(page, lesson) == "en cours"  # viewed, not done: the quiz closes it
    checked(page, phone)
    link = page.get_by_role("link", name="Faire le quiz")
    if phone:
        assert link.bounding_box()["height"] >= 44
    link.click()
    page.wait_for_url(absolute(live_server, f"/quiz/lecons/{lesson.pk}/"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Quiz : {lesson.title}"
    checked(page, phone)
    shot(page, "quiz", phone)


def take_the_quiz(page, live_server, setup: Setup, phone: bool = False) -> None:
    lesson = setup.lesson
    open_quiz_from_lesson(page, live_server, setup, phone)
    assert "Tentative 1" in page.inner_text("main")
    # Before submission, no feedback or explanation is on the page.
    body = page.content()
    for text in [SINGLE_WRONG_FEEDBACK, TRUE_FALSE_WRONG_FEEDBACK, *EXPLANATIONS.values()]:
        assert text not in body

    # 1. Wrong answers: failed, with the feedback of each option chosen and the explanations.
    answer(page, right=False)
    submit(page)
    first = QuizAttempt.objects.get(user=setup.official, lesson=lesson, number=1)
    assert first.status == AttemptStatus.SUBMITTED and first.passed is False and first.score == 0
    page.wait_for_url(absolute(live_server, f"/quiz/tentatives/{first.pk}/"))
    main = page.locator("main")
    assert "0 %" in main.locator(".quiz-score__figure").inner_text()
    assert "Pas encore réussi : il faut 70 % de bonnes réponses." in main.inner_text()
    assert main.locator(".review-question--wrong").count() == 4
    for text, (chosen, feedback) in CHOSEN_FEEDBACK.items():
        mine = review_item(page, text).locator(".review-option--chosen")
        assert mine.count() == 1
        assert chosen in mine.inner_text()
        assert feedback in mine.locator(".review-option__feedback").inner_text()
        assert mine.locator(".review-option__feedback").is_visible()
    for text, explanation in EXPLANATIONS.items():
        shown = review_item(page, text).locator(".review-question__explanation")
        assert explanation in shown.inner_text()
        assert shown.is_visible()
    checked(page, phone)

    shot(page, "review-failed", phone)
    # Failed: « Réessayer » is the main action, above the review and again below it.
    retry = page.get_by_role("button", name="Réessayer")
    assert retry.count() == 2
    assert "button--secondary" not in (retry.first.get_attribute("class") or "")
    assert (
        page.locator(".quiz__actions--bottom").get_by_role("button", name="Réessayer").is_visible()
    )
    # The lesson offers it too.
    page.goto(absolute(live_server, lesson.url))
    panel = page.locator(".quiz-panel")
    assert panel.get_by_role("link", name="Voir mon résultat").is_visible()
    checked(page, phone)
    shot(page, "lesson-failed-panel", phone)

    # 2. « Réessayer », from the lesson: a new attempt, empty.
    with page.expect_navigation():
        panel.get_by_role("button", name="Réessayer").click()
    page.wait_for_url(absolute(live_server, f"/quiz/lecons/{lesson.pk}/"))
    assert "Tentative 2" in page.inner_text("main")
    assert QuizAttempt.objects.get(user=setup.official, lesson=lesson, number=2).is_open
    assert page.locator("input:checked").count() == 0
    checked(page, phone)

    # 3. Right answers: passed, and the lesson completes.
    answer(page, right=True)
    submit(page)
    second = QuizAttempt.objects.get(user=setup.official, lesson=lesson, number=2)
    assert second.status == AttemptStatus.SUBMITTED and second.passed is True
    assert second.score == 100
    page.wait_for_url(absolute(live_server, f"/quiz/tentatives/{second.pk}/"))
    main = page.locator("main")
    assert "Quiz réussi : la leçon est terminée. Bravo !" in page.inner_text("body")
    assert "✔ Quiz réussi" in main.locator(".quiz-score__verdict").inner_text()
    assert main.locator(".review-question--right").count() == 4
    checked(page, phone)
    shot(page, "review-passed", phone)
    # Passed, on the course's last lesson: the main action leads back to the course, not to a
    # new try (still offered, as a secondary button).
    top = page.locator(".quiz__actions").first
    assert top.locator(".button").first.inner_text() == "Retour au cours"
    assert "button--secondary" in top.get_by_role("button", name="Réessayer").get_attribute("class")

    # 4. « Retour à la leçon »: it shows done, in the page and in the outline.
    back = page.get_by_role("link", name="Retour à la leçon").first
    if phone:
        assert back.bounding_box()["height"] >= 44
    back.click()
    page.wait_for_url(absolute(live_server, lesson.url))
    assert page.get_by_role("status").filter(has_text="Leçon terminée").count() == 1
    assert outline_state(page, lesson) == "terminée"
    assert "Votre meilleur score : 100 %." in page.inner_text("main")
    checked(page, phone)

    progress = LessonProgress.objects.get(
        enrolment=Enrolment.objects.get(user=setup.official, course=setup.course),
        lesson_id=lesson.pk,
    )
    assert progress.completed_at is not None
    assert QuizAttempt.objects.filter(user=setup.official, lesson=lesson).count() == 2


def test_official_fails_reads_the_feedback_retries_and_passes(page, live_server, quiz_setup):
    sign_in(page, live_server, quiz_setup.official)
    take_the_quiz(page, live_server, quiz_setup)


def test_the_same_quiz_on_a_phone(phone_page, live_server, quiz_setup):
    sign_in(phone_page, live_server, quiz_setup.official)
    take_the_quiz(phone_page, live_server, quiz_setup, phone=True)


def test_a_missing_answer_is_a_field_error_that_keeps_what_was_typed(page, live_server, quiz_setup):
    sign_in(page, live_server, quiz_setup.official)
    open_quiz_from_lesson(page, live_server, quiz_setup, phone=False)
    answer(page, right=True, skip=(TRUE_FALSE,))
    submit(page)

    attempt = QuizAttempt.objects.get(user=quiz_setup.official, lesson=quiz_setup.lesson)
    assert attempt.is_open and attempt.score is None
    summary = page.get_by_role("alert").filter(has_text="Le quiz n'a pas été envoyé")
    assert (
        "Le quiz n'a pas été envoyé : une question attend encore votre réponse."
        in summary.inner_text()
    )
    missing = question(page, TRUE_FALSE)
    assert missing.locator(".field-error").inner_text() == "Répondez à cette question."
    assert page.locator(".field-error").count() == 1
    # The summary links to the question; the field error describes its fieldset.
    assert summary.get_by_role("link", name="Question 2").get_attribute("href") == (
        f"#{question(page, TRUE_FALSE).locator('xpath=..').get_attribute('id')}"
    )
    assert missing.get_attribute("aria-describedby") == missing.locator(
        ".field-error"
    ).get_attribute("id")
    # What was typed is still there.
    assert question(page, SINGLE).get_by_label(SINGLE_RIGHT).is_checked()
    for text in MULTIPLE_RIGHT:
        assert question(page, MULTIPLE).get_by_label(text).is_checked()
    assert not question(page, MULTIPLE).get_by_label(MULTIPLE_WRONG).is_checked()
    for step, rank in zip(STEPS, ["1", "2", "3"], strict=True):
        assert question(page, ORDERING).get_by_label(step, exact=True).input_value() == rank
    assert not missing.get_by_label("Vrai", exact=True).is_checked()
    assert len(attempt.answers) == 3
    assert_accessible(page)

    # Answering the last question sends it: passed at the first attempt.
    missing.get_by_label("Vrai", exact=True).check()
    submit(page)
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.passed is True
    page.wait_for_url(absolute(live_server, f"/quiz/tentatives/{attempt.pk}/"))
    assert_accessible(page)


def test_every_question_type_is_accessible_on_a_phone(phone_page, live_server, catalogue):
    """The quiz page, its error state and the review with one question of each type (a social
    post situation included) pass axe and fit 375 px."""
    built = quiz_course_build(
        settings={"attempts_allowed": None, "feedback_timing": FeedbackTiming.AFTER_EACH_ATTEMPT}
    )
    official = UserFactory()
    enrolment_create(user=official, course=built.course, invited=True)
    sign_in(phone_page, live_server, official)
    phone_page.goto(absolute(live_server, f"/quiz/lecons/{built.lesson.pk}/"))
    assert phone_page.locator(".quiz__question").count() == len(full_quiz_items())
    checked(phone_page, phone=True)

    submit(phone_page)  # nothing answered: five field errors
    assert phone_page.locator(".field-error").count() == len(full_quiz_items())
    checked(phone_page, phone=True)

    attempt = QuizAttempt.objects.get(user=official, lesson=built.lesson)
    client = Client()
    client.force_login(official)
    response = client.post(
        reverse("quizzes:attempt_submit", args=[attempt.pk]),
        post_data(attempt.questions, answers_wrong(attempt.questions)),
    )
    assert response.status_code == 302
    phone_page.goto(absolute(live_server, reverse("quizzes:review", args=[attempt.pk])))
    assert phone_page.locator(".review-question--wrong").count() == len(full_quiz_items())
    checked(phone_page, phone=True)


@pytest.mark.parametrize("phone", [False, True])
def test_one_primary_button_secondary_and_danger_look_different(
    phone, page, phone_page, live_server, quiz_setup
):
    """« Envoyer mes réponses » is the one filled button; « Enregistrer sans envoyer » (a
    <button>, which button.button used to outrank) is outlined, and a danger button is red."""
    tab = phone_page if phone else page
    sign_in(tab, live_server, quiz_setup.official)
    tab.goto(absolute(live_server, reverse("quizzes:quiz", args=[quiz_setup.lesson.pk])))
    style = "el => { const s = getComputedStyle(el); return [s.backgroundColor, s.color]; }"
    primary = tab.get_by_role("button", name="Envoyer mes réponses").evaluate(style)
    secondary = tab.get_by_role("button", name="Enregistrer sans envoyer").evaluate(style)
    assert primary[0] not in {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}  # filled
    assert secondary[0] != primary[0] and secondary[1] != primary[1]
    filled = tab.locator(".button:not(.button--secondary):not(.button--danger)")
    assert filled.count() == 1
    danger = tab.evaluate(
        """() => { const b = document.createElement('button');
        b.className = 'button button--danger'; b.textContent = 'Supprimer';
        document.querySelector('main').append(b);
        const s = getComputedStyle(b); return [s.backgroundColor, s.color, s.borderColor]; }"""
    )
    assert danger[0] != primary[0] and danger[1] == danger[2] != secondary[1]
    checked(tab, phone)
