"""The learning services, called directly: records, enrolment, completion, views, active time."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from courses.models import CompletionRule
from elus2.learning.models import DailyActivity, Enrolment, EnrolmentStatus, LessonProgress
from elus2.learning.services import (
    CompletionRefused,
    EnrolmentClosed,
    activity_heartbeat,
    enrolment_create,
    lesson_progress_complete,
    lesson_view_record,
)
from tests.factories.learning import (
    figures_of,
    figures_recount,
    learner_create,
    learning_course_build,
)

pytestmark = pytest.mark.django_db

MARKED, VIEWED, QUIZ = CompletionRule.MARKED_DONE, CompletionRule.VIEWED, CompletionRule.QUIZ_PASSED
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def built():
    return learning_course_build(
        modules=2,
        lessons_per_module=3,
        minutes=[3, 4, 5, 6, 7, 3],
        title="Parler aux habitants",
        fast=True,
    )


@pytest.fixture
def learner():
    return learner_create()


# --- Records --------------------------------------------------------------------------------------


def test_an_enrolment_is_unique_per_person_and_course(built, learner):
    Enrolment.objects.create(user=learner, course=built.course)
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrolment.objects.create(user=learner, course=built.course)
    assert Enrolment.objects.filter(user=learner).count() == 1


def test_a_lesson_progress_is_unique_per_enrolment_and_lesson(built, learner):
    enrolment = Enrolment.objects.create(user=learner, course=built.course)
    LessonProgress.objects.create(enrolment=enrolment, lesson=built.lessons[0])
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(enrolment=enrolment, lesson=built.lessons[0])
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1


def test_deleting_a_lesson_with_progress_is_refused_by_the_database_layer(built, learner):
    lesson = built.lessons[1]
    lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    with pytest.raises(ProtectedError), transaction.atomic():
        lesson.delete()
    assert type(lesson).objects.filter(pk=lesson.pk).exists()
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1


def test_deleting_a_course_with_enrolments_is_refused_by_the_database_layer(built, learner):
    enrolment_create(user=learner, course=built.course)
    with pytest.raises(ProtectedError), transaction.atomic():
        built.course.delete()
    assert Enrolment.objects.filter(course=built.course).count() == 1


# --- Enrolment ------------------------------------------------------------------------------------


def test_enrolment_create_starts_with_the_course_figures_and_is_idempotent(built, learner):
    first = enrolment_create(user=learner, course=built.course)
    second = enrolment_create(user=learner, course=built.course)
    assert first.pk == second.pk
    assert Enrolment.objects.filter(user=learner, course=built.course).count() == 1
    assert first.status == EnrolmentStatus.ENROLLED
    assert figures_of(first) == figures_recount(first)
    assert (first.lessons_total, first.percent, first.minutes_left) == (6, 0, 28)
    assert first.next_lesson_id == built.lessons[0].pk


def test_a_closed_course_takes_only_invitations():
    closed = learning_course_build(modules=1, lessons_per_module=2, enrolment_open=False, fast=True)
    learner = learner_create()
    with pytest.raises(EnrolmentClosed):
        enrolment_create(user=learner, course=closed.course)
    assert not Enrolment.objects.filter(user=learner).exists()

    enrolment = enrolment_create(user=learner, course=closed.course, invited=True)
    assert enrolment.course_id == closed.course.pk
    assert figures_of(enrolment) == figures_recount(enrolment)


# --- Completion -----------------------------------------------------------------------------------


def test_the_figures_follow_each_completion_and_match_a_recount(built, learner):
    enrolment = enrolment_create(user=learner, course=built.course)
    order = [2, 0, 5, 1, 3, 4]  # out of order on purpose: the next lesson is the first not done
    for step, index in enumerate(order, start=1):
        result = lesson_progress_complete(user=learner, lesson=built.lessons[index], source=MARKED)
        assert result.newly_completed
        figures = figures_of(enrolment)
        assert figures == figures_recount(enrolment), f"after {step} completions"
        assert figures.lessons_completed == step
        assert figures.percent == round(100 * step / 6)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.completed_at is not None
    assert (enrolment.percent, enrolment.minutes_left, enrolment.next_lesson_id) == (100, 0, None)
    assert enrolment.last_lesson_id == built.lessons[4].pk
    assert enrolment.started_at is not None


def test_the_next_lesson_and_time_left_skip_what_is_done(built, learner):
    enrolment = enrolment_create(user=learner, course=built.course)
    lesson_progress_complete(user=learner, lesson=built.lessons[0], source=MARKED)
    lesson_progress_complete(user=learner, lesson=built.lessons[1], source=MARKED)
    enrolment.refresh_from_db()
    assert enrolment.next_lesson_id == built.lessons[2].pk
    assert enrolment.minutes_left == 5 + 6 + 7 + 3
    assert enrolment.percent == 33
    assert enrolment.status == EnrolmentStatus.STARTED


def test_completing_twice_keeps_one_row_and_the_same_figures(built, learner):
    lesson = built.lessons[0]
    first = lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    second = lesson_progress_complete(user=learner, lesson=lesson, source=MARKED)
    assert first.newly_completed and not second.newly_completed
    assert LessonProgress.objects.filter(lesson=lesson).count() == 1
    assert second.progress.completed_at == first.progress.completed_at
    assert figures_of(first.enrolment).percent == 17
    assert figures_of(first.enrolment) == figures_recount(first.enrolment)


def test_completing_in_an_open_course_enrols(built, learner):
    result = lesson_progress_complete(user=learner, lesson=built.lessons[3], source=MARKED)
    assert result.enrolment.user_id == learner.pk
    assert Enrolment.objects.filter(user=learner, course=built.course).count() == 1
    assert figures_of(result.enrolment) == figures_recount(result.enrolment)


def test_completing_in_a_closed_course_without_enrolment_is_refused():
    closed = learning_course_build(modules=1, lessons_per_module=2, enrolment_open=False, fast=True)
    learner = learner_create()
    with pytest.raises(EnrolmentClosed):
        lesson_progress_complete(user=learner, lesson=closed.lessons[0], source=MARKED)
    assert not Enrolment.objects.filter(user=learner).exists()
    assert not LessonProgress.objects.exists()


def test_a_quiz_lesson_completes_only_through_a_passed_quiz(learner):
    built = learning_course_build(modules=1, lessons_per_module=2, rules=[MARKED, QUIZ], fast=True)
    quiz_lesson = built.lessons[1]
    for source in (MARKED, VIEWED):
        with pytest.raises(CompletionRefused):
            lesson_progress_complete(user=learner, lesson=quiz_lesson, source=source)
    assert not LessonProgress.objects.filter(lesson=quiz_lesson).exists()

    result = lesson_progress_complete(user=learner, lesson=quiz_lesson, source=QUIZ)
    assert result.newly_completed
    assert result.progress.completed_at is not None
    assert figures_of(result.enrolment) == figures_recount(result.enrolment)
    assert result.enrolment.percent == 50


def test_a_marked_done_lesson_does_not_complete_by_a_view(built, learner):
    enrolment = enrolment_create(user=learner, course=built.course)
    progress = lesson_view_record(user=learner, lesson=built.lessons[0], enrolment=enrolment)
    progress.refresh_from_db()
    assert progress.first_viewed_at is not None
    assert progress.completed_at is None
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.STARTED
    assert enrolment.started_at is not None
    assert enrolment.last_lesson_id == built.lessons[0].pk
    assert enrolment.percent == 0


def test_a_view_never_undoes_a_concurrent_completion(built, learner):
    """The view read the enrolment as "inscrit"; meanwhile a completion (another tab) finished
    the course: the view's status change applies only to a row still "inscrit"."""
    enrolment = enrolment_create(user=learner, course=built.course)
    stale = Enrolment.objects.get(pk=enrolment.pk)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=EnrolmentStatus.COMPLETED)
    lesson_view_record(user=learner, lesson=built.lessons[0], enrolment=stale)
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.last_lesson_id == built.lessons[0].pk


