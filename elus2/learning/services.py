"""Writes of the learning app: enrol, record a view, complete a lesson, count active time.

Called by learning's views and Wagtail hooks, by `quizzes` when a quiz is passed and by `cohorts`
when an invitation enrols someone. Every function is atomic; completion keeps the enrolment's
figures (percent, next lesson, minutes left) in step with the progress rows in one transaction.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from courses.models import CompletionRule, CoursePage, LessonPage
from courses.outline import Outline, OutlineLesson, course_outline, course_path_of, outline_build
from elus2.evidence.models import FactKind
from elus2.evidence.services import evidence_record

from .models import DailyActivity, Enrolment, EnrolmentStatus, LessonProgress

HEARTBEAT_SECONDS = 30


class EnrolmentClosed(Exception):
    """The course takes only people invited through a cohort."""


class CompletionRefused(Exception):
    """This lesson does not complete that way (e.g. it needs a passed quiz)."""


class LessonLocked(Exception):
    """In an ordered course, an earlier lesson must be finished first."""

    def __init__(self, blocker: OutlineLesson):
        super().__init__(blocker.title)
        self.blocker = blocker


@dataclass(frozen=True)
class CompletionResult:
    progress: LessonProgress
    enrolment: Enrolment
    newly_completed: bool


def _course_of(lesson: LessonPage) -> CoursePage:
    return CoursePage.objects.get(path=course_path_of(lesson))


@transaction.atomic
def enrolment_create(*, user, course: CoursePage, invited: bool = False) -> Enrolment:
    """Enrol (idempotent). Open courses take anyone; closed ones only invitations (cohorts)."""
    existing = Enrolment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.enrolment_open and not invited:
        raise EnrolmentClosed
    outline = course_outline(course_path=course.path)
    lessons = outline.lessons if outline else []
    try:
        with transaction.atomic():
            enrolment = Enrolment.objects.create(
                user=user,
                course=course,
                lessons_total=len(lessons),
                next_lesson_id=lessons[0].id if lessons else None,
                minutes_left=sum(lesson.minutes for lesson in lessons),
            )
        return enrolment  # a new row, with a page version of its own
    except IntegrityError:  # a concurrent request enrolled them first
        return Enrolment.objects.get(user=user, course=course)


def _enrolment_for(*, user, lesson: LessonPage, course: CoursePage | None = None) -> Enrolment:
    course = course or _course_of(lesson)
    enrolment = Enrolment.objects.filter(user=user, course=course).first()
    return enrolment or enrolment_create(user=user, course=course)


def _progress_get_or_create(enrolment: Enrolment, lesson: LessonPage) -> LessonProgress:
    """The row, created if needed. An insert that ignores a conflict (a concurrent request made
    the row) needs no savepoint: one read when the row exists, three when it does not."""
    rows = LessonProgress.objects.filter(enrolment=enrolment, lesson=lesson)
    progress = rows.first()
    if progress is None:
        LessonProgress.objects.bulk_create(
            [LessonProgress(enrolment=enrolment, lesson=lesson)], ignore_conflicts=True
        )
        progress = rows.get()
    return progress


# The enrolment fields _refresh_figures sets.
FIGURE_FIELDS = [
    "lessons_total",
    "lessons_completed",
    "percent",
    "minutes_left",
    "next_lesson",
    "status",
    "completed_at",
]


def _refresh_figures(
    enrolment: Enrolment, outline: Outline | None, now, done_ids: set[int]
) -> None:
    """Recount from the lessons this enrolment has done (`done_ids`, read by the caller under the
    enrolment's row lock)."""
    lessons = outline.lessons if outline else []
    live_ids = {lesson.id for lesson in lessons}
    done_ids = done_ids & live_ids
    remaining = [lesson for lesson in lessons if lesson.id not in done_ids]
    enrolment.lessons_total = len(lessons)
    enrolment.lessons_completed = len(done_ids)
    enrolment.percent = round(100 * len(done_ids) / len(lessons)) if lessons else 0
    enrolment.minutes_left = sum(lesson.minutes for lesson in remaining)
    enrolment.next_lesson_id = remaining[0].id if remaining else None
    if lessons and not remaining:
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = enrolment.completed_at or now
    elif enrolment.status == EnrolmentStatus.COMPLETED:
        enrolment.status = EnrolmentStatus.STARTED
        enrolment.completed_at = None


def _refuse_if_locked(outline: Outline | None, lesson: LessonPage, done_ids: set[int]) -> None:
    if outline is None or not outline.unlock_in_order:
        return
    for item in outline.lessons:
        if item.id == lesson.pk:
            return
        if item.id not in done_ids:
            raise LessonLocked(item)


# Enrolments refreshed per transaction when content changes: each batch locks only its own rows,
# for as long as one batch takes.
FIGURES_REFRESH_BATCH = 500


def enrolment_figures_refresh(*, course: CoursePage, batch_size: int | None = None) -> int:
    """Content changed (a lesson published, unpublished or moved): bring every enrolment's
    figures and next lesson in line with the course as it now is. Returns the rows updated.

    Runs in the worker (tasks.enrolment_figures_refresh_task, enqueued after the publish
    commits), never in the approver's request: enrolments are read in primary-key batches, each
    locked and rewritten in its own short transaction, so learners completing lessons meanwhile
    wait for one batch at most. Idempotent: the figures are recomputed from the progress rows,
    so a second run (a redelivered task, two publishes) writes the same values."""
    size = batch_size or FIGURES_REFRESH_BATCH
    outline = outline_build(course)
    refreshed = 0
    last_pk = 0
    while True:
        with transaction.atomic():
            enrolments = list(
                Enrolment.objects.select_for_update()
                .filter(course=course, pk__gt=last_pk)
                .order_by("pk")[:size]
            )
            if not enrolments:
                break
            last_pk = enrolments[-1].pk
            done = defaultdict(set)  # enrolment id → lessons done, for the batch in one read
            for enrolment_id, lesson_id in LessonProgress.objects.filter(
                enrolment__in=[enrolment.pk for enrolment in enrolments],
                completed_at__isnull=False,
            ).values_list("enrolment_id", "lesson_id"):
                done[enrolment_id].add(lesson_id)
            now = timezone.now()
            for enrolment in enrolments:
                _refresh_figures(enrolment, outline, now, done[enrolment.pk])
                enrolment.page_version = uuid.uuid4()  # their lesson pages show the figures
            Enrolment.objects.bulk_update(enrolments, [*FIGURE_FIELDS, "page_version"])
        refreshed += len(enrolments)
        if len(enrolments) < size:
            break
    return refreshed


@transaction.atomic
def enrolments_create_invited(*, user_ids: list[int], course: CoursePage) -> int:
    """Enrol people invited through a cohort, many at once (an import): one read and one
    insert whatever their number. Idempotent: whoever is enrolled already is left as is, and
    a concurrent enrolment of the same person is ignored. Returns how many were enrolled."""
    outline = course_outline(course_path=course.path)
    lessons = outline.lessons if outline else []
    existing = set(
        Enrolment.objects.filter(course=course, user_id__in=user_ids).values_list(
            "user_id", flat=True
        )
    )
    new = [
        Enrolment(
            user_id=user_id,
            course=course,
            lessons_total=len(lessons),
            next_lesson_id=lessons[0].id if lessons else None,
            minutes_left=sum(lesson.minutes for lesson in lessons),
        )
        for user_id in dict.fromkeys(user_ids)
        if user_id not in existing
    ]
    Enrolment.objects.bulk_create(new, ignore_conflicts=True, batch_size=500)
    return len(new)  # new enrolments come with their own page version: nothing cached yet


@transaction.atomic
def lesson_view_record(*, user, lesson: LessonPage, enrolment: Enrolment) -> LessonProgress:
    """An enrolled official opened the lesson: first view, last lesson, and completion when the
    rule is "viewed"."""
    now = timezone.now()
    progress = _progress_get_or_create(enrolment, lesson)
    first_view = progress.first_viewed_at is None
    opened = first_view and LessonProgress.objects.filter(
        pk=progress.pk, first_viewed_at__isnull=True
    ).update(first_viewed_at=now)
    rows = Enrolment.objects.filter(pk=enrolment.pk)
    updates = {"last_lesson_id": lesson.pk, "last_activity_at": now}
    if first_view or enrolment.status == EnrolmentStatus.ENROLLED:
        updates["page_version"] = uuid.uuid4()  # the lesson now shows "en cours"
    rows.update(**updates)
    if enrolment.status == EnrolmentStatus.ENROLLED:
        # Conditional: a completion committed since `enrolment` was read must not be undone.
        rows.filter(status=EnrolmentStatus.ENROLLED).update(
            status=EnrolmentStatus.STARTED, started_at=now
        )
    outline = course_outline(course_path=course_path_of(lesson)) if opened else None
    if outline is not None:  # the evidence chain's lock is always the last a writer takes
        lesson_fact_record(
            user=user, lesson_id=lesson.pk, outline=outline, kind=FactKind.LESSON_OPENED, at=now
        )
    if lesson.completion_rule == CompletionRule.VIEWED and progress.completed_at is None:
        return lesson_progress_complete(
            user=user, lesson=lesson, source=CompletionRule.VIEWED
        ).progress
    return progress


def enrolment_activity_touch(*, enrolment: Enrolment, lesson: LessonPage, now=None) -> int:
    """Another view of a lesson whose page does not change is still activity: last lesson and last
    activity move (nothing a page shows changes, so the page version stays)."""
    return Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson_id=lesson.pk, last_activity_at=now or timezone.now()
    )


