"""Writes of the quizzes app: start an attempt, keep what was typed, submit it once.

Called by quizzes' views (and later by the demo seed). Grading happens here, on the server, with
grading.grade on the snapshot the attempt was drawn with; a passed graded quiz completes its lesson
through learning's lesson_progress_complete in the same transaction. Concurrency rests on the
database: a unique attempt number per person and lesson, at most one open attempt (a partial
unique constraint), and a conditional update open → submitted, so one submission is graded once.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.models import CompletionRule, LessonPage
from courses.outline import course_outline, course_path_of
from elus2.evidence.models import FactKind
from elus2.learning.page_cache import learner_pages_changed
from elus2.learning.services import (
    EnrolmentClosed,
    LessonLocked,
    lesson_fact_record,
    lesson_progress_complete,
)

from . import grading
from .models import AttemptStatus, QuizAttempt, QuizMode
from .selectors import quiz_attempt_to_submit, quiz_settings_get
from .snapshot import SnapshotError, quiz_draw, quiz_snapshot

START_RETRIES = 5


class QuizError(Exception):
    """A refusal the learner is told about, in French."""

    def __init__(self, message: str = "", *, attempt: QuizAttempt | None = None):
        super().__init__(message)
        self.message = message
        self.attempt = attempt


class QuizUnavailable(QuizError):
    """The lesson has no question that can be asked."""


class AttemptsExhausted(QuizError):
    """Every attempt allowed for this quiz has been used."""


class AttemptAlreadySubmitted(QuizError):
    """A second submission of the same attempt (double click, second tab, replayed POST)."""


class AnswersInvalid(QuizError):
    """Some questions lack an answer: `field_errors` maps question id → message."""

    def __init__(self, field_errors: dict[str, str], *, attempt: QuizAttempt):
        count = len(field_errors)
        super().__init__(
            ngettext(
                "Le quiz n'a pas été envoyé : une question attend encore votre réponse.",
                "Le quiz n'a pas été envoyé : %(count)d questions attendent encore votre réponse.",
                count,
            )
            % {"count": count},
            attempt=attempt,
        )
        self.field_errors = field_errors


class AnswersRefused(QuizError):
    """The answers name a question, option or rank the page never offered."""


class QuizLessonLocked(QuizError):
    """In an ordered course, the lesson became locked after the quiz was opened (a trainer put a
    lesson before it): nothing is graded, the attempt stays open with what was typed."""

    def __init__(self, *, attempt: QuizAttempt, blocker_title: str):
        super().__init__(
            _(
                "Ce quiz n'a pas été envoyé : terminez d'abord la leçon « %(title)s ». "
                "Vos réponses sont enregistrées."
            )
            % {"title": blocker_title},
            attempt=attempt,
        )
        self.blocker_title = blocker_title


@dataclass(frozen=True)
class SubmitResult:
    attempt: QuizAttempt
    result: grading.GradeResult
    lesson_completed: bool


def _field_message(problem: str) -> str:
    return {
        grading.MISSING: _("Répondez à cette question."),
        grading.RANKS_INCOMPLETE: _("Donnez un rang à chaque étape."),
        grading.RANKS_REPEATED: _("Chaque rang ne peut servir qu'une fois."),
    }.get(problem, _("Répondez à cette question."))


def _answers_as_typed(questions: list[dict], answers: Mapping[str, Any]) -> dict[str, Any]:
    """What to keep of the answers: those of the attempt's own questions, as typed."""
    known = {question["id"] for question in questions}
    return {key: value for key, value in answers.items() if key in known}


