"""The quiz services, called directly: start, save, submit once, refusals, completion, snapshots."""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from courses.models import CompletionRule, LessonPage
from elus2.learning.models import Enrolment, LessonProgress
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.quizzes.models import (
    AttemptStatus,
    FeedbackTiming,
    QuizAttempt,
    QuizMode,
    QuizSettings,
)
from elus2.quizzes.selectors import attempt_result, quiz_settings_get
from elus2.quizzes.services import (
    AnswersInvalid,
    AnswersRefused,
    AttemptAlreadySubmitted,
    AttemptsExhausted,
    QuizLessonLocked,
    quiz_attempt_save_answers,
    quiz_attempt_start,
    quiz_attempt_submit,
)
from tests.factories.courses import lesson_create, option
from tests.factories.learning import learner_create
from tests.factories.quizzes import (
    FEEDBACK_MARKER,
    answers_right,
    answers_wrong,
    full_quiz_items,
    lesson_edit,
    quiz_course_build,
    quiz_settings_set,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def built():
    return quiz_course_build()


@pytest.fixture
def lesson(built):
    return built.lesson


@pytest.fixture
def learner():
    return learner_create()


def submit(attempt, answers, user=None):
    return quiz_attempt_submit(user=user or attempt.user, attempt_id=attempt.pk, answers=answers)


# --- Settings -------------------------------------------------------------------------------------


def test_a_lesson_without_settings_uses_the_defaults(lesson):
    defaults = quiz_settings_get(lesson=lesson)
    assert defaults.pk is None
    assert (
        defaults.pass_mark,
        defaults.attempts_allowed,
        defaults.shuffle_questions,
        defaults.shuffle_options,
        defaults.questions_drawn,
        defaults.feedback_timing,
        defaults.mode,
    ) == (70, None, False, True, None, FeedbackTiming.AFTER_EACH_ATTEMPT, QuizMode.GRADED)


def test_options_are_shuffled_by_default_stable_for_the_attempt_and_graded_by_id(lesson, learner):
    """No settings row: the options of each attempt come in their own order, kept in its snapshot
    (reopening the quiz shows the same order), so "always the first option" is no strategy; the
    grading reads ids, not positions."""
    editor = {
        child.id: [option.id for option in child.value["options"].bound_blocks]
        for child in lesson.quiz
        if "options" in child.value
    }
    orders = set()
    for seed in range(6):
        person = learner_create()
        attempt = quiz_attempt_start(user=person, lesson=lesson, rng=random.Random(seed))
        shown = {
            q["id"]: [o["id"] for o in q["options"]] for q in attempt.questions if "options" in q
        }
        assert {qid: sorted(ids) for qid, ids in shown.items()} == {
            qid: sorted(ids) for qid, ids in editor.items()
        }
        orders.add(tuple(tuple(ids) for ids in shown.values()))
        again = quiz_attempt_start(user=person, lesson=lesson)
        assert again.pk == attempt.pk
        assert [q["options"] for q in again.questions if "options" in q] == [
            q["options"] for q in attempt.questions if "options" in q
        ]
        assert submit(attempt, answers_right(attempt.questions)).result.passed
    assert len(orders) > 1
    assert any(order != tuple(tuple(ids) for ids in editor.values()) for order in orders)


def test_self_assessment_cannot_wait_for_a_pass_to_show_feedback(lesson):
    quiz_settings = QuizSettings(
        lesson=lesson, mode=QuizMode.SELF_ASSESSMENT, feedback_timing=FeedbackTiming.ONCE_PASSED
    )
    with pytest.raises(ValidationError) as error:
        quiz_settings.full_clean()
    assert "feedback_timing" in error.value.message_dict


# --- Start ----------------------------------------------------------------------------------------


def test_start_draws_a_frozen_snapshot_with_the_pass_mark_and_revision(lesson, learner):
    quiz_settings_set(lesson, pass_mark=80)
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    assert (attempt.number, attempt.status, attempt.mode) == (1, AttemptStatus.OPEN, "graded")
    assert attempt.pass_mark == 80
    assert attempt.page_revision_id == lesson.live_revision_id is not None
    assert [q["id"] for q in attempt.questions] == [child.id for child in lesson.quiz]
    # Options are shuffled by default: the editor's first option is found by its id.
    first_option = lesson.quiz[0].value["options"].bound_blocks[0].id
    (snapshot,) = [o for o in attempt.questions[0]["options"] if o["id"] == first_option]
    assert snapshot["correct"] is True
    assert FEEDBACK_MARKER in snapshot["feedback"]


def test_start_reuses_the_open_attempt(lesson, learner):
    first = quiz_attempt_start(user=learner, lesson=lesson)
    assert quiz_attempt_start(user=learner, lesson=lesson).pk == first.pk
    assert QuizAttempt.objects.count() == 1


def test_start_draws_n_of_m_questions_and_shuffles(lesson, learner):
    quiz_settings_set(lesson, questions_drawn=2, shuffle_questions=True, shuffle_options=True)
    attempt = quiz_attempt_start(user=learner, lesson=lesson, rng=random.Random(5))
    assert len(attempt.questions) == 2
    assert {q["id"] for q in attempt.questions} <= {child.id for child in lesson.quiz}


def test_a_new_attempt_after_submission_is_numbered_and_freshly_drawn(lesson, learner):
    quiz_settings_set(lesson, questions_drawn=3, shuffle_questions=True)
    first = quiz_attempt_start(user=learner, lesson=lesson, rng=random.Random(1))
    submit(first, answers_wrong(first.questions))
    second = quiz_attempt_start(user=learner, lesson=lesson, rng=random.Random(2))
    assert second.number == 2 and second.pk != first.pk
    assert second.questions != first.questions


def test_starting_beyond_the_attempts_allowed_is_refused_in_french(lesson, learner):
    quiz_settings_set(lesson, attempts_allowed=2)
    for _ in range(2):
        attempt = quiz_attempt_start(user=learner, lesson=lesson)
        submit(attempt, answers_wrong(attempt.questions))
    with pytest.raises(AttemptsExhausted) as refusal:
        quiz_attempt_start(user=learner, lesson=lesson)
    assert refusal.value.message == "Vous avez utilisé les 2 tentatives autorisées pour ce quiz."
    assert QuizAttempt.objects.filter(user=learner).count() == 2


def test_the_database_allows_one_open_attempt_and_one_number_per_person_and_lesson(lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(user=learner, lesson=lesson, number=2)  # a second open one
    with pytest.raises(IntegrityError), transaction.atomic():
        QuizAttempt.objects.create(
            user=learner, lesson=lesson, number=attempt.number, status=AttemptStatus.SUBMITTED
        )
    QuizAttempt.objects.create(
        user=learner, lesson=lesson, number=2, status=AttemptStatus.SUBMITTED
    )


# --- Submit ---------------------------------------------------------------------------------------


def test_right_answers_pass_and_complete_the_lesson(built, lesson, learner):
    enrolment = enrolment_create(user=learner, course=built.course)
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    outcome = submit(attempt, answers_right(attempt.questions))
    assert (outcome.result.score, outcome.result.passed, outcome.lesson_completed) == (
        100,
        True,
        True,
    )
    attempt.refresh_from_db()
    assert (attempt.status, attempt.score, attempt.passed) == (AttemptStatus.SUBMITTED, 100, True)
    assert attempt.submitted_at is not None
    assert LessonProgress.objects.get(enrolment=enrolment, lesson=lesson).completed_at
    enrolment.refresh_from_db()
    assert (enrolment.lessons_completed, enrolment.percent) == (1, 50)


def _lock_by_a_new_lesson_before(lesson):
    """A trainer puts a new lesson just before this one (published: the outline changes)."""
    new = lesson_create(lesson.get_parent().specific, title="Leçon ajoutée")
    new.move(lesson, pos="left")
    return new


def test_a_pass_on_a_lesson_locked_since_the_quiz_opened_is_refused_and_kept(learner):
    ordered = quiz_course_build(lessons_unlock_in_order=True)
    enrolment = enrolment_create(user=learner, course=ordered.course)
    lesson_progress_complete(
        user=learner, lesson=ordered.lessons[0], source=CompletionRule.MARKED_DONE
    )
    attempt = quiz_attempt_start(user=learner, lesson=ordered.lesson)
    _lock_by_a_new_lesson_before(ordered.lesson)
    answers = answers_right(attempt.questions)
    with pytest.raises(QuizLessonLocked) as refused:
        submit(attempt, answers)
    assert "Leçon ajoutée" in refused.value.message
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN
    assert (attempt.score, attempt.passed, attempt.submitted_at) == (None, None, None)
    assert attempt.answers == answers
    assert not LessonProgress.objects.filter(
        enrolment=enrolment, lesson=ordered.lesson, completed_at__isnull=False
    ).exists()


def test_passing_enrols_an_official_not_yet_enrolled_in_an_open_course(built, lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    submit(attempt, answers_right(attempt.questions))
    assert Enrolment.objects.get(user=learner, course=built.course).percent == 50


def test_wrong_answers_fail_and_leave_the_lesson_to_do(built, lesson, learner):
    enrolment_create(user=learner, course=built.course)
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    outcome = submit(attempt, answers_wrong(attempt.questions))
    assert (outcome.result.score, outcome.result.passed, outcome.lesson_completed) == (
        0,
        False,
        False,
    )
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()
    assert Enrolment.objects.get(user=learner).percent == 0


def test_the_pass_mark_stored_on_the_attempt_decides(lesson, learner):
    quiz_settings_set(lesson, pass_mark=60)
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    quiz_settings_set(lesson, pass_mark=100)  # changed after the draw: not this attempt's mark
    answers = answers_right(attempt.questions)
    wrong = answers_wrong(attempt.questions)
    for question in attempt.questions[:2]:
        answers[question["id"]] = wrong[question["id"]]
    outcome = submit(attempt, answers)
    assert (outcome.result.score, outcome.result.passed) == (60, True)


def test_a_quiz_on_a_lesson_completed_otherwise_does_not_complete_it(learner):
    lesson = quiz_course_build(rule=CompletionRule.MARKED_DONE).lesson
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    outcome = submit(attempt, answers_right(attempt.questions))
    assert outcome.result.passed and not outcome.lesson_completed
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()


def test_a_second_submission_grades_nothing(lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    submit(attempt, answers_wrong(attempt.questions))
    with pytest.raises(AttemptAlreadySubmitted):
        submit(attempt, answers_right(attempt.questions))
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)
    assert attempt.answers == answers_wrong(attempt.questions)
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()


def test_a_missing_answer_is_a_field_error_and_the_attempt_keeps_what_was_typed(lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    answers = answers_right(attempt.questions)
    missing = attempt.questions[1]["id"]
    answers[missing] = []
    ordering = attempt.questions[4]
    answers[ordering["id"]] = {ordering["items"][0]["id"]: "1"}  # one rank of four
    with pytest.raises(AnswersInvalid) as invalid:
        submit(attempt, answers)
    assert invalid.value.field_errors == {
        missing: "Répondez à cette question.",
        ordering["id"]: "Donnez un rang à chaque étape.",
    }
    assert "2 questions attendent encore votre réponse" in invalid.value.message
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN and attempt.score is None
    assert attempt.answers == answers


@pytest.mark.parametrize("tamper", ["question", "option", "rank"])
def test_tampered_ids_are_refused_and_the_typed_answers_kept(lesson, learner, tamper):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    answers = answers_right(attempt.questions)
    typed = dict(answers)
    if tamper == "question":
        answers["not-a-question"] = "x"
    elif tamper == "option":
        answers[attempt.questions[0]["id"]] = "not-an-option"
        typed = dict(answers)
    else:
        ordering = attempt.questions[4]
        answers[ordering["id"]] = {**answers[ordering["id"]], ordering["items"][0]["id"]: "99"}
        typed = dict(answers)
    with pytest.raises(AnswersRefused) as refusal:
        submit(attempt, answers)
    assert "ne correspondent pas aux questions" in refusal.value.message
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN
    assert attempt.answers == typed
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()


def test_another_person_cannot_submit_or_save_an_attempt(lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    intruder = learner_create()
    with pytest.raises(QuizAttempt.DoesNotExist):
        submit(attempt, answers_right(attempt.questions), user=intruder)
    with pytest.raises(QuizAttempt.DoesNotExist):
        quiz_attempt_save_answers(user=intruder, attempt_id=attempt.pk, answers={})
    attempt.refresh_from_db()
    assert attempt.is_open and attempt.answers == {}


def test_saving_answers_keeps_them_without_grading(lesson, learner):
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    partial = {attempt.questions[0]["id"]: attempt.questions[0]["options"][1]["id"]}
    quiz_attempt_save_answers(user=learner, attempt_id=attempt.pk, answers=partial)
    attempt.refresh_from_db()
    assert attempt.answers == partial and attempt.is_open


# --- Snapshots: editing a lesson re-grades no one ---------------------------------------------------


def _swapped_items():
    """The same quiz with the first question's right answer moved to its second option."""
    items = full_quiz_items()
    first = items[0][1]
    first["options"] = [
        option(first["options"][0]["text"]),
        option(first["options"][1]["text"], correct=True),
        first["options"][2],
    ]
    return items


def test_editing_the_lesson_changes_neither_a_submitted_nor_an_open_attempt(lesson, learner):
    other = learner_create()
    submitted = quiz_attempt_start(user=learner, lesson=lesson)
    submit(submitted, answers_right(submitted.questions))
    open_attempt = quiz_attempt_start(user=other, lesson=lesson)
    answers = answers_right(open_attempt.questions)

    edited = lesson_edit(lesson, _swapped_items())
    assert edited.live_revision_id != submitted.page_revision_id
    assert edited.quiz[0].value["options"][1]["correct"]

    submitted.refresh_from_db()
    assert (submitted.score, submitted.passed) == (100, True)
    assert attempt_result(submitted).score == 100  # the review grades its own snapshot
    outcome = submit(open_attempt, answers)  # graded with the questions it was drawn with
    assert outcome.result.score == 100
    assert open_attempt.page_revision_id == submitted.page_revision_id


def test_attempts_keep_their_lesson_from_being_deleted(lesson, learner):
    quiz_attempt_start(user=learner, lesson=lesson)
    with pytest.raises(ProtectedError):
        LessonPage.objects.get(pk=lesson.pk).delete()


# --- Self-assessment ------------------------------------------------------------------------------


def test_self_assessment_has_no_pass_and_completes_nothing(lesson, learner):
    quiz_settings_set(lesson, mode=QuizMode.SELF_ASSESSMENT)
    attempt = quiz_attempt_start(user=learner, lesson=lesson)
    assert attempt.mode == QuizMode.SELF_ASSESSMENT
    outcome = submit(attempt, answers_right(attempt.questions))
    assert not outcome.lesson_completed
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100, None)
    assert not LessonProgress.objects.filter(lesson=lesson, completed_at__isnull=False).exists()


def test_a_pass_in_a_closed_course_without_enrolment_is_recorded_without_completion(learner):
    closed = quiz_course_build(enrolment_open=False)
    attempt = quiz_attempt_start(user=learner, lesson=closed.lesson)
    outcome = submit(attempt, answers_right(attempt.questions))
    assert outcome.result.passed and not outcome.lesson_completed
    attempt.refresh_from_db()
    assert (attempt.status, attempt.passed) == (AttemptStatus.SUBMITTED, True)
    assert not Enrolment.objects.filter(user=learner).exists()
