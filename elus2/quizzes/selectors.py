"""Reads of the quizzes app for screens: a quiz's settings, an official's own attempts, the
questions as the quiz page shows them (never with answers), the review of a submitted attempt, and
the statistics trainers read in the Wagtail admin.

Every selector that returns one learner's attempts takes the person they belong to: nothing here
lets one learner read another's attempt. The statistics selectors read everyone's attempts in
aggregate; only quiz_statistics_allowed viewers reach them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Avg, Count, Q
from wagtail.models import Page

from courses.models import LessonPage
from courses.outline import ancestor_path
from elus2.users.roles import Role

from . import grading
from .models import AttemptStatus, FeedbackTiming, QuizAttempt, QuizMode, QuizSettings
from .snapshot import SnapshotError, quiz_snapshot, situation_block
from .statistics import AttemptRecord, QuestionStatistics, QuizStatistics, quiz_statistics


def quiz_settings_get(*, lesson: LessonPage) -> QuizSettings:
    """The lesson's quiz settings, or the defaults (unsaved) when no one has set them."""
    found = QuizSettings.objects.filter(lesson=lesson).first()
    return found or QuizSettings(lesson=lesson)


def quiz_settings_lesson_choices(*, current_lesson_id: int | None = None) -> list[LessonPage]:
    """The lessons a quiz settings form offers, in course order: those with questions and no
    settings yet, plus the lesson being edited. Each carries `place` (« Cours › Module »).
    Three queries, whatever the number of lessons."""
    taken = set(QuizSettings.objects.values_list("lesson_id", flat=True)) - {current_lesson_id}
    lessons = [
        lesson
        for lesson in LessonPage.objects.only("id", "title", "path", "depth", "quiz")
        .order_by("path")
        .iterator()
        if lesson.pk == current_lesson_id or (len(lesson.quiz) and lesson.pk not in taken)
    ]
    titles = lesson_parent_titles(lessons)
    for lesson in lessons:
        parents = (titles.get(ancestor_path(lesson.path, levels), "") for levels in (2, 1))
        lesson.place = " › ".join(title for title in parents if title)
    return lessons


def quiz_attempt_get(*, user, attempt_id: int) -> QuizAttempt | None:
    """This person's attempt, or None (someone else's attempt does not exist for them)."""
    return (
        QuizAttempt.objects.filter(pk=attempt_id, user=user)
        .select_related("lesson")
        .defer("lesson__body", "lesson__quiz")  # the attempt carries its own questions
        .first()
    )


def quiz_attempt_to_submit(*, user, attempt_id: int) -> QuizAttempt | None:
    """This person's attempt, with only what grading and completion read of its lesson (its place
    in the tree and its completion rule): the submission is the quiz's busiest request, and the
    rest of the page row is never used there."""
    return (
        QuizAttempt.objects.filter(pk=attempt_id, user=user)
        .select_related("lesson")
        .only(
            "user_id",
            "lesson_id",
            "status",
            "mode",
            "questions",
            "pass_mark",
            "answers",
            "lesson__path",
            "lesson__completion_rule",
        )
        .first()
    )


def quiz_attempt_list(*, user, lesson: LessonPage) -> list[QuizAttempt]:
    return list(QuizAttempt.objects.filter(user=user, lesson=lesson).order_by("number"))


def quiz_attempt_latest(*, user, lesson: LessonPage) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(user=user, lesson=lesson).order_by("-number").first()


def _situation(raw: Any):
    return situation_block().to_python(raw) if raw else None


def _as_list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    return [str(item) for item in value] if isinstance(value, list | tuple) else [str(value)]