@transaction.atomic
def quiz_attempt_start(
    *, user, lesson: LessonPage, rng: random.Random | None = None
) -> QuizAttempt:
    """The person's open attempt at this quiz, or a new one with a fresh draw of questions.

    Refused with AttemptsExhausted once the attempts allowed are used. Safe when many requests
    start at once: the unique number and the one-open-attempt constraint let one insert win; the
    others retry and find its attempt (or the limit).
    """
    attempts = QuizAttempt.objects.filter(user=user, lesson=lesson)
    quiz_settings, questions = None, None
    for _attempt in range(START_RETRIES):
        # One statement, so one snapshot: read separately, a concurrent start could commit
        # between "no open attempt" and "the limit is reached" and turn a reuse into a refusal.
        existing = list(attempts.values_list("pk", "number", "status"))
        open_pk = next((pk for pk, _n, status in existing if status == AttemptStatus.OPEN), None)
        if open_pk is not None:
            attempt = QuizAttempt.objects.get(pk=open_pk)
            attempt.lesson = lesson
            return attempt
        if quiz_settings is None:
            quiz_settings = quiz_settings_get(lesson=lesson)
            try:
                questions = quiz_snapshot(lesson.quiz)
            except SnapshotError:
                questions = []
            if not questions:
                raise QuizUnavailable(_("Cette leçon n'a pas de quiz."))
        used = max((number for _pk, number, _s in existing), default=0)
        allowed = quiz_settings.attempts_allowed
        if allowed is not None and used >= allowed:
            raise AttemptsExhausted(
                ngettext(
                    "Vous avez utilisé la tentative autorisée pour ce quiz.",
                    "Vous avez utilisé les %(count)d tentatives autorisées pour ce quiz.",
                    allowed,
                )
                % {"count": allowed}
            )
        drawn = quiz_draw(
            questions,
            count=quiz_settings.questions_drawn,
            shuffle_questions=quiz_settings.shuffle_questions,
            shuffle_options=quiz_settings.shuffle_options,
            rng=rng or secrets.SystemRandom(),
        )
        try:
            with transaction.atomic():
                attempt = QuizAttempt.objects.create(
                    user=user,
                    lesson=lesson,
                    number=used + 1,
                    mode=quiz_settings.mode,
                    page_revision_id=lesson.live_revision_id,
                    questions=drawn,
                    pass_mark=quiz_settings.pass_mark,
                )
            # The lesson's quiz panel says "Reprendre".
            learner_pages_changed(user_id=user.pk, lesson=lesson)
            return attempt
        except IntegrityError:
            continue  # a concurrent request started one: look again
    raise IntegrityError("quiz_attempt_start: no attempt after retries")


def _open_attempt_for_update(*, user, attempt_id: int) -> QuizAttempt:
    attempt = (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("lesson")
        .defer("lesson__body", "lesson__quiz")  # graded from the attempt's own snapshot
        .get(pk=attempt_id, user=user)
    )
    if not attempt.is_open:
        raise AttemptAlreadySubmitted(_("Ce quiz a déjà été envoyé."), attempt=attempt)
    return attempt


@transaction.atomic
def quiz_attempt_save_answers(*, user, attempt_id: int, answers: Mapping[str, Any]) -> QuizAttempt:
    """Keep what was typed on an open attempt, without grading it."""
    attempt = _open_attempt_for_update(user=user, attempt_id=attempt_id)
    attempt.answers = _answers_as_typed(attempt.questions, answers)
    QuizAttempt.objects.filter(pk=attempt.pk, status=AttemptStatus.OPEN).update(
        answers=attempt.answers
    )
    return attempt


