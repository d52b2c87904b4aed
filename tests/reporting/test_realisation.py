"""The taux de réalisation: planned minutes of the steps completed (read from the evidence
ledger) over the programme's planned minutes, a whole number rounded half up; staff see it with
the steps behind it on a member's page."""

import pytest
from django.urls import reverse

from elus2.evidence.models import FactKind
from elus2.evidence.services import evidence_record
from elus2.learning.services import enrolment_create, lesson_progress_complete
from elus2.reporting.realisation import realisation_get, realisation_percent
from tests.factories.learning import client_for, learner_create, learning_course_build
from tests.factories.reporting import cohort_create, member_add, staff_create

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("done", "planned", "percent"),
    [
        (0, 60, 0),
        (60, 60, 100),
        (1, 8, 13),  # 12.5 → 13: half up, not to even
        (3, 8, 38),  # 37.5 → 38
        (5, 8, 63),  # 62.5 → 63
        (1, 3, 33),  # 33.33…
        (2, 3, 67),  # 66.66…
        (199, 200, 100),  # 99.5 → 100
        (1, 200, 1),  # 0.5 → 1
        (0, 0, 0),  # no programme yet
    ],
)
def test_the_funders_rounding(done, planned, percent):
    assert realisation_percent(done, planned) == percent


@pytest.fixture
def course():
    # Planned minutes 10, 20, 5 | 7, 8, 0: 50 in all.
    return learning_course_build(modules=2, lessons_per_module=3, minutes=[10, 20, 5, 7, 8, 0])


def test_completed_steps_come_from_the_ledger(course):
    learner = learner_create()
    enrolment_create(user=learner, course=course.course)
    for lesson in (course.lessons[0], course.lessons[2], course.lessons[4]):
        lesson_progress_complete(user=learner, lesson=lesson, source=lesson.completion_rule)
    result = realisation_get(person_id=learner.pk, course=course.course)
    assert (result.completed_minutes, result.planned_minutes) == (10 + 5 + 8, 50)
    assert result.percent == 46  # 23 / 50 = 46 %
    assert [step.completed_at is not None for step in result.steps] == [
        True,
        False,
        True,
        False,
        True,
        False,
    ]


def test_a_counter_without_proof_does_not_count(course):
    """Progress rows changed behind the services' back prove nothing: only ledger facts do."""
    from elus2.learning.models import Enrolment

    learner = learner_create()
    enrolment = enrolment_create(user=learner, course=course.course)
    Enrolment.objects.filter(pk=enrolment.pk).update(percent=100, lessons_completed=6)
    assert realisation_get(person_id=learner.pk, course=course.course).percent == 0
    # A fact about another course does not count either.
    evidence_record(
        person_id=learner.pk,
        kind=FactKind.LESSON_COMPLETED,
        course_id=course.course.pk + 1000,
        data={"lesson": course.lessons[0].pk},
    )
    assert realisation_get(person_id=learner.pk, course=course.course).percent == 0


def test_staff_see_it_on_the_members_page(course):
    staff = staff_create()
    cohort = cohort_create(courses=[course.course], staff=[staff])
    learner = member_add(cohort)
    enrolment_create(user=learner, course=course.course)
    lesson_progress_complete(
        user=learner, lesson=course.lessons[1], source=course.lessons[1].completion_rule
    )
    page = client_for(staff).get(
        reverse("reporting:learner_detail", args=[cohort.pk, learner.pk]),
        {"course": course.course.pk},
    )
    text = page.content.decode()
    assert "Taux de réalisation" in text
    assert '<strong class="realisation__percent">40&nbsp;%</strong>' in text  # 20 / 50
    assert "20&nbsp;min de formation terminées sur 50&nbsp;min prévues" in text