def quiz_questions_for_display(
    *, attempt: QuizAttempt, answers: dict | None = None, errors: dict | None = None
) -> list[dict]:
    """The attempt's questions as the quiz page shows them, with what was typed checked again.

    Built field by field from the snapshot, so correct flags, feedback and explanations never
    reach the template before submission.
    """
    answers = attempt.answers if answers is None else answers
    errors = errors or {}
    shown = []
    for number, question in enumerate(attempt.questions, start=1):
        qid, kind = question["id"], question["type"]
        typed = answers.get(qid)
        item: dict[str, Any] = {
            "id": qid,
            "type": kind,
            "number": number,
            "text": question["text"],
            "error": errors.get(qid, ""),
        }
        if kind == grading.ORDERING:
            by_id = {step["id"]: step["text"] for step in question["items"]}
            ranks = typed if isinstance(typed, dict) else {}
            order = question.get("shown_order") or sorted(by_id)
            item["steps"] = [
                {"id": step_id, "text": by_id[step_id], "rank": str(ranks.get(step_id) or "")}
                for step_id in order
                if step_id in by_id
            ]
            item["ranks"] = [str(rank) for rank in range(1, len(by_id) + 1)]
        else:
            chosen = set(_as_list(typed))
            options = (
                [{"id": option_id} for option_id in grading.TRUE_FALSE_OPTIONS]
                if kind == grading.TRUE_FALSE
                else [
                    {"id": option["id"], "text": option["text"]} for option in question["options"]
                ]
            )
            for option in options:
                option["checked"] = option["id"] in chosen
            item["options"] = options
            item["input_type"] = "checkbox" if kind == grading.MULTIPLE_CHOICE else "radio"
            if kind == grading.BEST_REPLY:
                item["situation"] = _situation(question.get("situation"))
        shown.append(item)
    return shown


def attempt_result(attempt: QuizAttempt) -> grading.GradeResult:
    """The grading of a submitted attempt, recomputed from its own snapshot (pure, so the same)."""
    return grading.grade(attempt.questions, attempt.answers, attempt.pass_mark)


@dataclass
class BeforeAfter:
    """Self-assessment: the person's first and latest submitted attempts side by side."""

    before: QuizAttempt
    after: QuizAttempt
    rows: list[dict] = field(default_factory=list)

    @property
    def change(self) -> int:
        return (self.after.score or 0) - (self.before.score or 0)

    @property
    def loss(self) -> int:
        return max(0, -self.change)


@dataclass
class QuizReview:
    attempt: QuizAttempt
    settings: QuizSettings
    result: grading.GradeResult
    questions: list[dict]
    feedback_visible: bool
    attempts_used: int
    attempts_left: int | None  # None: unlimited
    can_retry: bool
    is_latest: bool
    before_after: BeforeAfter | None


def _feedback_visible(quiz_settings: QuizSettings, attempts: list[QuizAttempt]) -> bool:
    timing = quiz_settings.feedback_timing
    if timing == FeedbackTiming.AFTER_EACH_ATTEMPT:
        return True
    if timing == FeedbackTiming.ONCE_PASSED:
        return any(attempt.passed for attempt in attempts)
    return False


def _review_questions(attempt: QuizAttempt, result: grading.GradeResult) -> list[dict]:
    by_id = {question["id"]: question for question in attempt.questions}
    rows = []
    for number, question_result in enumerate(result.questions, start=1):
        question = by_id[question_result.id]
        rows.append(
            {
                "number": number,
                "result": question_result,
                "type": question_result.type,
                "situation": _situation(question.get("situation"))
                if question_result.type == grading.BEST_REPLY
                else None,
            }
        )
    return rows


def _before_after(attempts: list[QuizAttempt]) -> BeforeAfter | None:
    submitted = [attempt for attempt in attempts if attempt.status == AttemptStatus.SUBMITTED]
    if len(submitted) < 2:
        return None
    before, after = submitted[0], submitted[-1]
    before_results = attempt_result(before).by_id()
    rows = [
        {
            "text": question.text,
            "before": before_results[question.id].correct
            if question.id in before_results
            else None,
            "after": question.correct,
        }
        for question in attempt_result(after).questions
    ]
    return BeforeAfter(before=before, after=after, rows=rows)


