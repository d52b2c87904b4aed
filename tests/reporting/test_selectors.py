"""The dashboard's numbers, worked out by hand from the table in conftest.py."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.outline import course_outline
from elus2.reporting.selectors import (
    DONE,
    IN_PROGRESS,
    NOT_ENROLLED,
    NOT_STARTED,
    cohort_learner_detail,
    cohort_learner_list,
    cohort_module_funnel,
    cohort_overview_list,
    cohort_score_summary,
    cohort_summary,
)
from tests.factories.learning import queries_without_cache

pytestmark = pytest.mark.django_db


def summary_of(world, **options):
    return cohort_summary(cohort=world.cohort, course=world.built.course, now=world.now, **options)


def test_summary_counts_and_percents(world):
    summary = summary_of(world)
    assert summary.members == 6
    # Fanny was invited but has no enrolment in the course.
    assert (summary.enrolled.count, summary.enrolled.percent) == (5, 83)  # 5/6 = 83.3 %
    # Alice (completed), Bruno and Chloé have started.
    assert (summary.started.count, summary.started.percent) == (3, 50)
    assert (summary.completed.count, summary.completed.percent) == (1, 17)  # 16.7 %
    # (3600 + 1800 + 600 + 0 + 0) / 5 enrolled = 1200 s = 20 min.
    assert summary.active_seconds_average == 1200
    assert summary.active_minutes_average == 20


def test_stalled_counts_follow_the_number_of_days(world):
    # 7 days (the cohort's setting): Chloé (8 days), David (enrolled 30 days ago, never active),
    # Fanny (invited 20 days ago, not enrolled). Alice is silent for 10 days but has finished.
    default = summary_of(world)
    assert default.stalled_days == 7
    assert (default.stalled.count, default.stalled.percent) == (3, 50)
    assert summary_of(world, stalled_days=9).stalled.count == 2  # Chloé is back in
    assert summary_of(world, stalled_days=25).stalled.count == 1  # David only


def test_scores_use_each_members_latest_graded_submitted_attempt(world):
    scores = cohort_score_summary(cohort=world.cohort, course=world.built.course)
    # Alice 80 (her 40 was replaced) and 100, Bruno 75 (his self-assessment does not count),
    # Chloé 9 (her open attempt does not count); the outsider's 55 is another cohort's.
    assert scores.attempts == 4
    assert scores.learners == 3
    assert scores.average == 66.0  # (80 + 100 + 75 + 9) / 4
    counts = {bucket.label: bucket.count for bucket in scores.distribution}
    assert counts == {
        "0–9": 1,
        "10–19": 0,
        "20–29": 0,
        "30–39": 0,
        "40–49": 0,
        "50–59": 0,
        "60–69": 0,
        "70–79": 1,
        "80–89": 1,
        "90–100": 1,
    }


def test_scores_without_attempts(world):
    cohort = world.other_cohort
    cohort.memberships.all().delete()
    scores = cohort_score_summary(cohort=cohort, course=world.built.course)
    assert (scores.attempts, scores.learners, scores.average) == (0, 0, None)
    assert sum(bucket.count for bucket in scores.distribution) == 0


def test_module_funnel(world):
    steps = cohort_module_funnel(cohort=world.cohort, course=world.built.course)
    modules = world.built.modules
    assert [(step.position, step.module_id, step.title) for step in steps] == [
        (1, modules[0].pk, modules[0].title),
        (2, modules[1].pk, modules[1].title),
    ]
    # Module 1: Alice and Bruno (Chloé has one lesson of two). Module 2: Alice. Out of 6 members;
    # the outsider's four lessons are another cohort's.
    assert [(step.completed, step.percent, step.lessons) for step in steps] == [
        (2, 33, 2),
        (1, 17, 2),
    ]


def test_learner_list_rows(world):
    rows = list(cohort_learner_list(cohort=world.cohort, course=world.built.course, now=world.now))
    assert [row.name for row in rows] == [
        "Alice Dupont",
        "Bruno Durand",
        "Chloé Martin",
        "David Petit",
        "Emma Roux",
        "Fanny Simon",
    ]
    by_name = {row.last_name: row for row in rows}
    alice, chloe, fanny = by_name["Dupont"], by_name["Martin"], by_name["Simon"]
    assert (alice.percent, alice.lessons_completed, alice.lessons_total) == (100, 4, 4)
    assert (alice.status, alice.stalled, alice.active_minutes) == ("completed", False, 60)
    assert (chloe.percent, chloe.lessons_completed, chloe.status, chloe.stalled) == (
        25,
        1,
        "started",
        True,
    )
    assert chloe.active_minutes == 10
    assert chloe.mandate_label == "Conseiller·ère municipal·e"
    assert chloe.email == "chloe@example.org"
    assert (fanny.status, fanny.status_label, fanny.percent, fanny.stalled) == (
        NOT_ENROLLED,
        "Non inscrit",
        0,
        True,
    )
    assert fanny.last_activity_at is None
    assert [row.stalled for row in rows] == [False, False, True, True, False, True]


def test_learner_list_stalled_filter(world):
    def names(**options):
        rows = cohort_learner_list(
            cohort=world.cohort, course=world.built.course, now=world.now, **options
        )
        return [row.last_name for row in rows]

    assert names(stalled_only=True) == ["Martin", "Petit", "Simon"]
    assert names(stalled_only=True, stalled_days=9) == ["Petit", "Simon"]
    assert names(stalled_only=True, stalled_days=25) == ["Petit"]


def test_learner_list_pages_and_count(world):
    rows = cohort_learner_list(cohort=world.cohort, course=world.built.course, now=world.now)
    assert rows.count() == len(rows) == 6
    assert [row.last_name for row in rows[2:4]] == ["Martin", "Petit"]


def test_learner_detail(world):
    detail = cohort_learner_detail(
        cohort=world.cohort,
        course=world.built.course,
        user_id=world.members["chloe"].pk,
        now=world.now,
    )
    assert detail.row.name == "Chloé Martin"
    states = [[line.state for line in module.lessons] for module in detail.modules]
    assert states == [[DONE, IN_PROGRESS], [NOT_STARTED, NOT_STARTED]]
    assert [module.done for module in detail.modules] == [1, 0]
    assert detail.modules[0].lessons[0].active_seconds == 300
    # Her submitted attempt only (the open one is not a result), score without answers.
    assert [(a.lesson_title, a.number, a.score, a.passed) for a in detail.attempts] == [
        (world.built.lessons[1].title, 1, 9, False)
    ]
    assert "SECRET" not in repr(detail)


def test_learner_detail_of_someone_else(world):
    assert (
        cohort_learner_detail(
            cohort=world.cohort, course=world.built.course, user_id=world.outsider.pk
        )
        is None
    )


def test_selector_query_counts(world):
    course = world.built.course
    course_outline(course_path=course.path)  # warm the outline cache, as any page view does
    user_id = world.members["chloe"].pk
    calls = {
        "summary": (lambda: summary_of(world), 2),
        "funnel": (lambda: cohort_module_funnel(cohort=world.cohort, course=course), 2),
        "rows page": (
            lambda: cohort_learner_list(cohort=world.cohort, course=course)[0:50],
            1,
        ),
        "detail": (
            lambda: cohort_learner_detail(cohort=world.cohort, course=course, user_id=user_id),
            3,
        ),
    }
    for name, (call, expected) in calls.items():
        with CaptureQueriesContext(connection) as captured:
            call()
        assert len(queries_without_cache(captured.captured_queries)) == expected, name


def test_cohort_list_has_progress_and_who_to_follow_up(world):
    """The list's figures agree with the dashboard's: « à relancer » counts Chloé (silent 8 days),
    David (enrolled 30 days ago, never started) and Fanny (invited 20 days ago, never enrolled)."""
    from elus2.learning.models import Enrolment

    overviews = {line.cohort: line for line in cohort_overview_list(viewer=world.staff)}
    assert list(overviews) == [world.cohort]
    line = overviews[world.cohort]
    percents = Enrolment.objects.filter(
        user__in=world.members.values(), course=world.built.course
    ).values_list("percent", flat=True)
    assert line.members == 6
    assert line.progress == round(sum(percents) / 6)
    assert line.to_follow_up == summary_of(world).stalled.count == 3
    assert [course.pk for course in line.courses] == [world.built.course.pk]


def test_cohort_list_costs_the_same_for_more_cohorts_and_members(world):
    from tests.factories.reporting import cohort_create, member_add, progress_set

    def measure():
        with CaptureQueriesContext(connection) as captured:
            lines = cohort_overview_list(viewer=world.staff)
            [(line.progress, line.to_follow_up, line.courses) for line in lines]
        return len(queries_without_cache(captured.captured_queries)), lines

    measure()  # warm: the first call looks the content types up
    before, _lines = measure()
    for days in (3, 14):
        cohort = cohort_create(
            courses=[world.built.course], staff=[world.staff], stalled_after_days=days
        )
        for _ in range(4):
            member = member_add(cohort)
            progress_set(member, world.built.course, world.built.lessons, done=1)
    after, lines = measure()
    assert len(lines) == 3
    assert after == before <= 4
