"""A cohort of six officials at hand-picked progress in a 2 × 2 course, one outsider enrolled in
the same course, and the staff: the numbers every reporting test expects are worked out in
test_selectors.py from this table.

    member           done  opened  active  last activity   enrolled / invited   quiz 1 → latest  quiz 2
    Alice Dupont      4     -      3600 s  10 days ago                          40, 80 → 80      100
    Bruno Durand      2     -      1800 s  1 day ago                            75               (self-assessment 50)
    Chloé Martin      1     1       600 s  8 days ago                           9, then one open
    David Petit       -     -         -    never           enrolled 30 days ago
    Emma Roux         -     -         -    never           enrolled 1 day ago
    Fanny Simon       not enrolled                          invited 20 days ago
    (outsider)        4     -      9999 s  today                                55
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

import pytest
from django.utils import timezone

from elus2.cohorts.models import Cohort
from elus2.quizzes.models import AttemptStatus, QuizMode
from tests.factories.learning import BuiltCourse, learning_course_build
from tests.factories.reporting import (
    attempt_add,
    cohort_create,
    member_add,
    progress_set,
    staff_create,
)
from tests.factories.users import UserFactory


@dataclass
class World:
    now: datetime.datetime
    built: BuiltCourse
    cohort: Cohort
    other_cohort: Cohort
    staff: object
    other_staff: object
    members: dict[str, object]
    outsider: object


def days_ago(now, days: int) -> datetime.datetime:
    return now - datetime.timedelta(days=days)


@pytest.fixture
def world(db) -> World:
    now = timezone.now()
    built = learning_course_build(modules=2, lessons_per_module=2, fast=True)
    course, lessons = built.course, built.lessons
    staff, other_staff = staff_create(), staff_create()
    cohort = cohort_create(courses=[course], staff=[staff], stalled_after_days=7)
    other_cohort = cohort_create(courses=[course], staff=[other_staff])
    people = {}
    for key, first, last in [
        ("alice", "Alice", "Dupont"),
        ("bruno", "Bruno", "Durand"),
        ("chloe", "Chloé", "Martin"),
        ("david", "David", "Petit"),
        ("emma", "Emma", "Roux"),
        ("fanny", "Fanny", "Simon"),
    ]:
        people[key] = member_add(
            cohort,
            first_name=first,
            last_name=last,
            email=f"{key}@example.org",
            invited_at=days_ago(now, 40 if key != "fanny" else 20),
        )
    progress_set(
        people["alice"],
        course,
        lessons,
        done=4,
        active_seconds=3600,
        last_activity_at=days_ago(now, 10),
        lesson_seconds=900,
    )
    progress_set(
        people["bruno"],
        course,
        lessons,
        done=2,
        active_seconds=1800,
        last_activity_at=days_ago(now, 1),
    )
    progress_set(
        people["chloe"],
        course,
        lessons,
        done=1,
        opened=1,
        active_seconds=600,
        last_activity_at=days_ago(now, 8),
        lesson_seconds=300,
    )
    progress_set(people["david"], course, lessons, enrolled_at=days_ago(now, 30))
    progress_set(people["emma"], course, lessons, enrolled_at=days_ago(now, 1))

    quiz1, quiz2 = lessons[1], lessons[3]
    attempt_add(people["alice"], quiz1, 40)
    attempt_add(people["alice"], quiz1, 80)
    attempt_add(people["alice"], quiz2, 100)
    attempt_add(people["bruno"], quiz1, 75)
    attempt_add(people["bruno"], quiz2, 50, mode=QuizMode.SELF_ASSESSMENT)
    attempt_add(people["chloe"], quiz1, 9)
    attempt_add(people["chloe"], quiz1, 0, status=AttemptStatus.OPEN)

    outsider = member_add(other_cohort, first_name="Otto", last_name="Extérieur")
    progress_set(outsider, course, lessons, done=4, active_seconds=9999, last_activity_at=now)
    attempt_add(outsider, quiz1, 55)
    UserFactory()  # someone in no cohort at all
    return World(
        now=now,
        built=built,
        cohort=cohort,
        other_cohort=other_cohort,
        staff=staff,
        other_staff=other_staff,
        members=people,
        outsider=outsider,
    )