def test_a_viewed_lesson_completes_on_its_first_view(learner):
    built = learning_course_build(
        modules=1, lessons_per_module=2, rules=[VIEWED, MARKED], fast=True
    )
    enrolment = enrolment_create(user=learner, course=built.course)
    progress = lesson_view_record(user=learner, lesson=built.lessons[0], enrolment=enrolment)
    assert progress.completed_at is not None
    again = lesson_view_record(user=learner, lesson=built.lessons[0], enrolment=enrolment)
    assert again.completed_at == progress.completed_at
    assert LessonProgress.objects.filter(enrolment=enrolment).count() == 1
    assert figures_of(enrolment) == figures_recount(enrolment)
    assert enrolment.percent == 50


# --- Honest active time ---------------------------------------------------------------------------


def _heartbeats_at(moments, *, learner, lesson, enrolment):
    credits = []
    for moment in moments:
        with time_machine.travel(moment, tick=False):
            credits.append(activity_heartbeat(user=learner, lesson=lesson, enrolment=enrolment))
    return credits


def _assert_seconds_land_everywhere(learner, enrolment, expected_total):
    enrolment.refresh_from_db()
    assert enrolment.active_seconds == expected_total
    assert (
        sum(
            LessonProgress.objects.filter(enrolment=enrolment).values_list(
                "active_seconds", flat=True
            )
        )
        == expected_total
    )
    assert (
        sum(DailyActivity.objects.filter(user=learner).values_list("seconds", flat=True))
        == expected_total
    )