def quiz_review_get(*, user, attempt: QuizAttempt) -> QuizReview:
    """Everything the review page of a submitted attempt shows to its owner."""
    if attempt.user_id != user.pk:
        raise QuizAttempt.DoesNotExist("not this person's attempt")
    lesson = attempt.lesson
    quiz_settings = quiz_settings_get(lesson=lesson)
    attempts = quiz_attempt_list(user=user, lesson=lesson)
    result = attempt_result(attempt)
    allowed = quiz_settings.attempts_allowed
    used = len(attempts)
    has_open = any(other.is_open for other in attempts)
    attempts_left = None if allowed is None else max(0, allowed - used)
    submitted = [other for other in attempts if other.status == AttemptStatus.SUBMITTED]
    is_latest = bool(submitted) and submitted[-1].pk == attempt.pk
    return QuizReview(
        attempt=attempt,
        settings=quiz_settings,
        result=result,
        questions=_review_questions(attempt, result),
        feedback_visible=_feedback_visible(quiz_settings, attempts),
        attempts_used=used,
        attempts_left=attempts_left,
        can_retry=has_open or attempts_left is None or attempts_left > 0,
        is_latest=is_latest,
        before_after=_before_after(attempts) if attempt.mode == QuizMode.SELF_ASSESSMENT else None,
    )


@dataclass(frozen=True)
class QuizStatus:
    """What the lesson page says about its quiz to the signed-in official."""

    has_quiz: bool
    open_attempt: QuizAttempt | None
    latest_submitted: QuizAttempt | None
    best_score: int | None
    passed: bool
    can_retry: bool = False  # failed, never passed, and an attempt is left: « Réessayer »


def quiz_status_get(*, user, lesson: LessonPage) -> QuizStatus:
    """One query: this person's attempts at the lesson's quiz; a second one, for the attempts
    allowed, only after a failed graded attempt (when « Réessayer » may be offered)."""
    attempts = list(
        QuizAttempt.objects.filter(user=user, lesson=lesson)
        .order_by("number")
        .only("id", "number", "status", "score", "passed", "mode")
    )
    submitted = [attempt for attempt in attempts if attempt.status == AttemptStatus.SUBMITTED]
    scores = [attempt.score for attempt in submitted if attempt.score is not None]
    latest = submitted[-1] if submitted else None
    passed = any(attempt.passed for attempt in submitted)
    open_attempt = next((attempt for attempt in attempts if attempt.is_open), None)
    can_retry = False
    if latest is not None and latest.is_graded and not passed and open_attempt is None:
        allowed = quiz_settings_get(lesson=lesson).attempts_allowed
        can_retry = allowed is None or len(attempts) < allowed
    return QuizStatus(
        has_quiz=bool(len(lesson.quiz)),
        open_attempt=open_attempt,
        latest_submitted=latest,
        best_score=max(scores) if scores else None,
        passed=passed,
        can_retry=can_retry,
    )


# --- Statistics for trainers ----------------------------------------------------------------------

STATISTICS_ROLES = (Role.TRAINER, Role.APPROVER)


def quiz_statistics_allowed(*, user) -> bool:
    """Trainers, approvers and superusers read quiz statistics. Remembered on the user object, so
    a page listing that asks once per row costs one query."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    allowed = getattr(user, "_quiz_statistics_allowed", None)
    if allowed is None:
        allowed = user.groups.filter(name__in=STATISTICS_ROLES).exists()
        user._quiz_statistics_allowed = allowed
    return allowed


def _lesson_questions(lesson: LessonPage) -> list[dict]:
    try:
        return quiz_snapshot(lesson.quiz)
    except SnapshotError:
        return []


def _graded_submitted(queryset):
    return queryset.filter(status=AttemptStatus.SUBMITTED, mode=QuizMode.GRADED)


def quiz_statistics_attempt_list(*, lesson: LessonPage) -> list[AttemptRecord]:
    """The lesson's submitted graded attempts, oldest first, as plain records: one query."""
    rows = (
        _graded_submitted(QuizAttempt.objects.filter(lesson=lesson))
        .order_by("submitted_at", "pk")
        .values_list("user_id", "questions", "answers", "score", "passed")
    )
    return [_attempt_record(*row) for row in rows]


def _attempt_record(user_id, questions, answers, score, passed) -> AttemptRecord:
    return AttemptRecord(
        user_id=user_id,
        questions=questions,
        answers=answers or {},
        score=score or 0,
        passed=bool(passed),
    )


