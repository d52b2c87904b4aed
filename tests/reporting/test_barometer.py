"""The cohort's « baromètre »: self-assessment before and after, checked against numbers worked
out by hand; constant queries; on its own page, scoped like every reporting URL."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from elus2.learning.services import enrolment_create
from elus2.quizzes.models import QuizMode
from elus2.quizzes.services import quiz_attempt_start, quiz_attempt_submit
from elus2.reporting.selectors import cohort_barometer_list
from tests.factories.learning import client_for, queries_without_cache
from tests.factories.quizzes import answers_right, answers_wrong, quiz_course_build
from tests.factories.reporting import cohort_create, member_add, staff_create

pytestmark = pytest.mark.django_db


def _take(user, lesson, *runs):
    enrolment_create(user=user, course=lesson.get_parent().get_parent().specific, invited=True)
    for answers in runs:
        attempt = quiz_attempt_start(user=user, lesson=lesson)
        quiz_attempt_submit(user=user, attempt_id=attempt.pk, answers=answers(attempt.questions))


@pytest.fixture
def world():
    built = quiz_course_build(settings={"mode": QuizMode.SELF_ASSESSMENT, "attempts_allowed": 3})
    cohort = cohort_create(courses=[built.course])
    grew = member_add(cohort, first_name="Alice")
    knew = member_add(cohort, first_name="Bruno")
    once = member_add(cohort, first_name="Chloé")
    _take(grew, built.lesson, answers_wrong, answers_right)  # 0 % then 100 %
    _take(knew, built.lesson, answers_right, answers_wrong, answers_right)  # first and latest
    _take(once, built.lesson, answers_wrong)  # not measured: only once
    outsider = member_add(cohort_create(courses=[built.course]))
    _take(outsider, built.lesson, answers_wrong, answers_wrong)  # another cohort
    return built, cohort


def test_before_and_after_by_hand(world):
    built, cohort = world
    (barometer,) = cohort_barometer_list(cohort=cohort, course=built.course)
    assert barometer.lesson_id == built.lesson.pk
    assert barometer.people == 2
    assert (barometer.score_before, barometer.score_after, barometer.change) == (50, 100, 50)
    assert barometer.questions
    for question in barometer.questions:  # one of two right before, both after
        assert (question.right_before, question.right_after, question.change) == (50, 100, 50)


def test_queries_do_not_grow_with_the_cohort(world):
    built, cohort = world

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            cohort_barometer_list(cohort=cohort, course=built.course)
        return len(queries_without_cache(captured.captured_queries))

    before = count()
    for _ in range(4):
        _take(member_add(cohort), built.lesson, answers_wrong, answers_right)
    assert count() == before


def test_the_page_for_the_cohort_staff(world):
    built, cohort = world
    staff = staff_create()
    cohort.staff.add(staff)
    page = client_for(staff).get(reverse("reporting:barometer", args=[cohort.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 membres mesurés : 50 % de bonnes réponses avant, 100 % après." in html
    assert "+50 points" in html
    stranger = staff_create()
    assert (
        client_for(stranger).get(reverse("reporting:barometer", args=[cohort.pk])).status_code
        == 404
    )