def lesson_progress_complete(*, user, lesson: LessonPage, source: str) -> CompletionResult:
    """Complete a lesson (idempotent; safe under concurrent requests).

    `source` is how it was completed and must match the lesson's rule: the "J'ai terminé" button
    for marked_done, the view for viewed, `quizzes` for quiz_passed.
    """
    if source != lesson.completion_rule:
        raise CompletionRefused
    outline = course_outline(course_path=course_path_of(lesson))
    if outline is None:  # a lesson outside any course: the page tree forbids it
        raise CompletionRefused
    if transaction.get_connection().in_atomic_block:
        # Inside a caller's transaction (a passed quiz, a recorded view): the lock and the writes
        # are part of it, with no savepoint of their own; a refusal comes before any write.
        return _complete(user=user, lesson=lesson, outline=outline)
    # Already done (a double click, a replayed POST) costs this one read and no transaction.
    known = (
        LessonProgress.objects.select_related("enrolment")
        .filter(enrolment__user=user, enrolment__course_id=outline.course_id, lesson=lesson)
        .first()
    )
    if known is not None and known.completed_at is not None:
        return CompletionResult(progress=known, enrolment=known.enrolment, newly_completed=False)
    with transaction.atomic():
        return _complete(user=user, lesson=lesson, outline=outline)


