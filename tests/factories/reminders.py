"""Reminder tests: a cohort on a small course, members placed at a chosen state in time.

Dates are set with plain updates after the services ran (services stamp "now"), the way the demo
moves its history into the past. Times are Europe/Paris, like the sending window.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass

from django.db.models import F

from elus2.cohorts.models import Cohort, Membership
from elus2.learning.models import Enrolment, EnrolmentStatus
from elus2.learning.services import enrolment_create

from .cohorts import CohortFactory, staff_create
from .learning import BuiltCourse, learning_course_build
from .users import UserFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def paris(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


# Tuesday 6 October 2026, 10:00 in Paris: inside the default window (9:00–12:00, weekdays).
IN_WINDOW = paris(2026, 10, 6, 10)


@dataclass
class Setting:
    built: BuiltCourse
    cohort: Cohort
    staff: object


def setting_create(*, deadline: datetime.date | None = None, **cohort_fields) -> Setting:
    """A running cohort on a 2 × 2 course (5, 6, 7, 3 minutes), with one chargée de suivi."""
    built = learning_course_build(modules=2, lessons_per_module=2, minutes=[5, 6, 7, 3], fast=True)
    staff = staff_create(first_name="Léa")
    cohort = CohortFactory(
        courses=[built.course],
        staff=[staff],
        starts_on=datetime.date(2026, 9, 1),
        deadline=deadline or datetime.date(2026, 12, 15),
        **cohort_fields,
    )
    return Setting(built=built, cohort=cohort, staff=staff)


def member_at(
    setting: Setting,
    *,
    invited: datetime.datetime,
    last_activity: datetime.datetime | None = None,
    done: int = 0,
    user=None,
    **user_fields,
) -> Enrolment:
    """A member invited at `invited`, enrolled; with `last_activity`, `done` lessons finished and
    last seen then (figures set as learning would: next lesson, minutes left)."""
    user = user or UserFactory(**user_fields)
    Membership.objects.create(cohort=setting.cohort, user=user)
    Membership.objects.filter(cohort=setting.cohort, user=user).update(invited_at=invited)
    enrolment = enrolment_create(user=user, course=setting.built.course, invited=True)
    lessons = setting.built.lessons
    finished = done >= len(lessons)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        enrolled_at=invited,
        last_activity_at=last_activity,
        started_at=last_activity,
        lessons_completed=done,
        status=EnrolmentStatus.COMPLETED
        if finished
        else EnrolmentStatus.STARTED
        if last_activity
        else EnrolmentStatus.ENROLLED,
        completed_at=last_activity if finished else None,
        next_lesson=None if finished else lessons[done],
        minutes_left=sum(lesson.estimated_minutes for lesson in lessons[done:]),
        percent=round(100 * done / len(lessons)),
    )
    enrolment.refresh_from_db()
    return enrolment


def activity_at(enrolment: Enrolment, moment: datetime.datetime) -> None:
    """The learner came back at `moment` (what a view or heartbeat would record)."""
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=moment, active_seconds=F("active_seconds") + 30
    )