def test_a_heartbeat_credits_30_seconds_and_none_within_25_seconds(built, learner):
    enrolment = enrolment_create(user=learner, course=built.course)
    start = datetime.datetime(2026, 3, 10, 10, 0, tzinfo=PARIS)
    seconds = [0, 10, 24, 30, 54, 56]
    credits = _heartbeats_at(
        [start + datetime.timedelta(seconds=s) for s in seconds],
        learner=learner,
        lesson=built.lessons[0],
        enrolment=enrolment,
    )
    # 0 s counts; 10 s and 24 s are too soon; 30 s counts; 54 s is 24 s after it; 56 s is 26 s.
    assert credits == [30, 0, 0, 30, 0, 30]
    progress = LessonProgress.objects.get(enrolment=enrolment, lesson=built.lessons[0])
    assert progress.active_seconds == 90
    _assert_seconds_land_everywhere(learner, enrolment, 90)
    assert DailyActivity.objects.get(user=learner).day == start.date()


def test_the_per_lesson_cap_holds(built, learner, settings):
    # The cap is the setting: 9 minutes, 540 s.
    settings.ELUS2_ACTIVE_LESSON_CAP_MINUTES = 9
    lesson = built.lessons[0]
    assert lesson.estimated_minutes == 3
    enrolment = enrolment_create(user=learner, course=built.course)
    start = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=PARIS)
    credits = _heartbeats_at(
        [start + datetime.timedelta(seconds=30 * n) for n in range(22)],
        learner=learner,
        lesson=lesson,
        enrolment=enrolment,
    )
    assert credits == [30] * 18 + [0] * 4
    assert LessonProgress.objects.get(lesson=lesson).active_seconds == 540
    # Another lesson still counts: the cap is per lesson.
    later = start + datetime.timedelta(minutes=30)
    assert _heartbeats_at(
        [later], learner=learner, lesson=built.lessons[1], enrolment=enrolment
    ) == [30]
    _assert_seconds_land_everywhere(learner, enrolment, 570)


def test_the_per_lesson_cap_is_the_setting_whatever_the_lesson_length(learner, settings):
    settings.ELUS2_ACTIVE_LESSON_CAP_MINUTES = 2
    built = learning_course_build(modules=1, lessons_per_module=1, minutes=[5], fast=True)
    enrolment = enrolment_create(user=learner, course=built.course)
    start = datetime.datetime(2026, 3, 10, 9, 0, tzinfo=PARIS)
    _heartbeats_at(
        [start + datetime.timedelta(seconds=30 * n) for n in range(10)],
        learner=learner,
        lesson=built.lessons[0],
        enrolment=enrolment,
    )
    assert LessonProgress.objects.get(enrolment=enrolment).active_seconds == 120


def test_the_per_day_cap_holds_across_lessons_and_resets_the_next_day(built, learner, settings):
    settings.ELUS2_ACTIVE_DAILY_CAP_MINUTES = 2  # 120 s a day
    enrolment = enrolment_create(user=learner, course=built.course)
    evening = datetime.datetime(2026, 3, 10, 23, 57, tzinfo=PARIS)
    first = _heartbeats_at(
        [evening + datetime.timedelta(seconds=30 * n) for n in range(3)],
        learner=learner,
        lesson=built.lessons[0],
        enrolment=enrolment,
    )
    # 90 s so far; a second lesson gets the last 30 s, then nothing more that day.
    second = _heartbeats_at(
        [evening + datetime.timedelta(seconds=100 + 30 * n) for n in range(2)],
        learner=learner,
        lesson=built.lessons[1],
        enrolment=enrolment,
    )
    assert (first, second) == ([30, 30, 30], [30, 0])
    assert DailyActivity.objects.get(user=learner, day=datetime.date(2026, 3, 10)).seconds == 120
    # After midnight in Paris, a new day.
    after_midnight = datetime.datetime(2026, 3, 11, 0, 0, 30, tzinfo=PARIS)
    assert _heartbeats_at(
        [after_midnight], learner=learner, lesson=built.lessons[1], enrolment=enrolment
    ) == [30]
    assert DailyActivity.objects.get(user=learner, day=datetime.date(2026, 3, 11)).seconds == 30
    _assert_seconds_land_everywhere(learner, enrolment, 150)


def test_a_heartbeat_near_the_day_cap_credits_only_what_is_left(built, learner, settings):
    settings.ELUS2_ACTIVE_DAILY_CAP_MINUTES = 1
    enrolment = enrolment_create(user=learner, course=built.course)
    start = datetime.datetime(2026, 3, 10, 14, 0, tzinfo=PARIS)
    DailyActivity.objects.create(user=learner, day=start.date(), seconds=45)
    assert _heartbeats_at(
        [start, start + datetime.timedelta(seconds=30)],
        learner=learner,
        lesson=built.lessons[0],
        enrolment=enrolment,
    ) == [15, 0]
    assert DailyActivity.objects.get(user=learner).seconds == 60
    enrolment.refresh_from_db()
    assert enrolment.active_seconds == 15
    assert LessonProgress.objects.get(enrolment=enrolment).active_seconds == 15