# The enrolment fields a completion writes: the figures, and where and when the person was.
COMPLETION_FIELDS = [
    *FIGURE_FIELDS,
    "started_at",
    "last_lesson",
    "last_activity_at",
    "page_version",
]


def _complete(*, user, lesson: LessonPage, outline: Outline) -> CompletionResult:
    """Runs in a transaction: lesson_progress_complete's own, or its caller's, whose fate its
    writes then share. A refusal (EnrolmentClosed, LessonLocked) comes before the progress row
    and the figures are written."""
    # The enrolment's row lock serialises every completion of that enrolment (enrol first if
    # needed); under it, the enrolment's progress rows (a handful) say whether this lesson is
    # done, whether an earlier one blocks it, and what the figures become.
    enrolment = (
        Enrolment.objects.select_for_update().filter(user=user, course_id=outline.course_id).first()
    )
    if enrolment is None:
        enrolment = _enrolment_for(user=user, lesson=lesson)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    rows = {row.lesson_id: row for row in LessonProgress.objects.filter(enrolment=enrolment)}
    done_ids = {lesson_id for lesson_id, row in rows.items() if row.completed_at is not None}
    progress = rows.get(lesson.pk)
    if progress is not None and progress.completed_at is not None:
        return CompletionResult(progress=progress, enrolment=enrolment, newly_completed=False)
    _refuse_if_locked(outline, lesson, done_ids)
    now = timezone.now()
    # No completion can run meanwhile (the lock), but a view may insert the row without
    # completing it: one upsert completes the row whether it is there or not.
    if progress is None:
        progress = LessonProgress(enrolment=enrolment, lesson=lesson)
    progress.first_viewed_at = progress.first_viewed_at or now
    progress.completed_at = now
    LessonProgress.objects.bulk_create(
        [progress],
        update_conflicts=True,
        unique_fields=["enrolment", "lesson"],
        update_fields=["first_viewed_at", "completed_at"],
    )
    _refresh_figures(enrolment, outline, now, done_ids | {lesson.pk})
    enrolment.last_lesson_id = lesson.pk
    enrolment.last_activity_at = now
    if enrolment.started_at is None:
        enrolment.started_at = now
    if enrolment.status == EnrolmentStatus.ENROLLED:
        enrolment.status = EnrolmentStatus.STARTED
    enrolment.page_version = uuid.uuid4()  # every lesson page of the course shows the change
    enrolment.save(update_fields=COMPLETION_FIELDS)
    lesson_fact_record(
        user=user, lesson_id=lesson.pk, outline=outline, kind=FactKind.LESSON_COMPLETED, at=now
    )
    return CompletionResult(progress=progress, enrolment=enrolment, newly_completed=True)