def quiz_attempt_submit(
    *,
    user,
    attempt_id: int,
    answers: Mapping[str, Any],
    attempt: QuizAttempt | None = None,
) -> SubmitResult:
    """Grade an open attempt once, with the snapshot it was drawn with.

    Missing answers raise AnswersInvalid (per question) and unknown ids AnswersRefused; either way
    the attempt stays open and what was typed is saved (committed before the exception leaves).
    A second submission raises AttemptAlreadySubmitted and grades nothing. A pass on a lesson
    locked since the quiz was opened raises QuizLessonLocked: nothing graded, attempt open,
    answers saved. Raises
    QuizAttempt.DoesNotExist when the attempt is not this person's. `attempt`, when the caller
    has just read it (quiz_attempt_to_submit), saves reading it again.

    Every write is an UPDATE conditional on the attempt still being open: the one that moves it
    from open to submitted is the claim, and concurrent submissions wait on its row lock, then
    find it submitted (PostgreSQL re-checks the condition on the committed row; SQLite lets one
    writer at a time), so they grade nothing and roll back.
    """
    if attempt is None or attempt.pk != attempt_id or attempt.user_id != user.pk:
        attempt = quiz_attempt_to_submit(user=user, attempt_id=attempt_id)
        if attempt is None:
            raise QuizAttempt.DoesNotExist
    if not attempt.is_open:
        raise AttemptAlreadySubmitted(_("Ce quiz a déjà été envoyé."), attempt=attempt)
    still_open = QuizAttempt.objects.filter(pk=attempt.pk, status=AttemptStatus.OPEN)
    try:
        return _submit(attempt, still_open, user=user, answers=answers)
    except LessonLocked as locked:
        # The claim and the grading were rolled back with the refused completion: the attempt is
        # open again; keep what was typed so the learner finds it once the lesson opens.
        still_open.update(answers=_answers_as_typed(attempt.questions, answers))
        attempt.refresh_from_db(fields=["status", "submitted_at", "answers", "score", "passed"])
        raise QuizLessonLocked(attempt=attempt, blocker_title=locked.blocker.title) from None


def _submit(attempt: QuizAttempt, still_open, *, user, answers: Mapping[str, Any]) -> SubmitResult:
    refusal: QuizError | None = None
    with transaction.atomic():
        typed = _answers_as_typed(attempt.questions, answers)
        problems = grading.check_answers(attempt.questions, answers)
        if problems:
            if not still_open.update(answers=typed):
                raise AttemptAlreadySubmitted(_("Ce quiz a déjà été envoyé."), attempt=attempt)
            attempt.answers = typed
            if problems.unknown:
                refusal = AnswersRefused(
                    _(
                        "Ces réponses ne correspondent pas aux questions de votre quiz : "
                        "rechargez la page et répondez à nouveau."
                    ),
                    attempt=attempt,
                )
            else:
                refusal = AnswersInvalid(
                    {qid: _field_message(problem) for qid, problem in problems.fields.items()},
                    attempt=attempt,
                )
        else:
            result = grading.grade(attempt.questions, typed, attempt.pass_mark)
            graded = attempt.mode == QuizMode.GRADED
            now = timezone.now()
            fields = {
                "status": AttemptStatus.SUBMITTED,
                "submitted_at": now,
                "answers": typed,
                "score": result.score,
                "passed": result.passed if graded else None,
            }
            # The claim: only the request that moves the row from open to submitted grades it.
            if not still_open.update(**fields):
                raise AttemptAlreadySubmitted(_("Ce quiz a déjà été envoyé."), attempt=attempt)
            for name, value in fields.items():
                setattr(attempt, name, value)
            completed = False
            lesson = attempt.lesson
            if graded and result.passed and lesson.completion_rule == CompletionRule.QUIZ_PASSED:
                try:
                    completed = lesson_progress_complete(
                        user=user, lesson=lesson, source=CompletionRule.QUIZ_PASSED
                    ).newly_completed
                except EnrolmentClosed:
                    # A closed course this person is not enrolled in (the quiz page refuses them;
                    # an old open attempt can still be sent): the result stands, nothing completes.
                    completed = False
            if not completed:  # a completion has replaced the page version already
                # The lesson's quiz panel shows the score (after the completion: one lock order,
                # the enrolment row last, for every writer).
                learner_pages_changed(user_id=user.pk, lesson=lesson)
            # Last: the evidence chain's lock comes after every other row this transaction locks.
            outline = course_outline(course_path=course_path_of(lesson))
            if outline is not None:
                lesson_fact_record(
                    user=user,
                    lesson_id=lesson.pk,
                    outline=outline,
                    kind=FactKind.QUIZ_SUBMITTED,
                    at=now,
                    attempt=attempt.pk,
                    score=result.score,
                    passed=attempt.passed,
                )
            return SubmitResult(attempt=attempt, result=result, lesson_completed=completed)
    raise refusal
