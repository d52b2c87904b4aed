"""Quiz tests: a lesson whose quiz has one question of each type, settings, and answers (right,
wrong, as POST data) computed from an attempt's own snapshot.

Secret markers sit in the correct options' feedback and in the explanations: tests assert that no
response a learner can get before submitting contains them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from courses.models import CompletionRule, CoursePage, LessonPage
from elus2.quizzes.models import QuizSettings

from .courses import SAMPLE_POST, option, stream
from .learning import learning_course_build

FEEDBACK_MARKER = "ZQX-feedback-secret-7731"
EXPLANATION_MARKER = "ZQX-explanation-secret-4410"
WRONG_FEEDBACK_MARKER = "ZQX-wrong-feedback-2208"


def full_quiz_items() -> list[tuple[str, Any]]:
    """Five questions, one per type, in this order."""
    return [
        (
            "single_choice",
            {
                "question": "Un habitant signale un nid-de-poule en commentaire. Que faites-vous ?",
                "options": [
                    option(
                        "Je remercie et transmets aux services techniques.",
                        correct=True,
                        feedback=f"Oui : c'est une aide. {FEEDBACK_MARKER}",
                    ),
                    option(
                        "Je supprime le commentaire.",
                        feedback=f"Non : cela fâche. {WRONG_FEEDBACK_MARKER}",
                    ),
                    option("Je ne réponds pas."),
                ],
                "explanation": f"Un signalement est une aide. {EXPLANATION_MARKER}",
            },
        ),
        (
            "multiple_choice",
            {
                "question": "Que contient une charte de modération ?",
                "options": [
                    option("Les propos interdits", correct=True, feedback=FEEDBACK_MARKER),
                    option("Les délais de réponse", correct=True, feedback=FEEDBACK_MARKER),
                    option("Le numéro personnel du maire"),
                ],
                "explanation": f"Ce qui est accepté et ce qui sera retiré. {EXPLANATION_MARKER}",
            },
        ),
        (
            "true_false",
            {
                "statement": "Une charte de modération doit être publiée.",
                "answer": True,
                "feedback_true": f"Oui. {FEEDBACK_MARKER}",
                "feedback_false": "Si : une règle cachée ne protège personne.",
                "explanation": f"On modère selon des règles connues. {EXPLANATION_MARKER}",
            },
        ),
        (
            "best_reply",
            {
                "situation": [{"type": "social_post", "value": SAMPLE_POST}],
                "question": "Quelle réponse publiez-vous ?",
                "options": [
                    option(
                        "Merci : l'ordre du jour est en ligne.",
                        correct=True,
                        feedback=FEEDBACK_MARKER,
                    ),
                    option("Venez en personne."),
                ],
                "explanation": f"Une réponse publique sert à tous. {EXPLANATION_MARKER}",
            },
        ),
        (
            "ordering",
            {
                "question": "Remettez les étapes dans l'ordre.",
                "items": ["Lire", "Vérifier", "Répondre", "Suivre"],
                "explanation": f"Comprendre avant de répondre. {EXPLANATION_MARKER}",
            },
        ),
    ]


@dataclass
class QuizCourse:
    course: CoursePage
    lessons: list[LessonPage]
    lesson: LessonPage  # the last one, closed by the quiz


def quiz_course_build(
    *,
    items: list[tuple[str, Any]] | None = None,
    lessons_before: int = 1,
    rule: str = CompletionRule.QUIZ_PASSED,
    settings: dict | None = None,
    **course_fields,
) -> QuizCourse:
    """A published course of one module whose last lesson carries the quiz (full_quiz_items by
    default), published as a revision so attempts record it."""
    built = learning_course_build(
        modules=1,
        lessons_per_module=lessons_before + 1,
        rules=[CompletionRule.MARKED_DONE] * lessons_before + [CompletionRule.MARKED_DONE],
        fast=True,
        **course_fields,
    )
    lesson = built.lessons[-1]
    lesson.quiz = stream(LessonPage, "quiz", items or full_quiz_items())
    lesson.completion_rule = rule
    lesson.save_revision().publish()
    lesson = LessonPage.objects.get(pk=lesson.pk)
    built.lessons[-1] = lesson
    if settings is not None:
        quiz_settings_set(lesson, **settings)
    return QuizCourse(course=built.course, lessons=built.lessons, lesson=lesson)


def quiz_settings_set(lesson: LessonPage, **fields) -> QuizSettings:
    found, _ = QuizSettings.objects.update_or_create(lesson=lesson, defaults=fields)
    return found


def lesson_edit(lesson: LessonPage, items: list[tuple[str, Any]]) -> LessonPage:
    """Publish new quiz content on the lesson, keeping the block ids given in `items`' raw data."""
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.quiz = stream(LessonPage, "quiz", items)
    lesson.save_revision().publish()
    return LessonPage.objects.get(pk=lesson.pk)


# --- Answers from a snapshot ----------------------------------------------------------------------


def _options(question: dict) -> list[dict]:
    if question["type"] == "true_false":
        return [
            {"id": "true", "correct": question["answer"]},
            {"id": "false", "correct": not question["answer"]},
        ]
    return question["options"]


def answers_right(questions: list[dict]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questions:
        if question["type"] == "ordering":
            answers[question["id"]] = {
                item["id"]: str(rank) for rank, item in enumerate(question["items"], start=1)
            }
            continue
        correct = [option["id"] for option in _options(question) if option["correct"]]
        answers[question["id"]] = correct if question["type"] == "multiple_choice" else correct[0]
    return answers


def answers_wrong(questions: list[dict]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questions:
        if question["type"] == "ordering":
            count = len(question["items"])
            answers[question["id"]] = {
                item["id"]: str(count - index) for index, item in enumerate(question["items"])
            }
            continue
        wrong = [option["id"] for option in _options(question) if not option["correct"]]
        answers[question["id"]] = wrong[:1] if question["type"] == "multiple_choice" else wrong[0]
    return answers


def post_data(questions: list[dict], answers: dict[str, Any], **extra) -> dict[str, Any]:
    """The quiz form as a browser posts it."""
    types = {question["id"]: question["type"] for question in questions}
    data: dict[str, Any] = {}
    for qid, value in answers.items():
        if types.get(qid) == "ordering" and isinstance(value, dict):
            for item_id, rank in value.items():
                data[f"q-{qid}-{item_id}"] = rank
        else:
            data[f"q-{qid}"] = value
    return {**data, **extra}