def lesson_fact_record(*, user, lesson_id: int, outline: Outline, kind: str, at, **details) -> None:
    """The evidence ledger's fact about one lesson of a course, with what the taux de réalisation
    needs later (its title and planned minutes as they were then, from the course outline),
    written in the caller's transaction."""
    planned = next((item for item in outline.lessons if item.id == lesson_id), None)
    evidence_record(
        person_id=user.pk,
        kind=kind,
        course_id=outline.course_id,
        occurred_at=at,
        data={
            "lesson": lesson_id,
            "title": planned.title if planned else "",
            "planned_minutes": planned.minutes if planned else 0,
            **details,
        },
    )


@transaction.atomic
def activity_heartbeat(*, user, lesson: LessonPage, enrolment: Enrolment) -> int:
    """Credit up to 30 s of active time; returns the seconds credited (0 when capped or too soon).

    A heartbeat counts only if the previous one on this lesson is at least 25 s old, and the
    total stays under the per-lesson and per-day caps (settings ELUS2_ACTIVE_*).
    """
    now = timezone.now()
    progress = _progress_get_or_create(enrolment, lesson)
    progress = LessonProgress.objects.select_for_update().get(pk=progress.pk)
    if progress.last_heartbeat_at and now - progress.last_heartbeat_at < timedelta(
        seconds=HEARTBEAT_SECONDS - 5
    ):
        return 0
    day = timezone.localdate(now)
    DailyActivity.objects.get_or_create(user=user, day=day)
    daily = DailyActivity.objects.select_for_update().get(user=user, day=day)
    lesson_cap = settings.ELUS2_ACTIVE_LESSON_CAP_MINUTES * 60
    credit = min(
        HEARTBEAT_SECONDS,
        max(0, lesson_cap - progress.active_seconds),
        max(0, settings.ELUS2_ACTIVE_DAILY_CAP_MINUTES * 60 - daily.seconds),
    )
    LessonProgress.objects.filter(pk=progress.pk).update(
        last_heartbeat_at=now, active_seconds=F("active_seconds") + credit
    )
    if credit:
        DailyActivity.objects.filter(pk=daily.pk).update(seconds=F("seconds") + credit)
        Enrolment.objects.filter(pk=enrolment.pk).update(
            active_seconds=F("active_seconds") + credit, last_activity_at=now
        )
    return credit


# Days back the nightly evidence of active time looks, so a night the beat missed is caught up.
ACTIVE_TIME_EVIDENCE_DAYS = 7


def active_time_evidence_record(*, today=None) -> int:
    """One « temps actif » fact per official and finished day (the last week, today excluded):
    the day's active seconds as the heartbeats capped them. Idempotent (once_key per day), so
    the nightly task may run twice or late. Returns the person-days looked at."""
    today = today or timezone.localdate()
    looked_at = 0
    rows = DailyActivity.objects.filter(
        day__lt=today, day__gte=today - timedelta(days=ACTIVE_TIME_EVIDENCE_DAYS), seconds__gt=0
    ).order_by("user_id", "day")
    for user_id, day, seconds in rows.values_list("user_id", "day", "seconds").iterator():
        evidence_record(
            person_id=user_id,
            kind=FactKind.ACTIVE_TIME,
            data={"day": day.isoformat(), "seconds": seconds},
            once_key=f"active_time:{day.isoformat()}",
        )
        looked_at += 1
    return looked_at