def quiz_statistics_get(*, lesson: LessonPage) -> QuizStatistics:
    """Everything the statistics page of one lesson's quiz shows (one query)."""
    return quiz_statistics(
        quiz_statistics_attempt_list(lesson=lesson), current_questions=_lesson_questions(lesson)
    )


@dataclass(frozen=True)
class QuizSummary:
    """One row of the quiz statistics index."""

    lesson: LessonPage
    course_title: str
    module_title: str
    questions: int  # in the lesson today
    attempts: int
    learners: int
    pass_rate: float | None
    mean_score: float | None


def lesson_parent_titles(lessons: list[LessonPage]) -> dict[str, str]:
    """Titles of the lessons' modules and courses, by page path: one query."""
    paths = {ancestor_path(lesson.path, levels) for lesson in lessons for levels in (1, 2)}
    return dict(Page.objects.filter(path__in=paths).values_list("path", "title"))


def quiz_statistics_summary() -> list[QuizSummary]:
    """Every lesson that has questions (or had attempts), in the page tree's order, with its
    headline figures: three queries, whatever the number of lessons and attempts."""
    figures = {
        row["lesson_id"]: row
        for row in _graded_submitted(QuizAttempt.objects.all())
        .values("lesson_id")
        .annotate(
            attempts=Count("pk"),
            learners=Count("user_id", distinct=True),
            passed=Count("pk", filter=Q(passed=True)),
            mean_score=Avg("score"),
        )
        .order_by()
    }
    lessons = [
        lesson
        for lesson in LessonPage.objects.only("id", "title", "path", "depth", "live", "quiz")
        .order_by("path")
        .iterator()
        if len(lesson.quiz) or lesson.pk in figures
    ]
    titles = lesson_parent_titles(lessons)
    rows = []
    for lesson in lessons:
        row = figures.get(lesson.pk, {})
        attempts = row.get("attempts", 0)
        rows.append(
            QuizSummary(
                lesson=lesson,
                course_title=titles.get(ancestor_path(lesson.path, 2), ""),
                module_title=titles.get(ancestor_path(lesson.path), ""),
                questions=len(_lesson_questions(lesson)),
                attempts=attempts,
                learners=row.get("learners", 0),
                pass_rate=100 * row["passed"] / attempts if attempts else None,
                mean_score=row.get("mean_score"),
            )
        )
    return rows


@dataclass(frozen=True)
class FlaggedQuestion:
    """A question of a lesson's current quiz that the statistics flag, for the trainers' dashboard."""

    lesson: LessonPage
    course_title: str
    module_title: str
    question: QuestionStatistics


def quiz_question_flagged_list() -> list[FlaggedQuestion]:
    """Every question of a current quiz that the statistics flag, in course order, with the same
    figures as its quiz's statistics page: three queries, whatever the number of lessons."""
    lessons = [
        lesson
        for lesson in LessonPage.objects.only("id", "title", "path", "depth", "quiz")
        .order_by("path")
        .iterator()
        if len(lesson.quiz)
    ]
    if not lessons:
        return []
    records: dict[int, list[AttemptRecord]] = {lesson.pk: [] for lesson in lessons}
    rows = (
        _graded_submitted(QuizAttempt.objects.filter(lesson_id__in=list(records)))
        .order_by("submitted_at", "pk")
        .values_list("lesson_id", "user_id", "questions", "answers", "score", "passed")
    )
    for lesson_id, *row in rows.iterator():
        records[lesson_id].append(_attempt_record(*row))
    titles = lesson_parent_titles(lessons)
    flagged = []
    for lesson in lessons:
        if not records[lesson.pk]:
            continue
        figures = quiz_statistics(records[lesson.pk], current_questions=_lesson_questions(lesson))
        flagged.extend(
            FlaggedQuestion(
                lesson=lesson,
                course_title=titles.get(ancestor_path(lesson.path, 2), ""),
                module_title=titles.get(ancestor_path(lesson.path), ""),
                question=question,
            )
            for question in figures.questions
            if question.flags and question.in_current_quiz
        )
    return flagged
